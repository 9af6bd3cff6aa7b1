using Tilsyn.Complaints.Intake;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Uploads;

/// <summary>A file that passed the attachment inspection: its safe name and the type decided by its content.</summary>
public sealed record AcceptedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The one reader for every form that takes attachments (<i>bilag</i>): the public complaint form,
/// manual registration, an administration's statement and a FOKUS answer. Every limit comes from
/// <see cref="Policy"/>; every refusal is a Danish message naming the file.
/// </summary>
public static class UploadReader
{
    /// <summary>The limits for attachments, wherever they are uploaded.</summary>
    public static AttachmentPolicy Policy { get; } = AttachmentPolicy.Default;

    /// <summary>
    /// Reads the posted files into memory. Too many files, too many bytes in all, or one file over the
    /// per-file limit are refused by their declared lengths before anything is read. An empty file input
    /// (no name, no bytes) is not a file. The content is not inspected here: see <see cref="Inspect"/>.
    /// </summary>
    public static async Task<List<IncomingFile>> ReadAsync(IEnumerable<IFormFile>? files, List<string> errors, CancellationToken ct)
    {
        var posted = (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (AttachmentInspector.CheckSet(posted.Select(f => (f.FileName, f.Length)).ToList(), Policy) is { } setError)
        {
            errors.Add(setError);
            return [];
        }
        var result = new List<IncomingFile>();
        foreach (var f in posted)
        {
            if (AttachmentInspector.CheckSize(f.FileName, f.Length, Policy) is { } sizeError)
            {
                errors.Add(sizeError);
                continue;
            }
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            result.Add(new IncomingFile(f.FileName, ms.ToArray()));
        }
        return result;
    }

    /// <summary>Reads the posted files (<see cref="ReadAsync"/>) and inspects each by its content (<see cref="Inspect"/>).</summary>
    public static async Task<List<AcceptedFile>> ReadAcceptedAsync(IEnumerable<IFormFile>? files, List<string> errors, CancellationToken ct) =>
        Inspect(await ReadAsync(files, errors, ct), errors);

    /// <summary>
    /// Checks the set (count, total) and each file by its content (<see cref="AttachmentInspector"/>):
    /// the accepted files, and one error per refused file, naming it.
    /// </summary>
    public static List<AcceptedFile> Inspect(IReadOnlyList<IncomingFile> files, List<string> errors)
    {
        if (AttachmentInspector.CheckSet(files.Select(f => (f.FileName, (long)f.Content.Length)).ToList(), Policy) is { } setError)
        {
            errors.Add(setError);
            return [];
        }
        var accepted = new List<AcceptedFile>();
        foreach (var f in files)
        {
            var r = AttachmentInspector.Inspect(f.FileName, f.Content, Policy);
            if (r.IsAccepted) accepted.Add(new AcceptedFile(r.SafeFileName, r.ContentType, f.Content));
            else errors.Add(r.Error);
        }
        return accepted;
    }
}
