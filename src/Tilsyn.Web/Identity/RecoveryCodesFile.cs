namespace Tilsyn.Web.Identity;

/// <summary>
/// The recovery codes (<i>gendannelseskoder</i>) as a text file the user saves from the page that shows
/// them once: made in the browser from that page (a <c>data:</c> address), never stored or sent by Tilsyn.
/// </summary>
public static class RecoveryCodesFile
{
    public const string Name = "tilsyn-gendannelseskoder.txt";

    public static string Text(IEnumerable<string> codes) =>
        "Tilsyn – gendannelseskoder til to-trinsbekræftelse\r\n" +
        "Hver kode virker én gang, i stedet for koden fra appen. Opbevar dem et sikkert sted (fx udskrevet i en låst skuffe), og slet filen fra computeren.\r\n\r\n" +
        string.Join("\r\n", codes) + "\r\n";
}
