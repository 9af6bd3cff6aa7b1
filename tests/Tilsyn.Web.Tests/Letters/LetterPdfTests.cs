using System.Diagnostics;
using Tilsyn.Web.Letters;

namespace Tilsyn.Web.Tests.Letters;

public sealed class LetterPdfTests
{
    internal static string PdfToText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            return text;
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_long_letter_breaks_into_numbered_pages_with_danish_letters_intact()
    {
        var paragraph = "Borgerrådgiveren har gennemgået sagen og konstaterer, at forvaltningen ikke partshørte familien før afgørelsen om opsigelse af pladsen i vuggestuen. ";
        var body = string.Join("\n\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat(paragraph, 4)), 14));
        var pdf = LetterPdf.Render(new LetterDocument(["Borgerrådgiveren", "Rådhuset"], "Søren Ærø", ["Åboulevarden 1", "8000 Aarhus C"],
            new DateOnly(2026, 11, 25), "2026-0000042", "Borgerrådgiverens konklusion", body));

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf[..5]));
        var text = PdfToText(pdf);
        Assert.Contains("Borgerrådgiverens konklusion", text);
        Assert.Contains("2026-0000042", text);
        Assert.Contains("25. november 2026", text);
        Assert.Contains("Søren Ærø", text);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Count(p => p.Trim().Length > 0);
        Assert.True(pages >= 2, $"expected several pages, got {pages}");
        Assert.Contains($"Side 1 af {pages}", text);
        Assert.Contains($"Side {pages} af {pages}", text);
    }
}
