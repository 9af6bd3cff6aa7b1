using System.Globalization;

namespace Tilsyn.Retention;

/// <summary>
/// The checksum list of an archive package (<i>arkivaflevering</i>), file <see cref="FileName"/>: one
/// line per file, <c>&lt;SHA-256 in lower-case hex&gt;  &lt;relative path&gt;</c>, paths with <c>/</c>,
/// sorted by path: the format of <c>sha256sum</c>, so the archive can check a package with
/// <c>sha256sum -c SHA256SUMS.txt</c> and no Tilsyn.
/// </summary>
public static class ArchiveManifest
{
    public const string FileName = "SHA256SUMS.txt";

    /// <summary>The text of the list; refuses a path that could leave the package folder.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> checksumsByPath)
    {
        var lines = checksumsByPath
            .Select(p => (Path: CheckPath(p.Key), Sha: CheckSha(p.Value)))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => $"{p.Sha}  {p.Path}\n");
        return string.Concat(lines);
    }

    /// <summary>Reads a list written by <see cref="Write"/>; a malformed line or an unsafe path is refused with its line number.</summary>
    public static IReadOnlyDictionary<string, string> Read(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            if (line.Length < 67 || line[64] != ' ' || line[65] != ' ')
                throw new DomainException($"Linje {lineNumber} i {FileName} har ikke formen '<sha256>  <sti>'.");
            var sha = CheckSha(line[..64]);
            var path = CheckPath(line[66..]);
            if (!result.TryAdd(path, sha))
                throw new DomainException($"Linje {lineNumber} i {FileName} nævner en fil for anden gang.");
        }
        return result;
    }

    /// <summary>A path inside the package: relative, with <c>/</c>, no <c>..</c>, no empty parts, no control characters.</summary>
    public static string CheckPath(string path)
    {
        var parts = path.Split('/');
        if (path.Length == 0 || path.Contains('\\') || path.Any(char.IsControl)
            || parts.Any(p => p.Length == 0 || p == "." || p == ".."))
            throw new DomainException($"Stien '{path}' er ikke en sti inde i arkivpakken.");
        return path;
    }

    private static string CheckSha(string sha)
    {
        if (sha.Length != 64 || !sha.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw new DomainException("En kontrolsum skal være 64 hexadecimale tegn (SHA-256, små bogstaver).");
        return sha;
    }

    /// <summary>The folder of one case in the package: <c>sager/2026-0000001</c>.</summary>
    public static string CaseFolder(string caseNumber) => $"sager/{CheckPath(caseNumber)}";

    /// <summary>A document's file: <c>sager/2026-0000001/dokumenter/03-udgaaende.pdf</c> (its number within the case, its kind).</summary>
    public static string DocumentFile(string caseNumber, int sequence, string kindSlug, string extension) =>
        $"{CaseFolder(caseNumber)}/dokumenter/{sequence.ToString("00", CultureInfo.InvariantCulture)}-{CheckPath(kindSlug)}{extension}";
}
