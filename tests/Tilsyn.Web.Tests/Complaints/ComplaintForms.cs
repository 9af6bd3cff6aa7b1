using System.Text.RegularExpressions;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>Posts the public complaint form and the case page's forms as a browser would.</summary>
public static partial class ComplaintForms
{
    public static Dictionary<string, string> ValidComplaint(string name = "Anna Hansen", string email = "anna@borger.example") => new()
    {
        ["Form.Name"] = name,
        ["Form.Email"] = email,
        ["Form.Phone"] = "+45 12 34 56 78",
        ["Form.Address"] = "Nørregade 12, 2. th., 1165 København K",
        ["Form.Cpr"] = "",
        ["Form.Type"] = "Complaint",
        ["Form.AdministrationId"] = "",
        ["Form.Subject"] = "Ingen partshøring før afgørelse om plads",
        ["Form.Description"] = "Vores datter mistede sin vuggestueplads, uden at vi blev hørt først. Vi har ikke fået klagevejledning.",
    };

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files) =>
        await PostMultipartAsync(client, "/klage", "/klage", fields, files);

    public static Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string page, string action, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files) =>
        client.PostFilesAsync(page, action, fields, [.. files.Select(f => new UploadFile("files", f.Name, f.Content))]);

    /// <summary>Submits a complaint and follows to the receipt: returns the case number and the status link path.</summary>
    public static async Task<(string Number, string StatusPath)> SubmitOkAsync(HttpClient client, Dictionary<string, string>? fields = null, params (string Name, byte[] Content)[] files)
    {
        var response = await SubmitAsync(client, fields ?? ValidComplaint(), files);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"submit failed: {response.StatusCode} {Errors(await response.Content.ReadAsStringAsync())}");
        var receipt = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        var number = NumberPattern().Match(receipt).Groups[1].Value;
        var status = StatusPattern().Match(receipt).Groups[1].Value;
        Assert.NotEmpty(number);
        Assert.StartsWith("/status/", status);
        return (number, status);
    }

    public static string Errors(string html) => string.Join(" | ", ErrorPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));

    [GeneratedRegex("id=\"sagsnummer\">([0-9-]+)<")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("id=\"statuslink\" href=\"([^\"]+)\"")]
    private static partial Regex StatusPattern();

    // An error about a field is a link to it (issue 16: the error summary links to the fields), the others plain text.
    [GeneratedRegex("<li>\\s*(?:<a href=\"#[^\"]*\">)?([^<]*?)\\s*(?:</a>)?\\s*</li>")]
    private static partial Regex ErrorPattern();
}
