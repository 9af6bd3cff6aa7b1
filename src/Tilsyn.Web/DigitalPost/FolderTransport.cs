namespace Tilsyn.Web.DigitalPost;

/// <summary>
/// Writes each message as <c>{messageUUID}.xml</c> into <see cref="DigitalPostOptions.Folder"/>, for the
/// municipality's integration platform to collect. Atomic: the bytes go to a hidden temporary file in the
/// same folder, are flushed to disk, and the file is then renamed, so a reader never sees half a message.
/// Idempotent: a message whose file is already there is not written again.
/// </summary>
/// <remarks>
/// The files hold the citizen's CPR number and letter: the folder must be readable only by Tilsyn's
/// service account and the integration platform. On Linux the files are created with mode 0640.
/// The platform should ignore names starting with a dot (temporary files) and remove a file once it
/// has taken it.
/// </remarks>
public sealed class FolderTransport(string folder) : IDigitalPostTransport
{
    public async Task DeliverAsync(Guid messageUuid, byte[] memoXml, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var final = Path.Combine(folder, $"{messageUuid:D}.xml");
        if (File.Exists(final)) return; // written before (perhaps by an attempt that died before recording it)
        var temp = Path.Combine(folder, $".{messageUuid:D}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        try
        {
            await using (var stream = new FileStream(temp, fileOptions))
            {
                await stream.WriteAsync(memoXml, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            try { File.Move(temp, final, overwrite: false); }
            catch (IOException) when (File.Exists(final)) { } // another writer of the same message won: it is there once
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
