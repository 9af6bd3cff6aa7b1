using System.Text;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>Downloads one journalised document of a case the user may see (logged).</summary>
public sealed class DocumentModel(CaseQueries cases, AccessLog accessLog) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, int sequence, CancellationToken ct)
    {
        var c = await cases.LoadAsync(User, number, ct);
        var doc = c?.Documents.FirstOrDefault(d => d.Sequence == sequence);
        if (c is null || doc is null || !CaseQueries.Access(User).MaySee(c, doc)) return NotFound();
        await accessLog.WriteAsync(AccessAction.Download, c.Number, $"Dokument {CaseNumber.FormatDocument(c.Number, doc.Sequence)}: {doc.Title}", ct);
        return FileOf(c, doc);
    }

    internal static IActionResult FileOf(ComplaintCase c, CaseDocument doc)
    {
        var number = CaseNumber.FormatDocument(c.Number, doc.Sequence);
        if (doc.Content is { } bytes)
            return new FileContentResult(bytes, doc.ContentType ?? "application/octet-stream") { FileDownloadName = $"{number} {doc.FileName ?? doc.Title}" };
        var text = $"{doc.Title}\n{number}\n{doc.CreatedAt.ToCopenhagen():dd-MM-yyyy HH:mm} – {doc.CreatedByName}\n\n{doc.Text}";
        return new FileContentResult(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8") { FileDownloadName = $"{number}.txt" };
    }
}
