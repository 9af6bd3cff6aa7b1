using Tilsyn.Organisation;

namespace Tilsyn.Web.Organisation;

/// <param name="Warnings">Imported, but worth knowing: e.g. a topic whose group neither the file nor the register has.</param>
public sealed record KleImportResult(int Added, int Updated, IReadOnlyList<KleImportError> Errors, IReadOnlyList<KleImportError> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Loads a KLE file into the subject register. All or nothing: the whole file is validated first,
/// then written in one transaction. Importing the same file twice changes nothing (idempotent);
/// subjects missing from a new file are kept (old cases refer to them), only titles and the retired
/// mark are updated.
/// </summary>
public sealed class KleImporter(TilsynDbContext db)
{
    public async Task<KleImportResult> ImportAsync(Stream file, CancellationToken ct = default)
    {
        var parsed = KleImportParser.Parse(file);
        if (!parsed.IsValid) return new(0, 0, parsed.Errors, []);

        var existing = await db.KleSubjects.ToDictionaryAsync(k => k.Code, ct);
        var warnings = parsed.MissingParents
            .Where(r => !existing.ContainsKey(r.Code.Parent!.Value.Value))
            .Select(r => new KleImportError(r.Line, $"koden {r.Code} er importeret, men dens overordnede kode {r.Code.Parent} findes hverken i filen eller i registret."))
            .ToList();
        int added = 0, updated = 0;
        foreach (var row in parsed.Rows.OrderBy(r => r.Code.Level))
        {
            if (existing.TryGetValue(row.Code.Value, out var subject))
            {
                if (subject.Title != row.Title || subject.IsRetired != row.Retired)
                {
                    subject.Update(row.Title, row.Retired);
                    updated++;
                }
            }
            else
            {
                var s = new KleSubject(row.Code, row.Title);
                if (row.Retired) s.Update(row.Title, true);
                db.KleSubjects.Add(s);
                added++;
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(added, updated, [], warnings);
    }
}
