using System.Text.Json;
using Tilsyn.Audits;
using Tilsyn.DataSubjects;
using Tilsyn.Evaluations;

namespace Tilsyn.Web.DataSubjects;

/// <summary>
/// Finds everything Tilsyn holds about a data subject (GDPR art. 15): cases by the citizen's CPR
/// (through the lookup hash), name, e-mail or phone; documents and mails whose text holds the key;
/// FOKUS answers and case audits whose stored text names them; user accounts. Staff only; the page
/// logs every search. Texts are matched case-insensitively by substring (SQLite lowers ASCII letters
/// only, so a name typed in another case than stored may be missed there if it has æ, ø or å in capitals).
/// </summary>
public sealed class PersonSearch(TilsynDbContext db, CprLookup cprLookup)
{
    public const int MaxPerKind = 500;

    public async Task<PersonFindings> FindAsync(PersonKey key, CancellationToken ct)
    {
        var forms = key.TextForms();
        return new PersonFindings(
            await CasesAsync(key, ct),
            await DocumentsAsync(forms, ct),
            await MailsAsync(key, forms, ct),
            await EvaluationAnswersAsync(forms, ct),
            await AuditedCasesAsync(forms, ct),
            await UsersAsync(key, ct));
    }

    private async Task<List<PersonCase>> CasesAsync(PersonKey key, CancellationToken ct)
    {
        var q = db.Cases.AsNoTracking().Where(Tilsyn.Complaints.CaseRegisters.AdvisorsOwn).Where(c => c.Citizen != null);
        var value = key.Value;
        q = key.Kind switch
        {
            PersonKeyKind.Cpr => q.Where(c => c.Citizen!.CprLookup == cprLookup.Hash(key.CprDigits!)),
            PersonKeyKind.Name => q.Where(c => c.Citizen!.Name.ToLower().Contains(value.ToLowerInvariant())),
            PersonKeyKind.Email => q.Where(c => c.Citizen!.Email != null && c.Citizen.Email.ToLower() == value),
            _ => q.Where(c => c.Citizen!.Phone != null && c.Citizen.Phone.Replace(" ", "").Replace("-", "").Contains(value)),
        };
        return await q.OrderBy(c => c.Year).ThenBy(c => c.Sequence).Take(MaxPerKind)
            .Select(c => new PersonCase(c.Id, c.Number, c.Type, c.Status, c.ReceivedAt, c.Citizen!.Name, c.Citizen.Email, c.Citizen.Phone, c.Citizen.Address, c.Citizen.MaskedCpr))
            .ToListAsync(ct);
    }

    private async Task<List<PersonDocument>> DocumentsAsync(IReadOnlyList<string> forms, CancellationToken ct)
    {
        var found = new List<PersonDocument>();
        foreach (var form in forms)
        {
            var rows = await db.CaseDocuments.AsNoTracking().Where(d => d.Text != null && d.Text.ToLower().Contains(form))
                .Join(db.Cases.Where(Tilsyn.Complaints.CaseRegisters.AdvisorsOwn), d => d.CaseId, c => c.Id, (d, c) => new { d.CaseId, c.Number, c.Year, c.Sequence, DocSequence = d.Sequence, d.Kind, d.Title, d.CreatedAt })
                .Take(MaxPerKind).ToListAsync(ct);
            found.AddRange(rows.Select(r => new PersonDocument(r.CaseId, r.Number, r.DocSequence, r.Kind, r.Title, r.CreatedAt)));
        }
        return found.DistinctBy(d => (d.CaseId, d.Sequence)).OrderBy(d => d.CaseNumber, StringComparer.Ordinal).ThenBy(d => d.Sequence).Take(MaxPerKind).ToList();
    }

    private async Task<List<PersonMail>> MailsAsync(PersonKey key, IReadOnlyList<string> forms, CancellationToken ct)
    {
        var found = new List<PersonMail>();
        foreach (var form in forms)
        {
            var q = db.OutgoingMail.AsNoTracking();
            q = key.Kind == PersonKeyKind.Email
                ? q.Where(m => m.To.ToLower() == form || m.Body.ToLower().Contains(form))
                : q.Where(m => m.Body.ToLower().Contains(form));
            found.AddRange(await q.OrderBy(m => m.Id).Take(MaxPerKind)
                .Select(m => new PersonMail(m.Id, m.To, m.Subject, m.CaseNumber, m.CreatedAt, m.SentAt)).ToListAsync(ct));
        }
        return found.DistinctBy(m => m.Id).OrderBy(m => m.Id).Take(MaxPerKind).ToList();
    }

    private async Task<List<PersonEvaluationAnswer>> EvaluationAnswersAsync(IReadOnlyList<string> forms, CancellationToken ct)
    {
        var ids = await IdsWhereJsonContainsAsync<int>("evaluation_answers", "SnapshotJson", forms, ct);
        if (ids.Count == 0) return [];
        return await db.Set<EvaluationAnswerRecord>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Set<EvaluationRound>(), a => a.RoundId, r => r.Id, (a, r) => new { a.Id, r.Year, a.AdministrationId })
            .Join(db.Administrations, x => x.AdministrationId, ad => ad.Id, (x, ad) => new PersonEvaluationAnswer(x.Id, x.Year, ad.Name))
            .OrderBy(x => x.Year).ToListAsync(ct);
    }

    private async Task<List<PersonAuditedCase>> AuditedCasesAsync(IReadOnlyList<string> forms, CancellationToken ct)
    {
        var ids = await IdsWhereJsonContainsAsync<long>("audited_cases", "Answers", forms, ct);
        if (ids.Count == 0) return [];
        return await db.Set<SampledCase>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Join(db.Set<CaseAudit>(), s => s.AuditId, a => a.Id, (s, a) => new PersonAuditedCase(s.Id, a.Id, a.Title, s.CaseKey))
            .OrderBy(x => x.AuditId).ThenBy(x => x.CaseKey).ToListAsync(ct);
    }

    private async Task<List<PersonUser>> UsersAsync(PersonKey key, CancellationToken ct)
    {
        var value = key.Value.ToLowerInvariant();
        var q = key.Kind switch
        {
            PersonKeyKind.Name => db.Users.Where(u => u.FullName.ToLower().Contains(value)),
            PersonKeyKind.Email => db.Users.Where(u => u.Email != null && u.Email.ToLower() == value),
            PersonKeyKind.Phone => db.Users.Where(u => u.PhoneNumber != null && u.PhoneNumber.Replace(" ", "").Contains(value)),
            _ => null, // users have no CPR number
        };
        return q is null ? [] : await q.AsNoTracking().OrderBy(u => u.FullName).Take(MaxPerKind)
            .Select(u => new PersonUser(u.Id, u.FullName, u.UserName, u.Email)).ToListAsync(ct);
    }

    /// <summary>
    /// Ids of rows whose JSON text column holds one of the forms, as written or as JSON escapes it
    /// (æ, ø, å are stored as <c>\u00E6</c> …). The table and column are constants of this class, never input.
    /// </summary>
    private async Task<List<T>> IdsWhereJsonContainsAsync<T>(string table, string column, IReadOnlyList<string> forms, CancellationToken ct)
    {
        var patterns = forms.SelectMany(f => new[] { f, JsonSerializer.Serialize(f)[1..^1].ToLowerInvariant() }).Distinct()
            .Select(f => "%" + f.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%").ToList();
        var found = new List<T>();
        var sql = "SELECT \"Id\" AS \"Value\" FROM " + table + " WHERE lower(\"" + column + "\") LIKE {0} ESCAPE '\\'";
        foreach (var pattern in patterns)
            found.AddRange(await db.Database.SqlQueryRaw<T>(sql, pattern).ToListAsync(ct));
        return found.Distinct().Take(MaxPerKind).ToList();
    }
}
