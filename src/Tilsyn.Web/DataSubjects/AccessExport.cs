using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.DataSubjects;
using Tilsyn.Web.Letters;

namespace Tilsyn.Web.DataSubjects;

/// <summary>
/// The access export for a data subject (<i>indsigt</i>, GDPR art. 15): one ZIP with
/// <c>oversigt.pdf</c> (a Danish summary: what is held, why, for how long, the person's rights),
/// <c>data.json</c> (every finding with its data: the cases where the person is the citizen with
/// their history and document texts, the mails, the other hits) and <c>dokumenter/</c> (every
/// journalised document of those cases as its file, or as text). Documents on other people's cases
/// that name the person are listed, not copied: their release is weighed first (art. 15(4)).
/// The CPR number appears only masked. The caller logs the export.
/// </summary>
public sealed class AccessExport(TilsynDbContext db, TimeProvider clock, IConfiguration config)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Result(byte[] Zip, string FileName, int Cases, int Documents);

    public async Task<Result> BuildAsync(PersonKey key, PersonFindings found, string? requestNumber, CancellationToken ct)
    {
        var caseIds = found.Cases.Select(c => c.Id).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Include(c => c.Events).Include(c => c.Documents).AsSplitQuery()
            .OrderBy(c => c.Year).ThenBy(c => c.Sequence).ToListAsync(ct);
        var mailIds = found.Mails.Select(m => m.Id).ToList();
        var mails = await db.OutgoingMail.AsNoTracking().Where(m => mailIds.Contains(m.Id)).OrderBy(m => m.Id)
            .Select(m => new { m.To, m.Subject, m.Body, m.CaseNumber, m.CreatedAt, m.SentAt, m.AttachmentName }).ToListAsync(ct);
        var otherDocs = found.Documents.Where(d => !caseIds.Contains(d.CaseId)).ToList();
        var now = clock.GetUtcNow();
        var today = DanishTime.LocalDate(now);

        using var zip = new MemoryStream();
        var files = new List<string>();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var c in cases)
                foreach (var d in c.Documents.OrderBy(d => d.Sequence))
                {
                    var number = CaseNumber.FormatDocument(c.Number, d.Sequence);
                    var name = d.Content is not null ? $"dokumenter/{number} {SafeName(d.FileName ?? d.Title)}" : $"dokumenter/{number}.txt";
                    var bytes = d.Content ?? Encoding.UTF8.GetBytes($"{d.Title}\n{number}\n{d.CreatedAt.ToCopenhagen():dd-MM-yyyy HH:mm} – {d.CreatedByName}\n\n{d.Text}");
                    await Add(archive, name, bytes, now, ct);
                    files.Add(name);
                }

            var data = new
            {
                Generated = now,
                SearchedBy = PersonKey.Name(key.Kind),
                Key = key.Value,
                RequestCase = requestNumber,
                Cases = cases.Select(c => new
                {
                    c.Number, Type = CaseTexts.Name(c.Type), Status = CaseWorkflow.Name(c.Status), c.ReceivedAt, c.Subject, c.Description,
                    Citizen = new { c.Citizen!.Name, c.Citizen.Email, c.Citizen.Phone, c.Citizen.Address, Cpr = c.Citizen.MaskedCpr },
                    Outcome = c.Outcome is { } o ? CaseTexts.Name(o) : null, Conclusion = c.ConclusionText, c.ConcludedAt, c.ClosedAt,
                    Documents = c.Documents.OrderBy(d => d.Sequence).Select(d => new
                    {
                        Number = CaseNumber.FormatDocument(c.Number, d.Sequence), d.Kind, d.Title, d.CreatedAt, CreatedBy = d.CreatedByName, d.Text, d.FileName,
                    }),
                    History = c.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new { e.At, By = e.ActorName, e.Text }),
                }),
                DocumentsOnOtherCases = otherDocs.Select(d => new { Number = CaseNumber.FormatDocument(d.CaseNumber, d.Sequence), d.Kind, d.Title, d.CreatedAt }),
                Mails = mails,
                FokusAnswers = found.EvaluationAnswers,
                AuditedCases = found.AuditedCases,
                UserAccounts = found.Users.Select(u => new { u.FullName, u.UserName, u.Email }),
            };
            await Add(archive, "data.json", JsonSerializer.SerializeToUtf8Bytes(data, Json), now, ct);
            await Add(archive, "oversigt.pdf", Summary(key, found, cases, otherDocs.Count, mails.Count, files, requestNumber, today), now, ct);
        }
        var stamp = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new(zip.ToArray(), requestNumber is null ? $"indsigt-{stamp}.zip" : $"indsigt-{requestNumber}-{stamp}.zip", cases.Count, files.Count);
    }

    private byte[] Summary(PersonKey key, PersonFindings found, List<ComplaintCase> cases, int otherDocs, int mails, List<string> files, string? requestNumber, DateOnly today)
    {
        var name = cases.Select(c => c.Citizen!.Name).FirstOrDefault() ?? (key.Kind == PersonKeyKind.Name ? key.Value : "");
        var b = new StringBuilder();
        b.AppendLine($"Denne oversigt viser de personoplysninger om dig, som Borgerrådgiveren behandler i sit sagsbehandlingssystem, jf. databeskyttelsesforordningens artikel 15. Der er søgt på {PersonKey.Name(key.Kind).ToLowerInvariant()} ({key.Value}).");
        b.AppendLine();
        b.AppendLine("Formål og retsgrundlag: Borgerrådgiveren behandler oplysningerne for at behandle klager og henvendelser om kommunens forvaltning (databeskyttelsesforordningens artikel 6, stk. 1, litra e, og for CPR-nummeret databeskyttelseslovens § 11, stk. 1). Oplysningerne kan være delt med den forvaltning, sagen handler om, når det var nødvendigt for sagens behandling.");
        b.AppendLine();
        b.AppendLine($"Sager, hvor du er part ({cases.Count}):");
        foreach (var c in cases)
        {
            var held = new List<string> { "navn" };
            if (c.Citizen!.Address is not null) held.Add("adresse");
            if (c.Citizen.Email is not null) held.Add("e-mail");
            if (c.Citizen.Phone is not null) held.Add("telefon");
            if (c.Citizen.MaskedCpr is not null) held.Add("CPR-nummer");
            b.AppendLine($"- Sag {c.Number}: {CaseTexts.Name(c.Type)} modtaget {c.ReceivedAt.ToCopenhagen():dd-MM-yyyy}, status {CaseWorkflow.Name(c.Status)}, {c.Documents.Count} dokumenter. Oplysninger om dig: {string.Join(", ", held)}.");
        }
        if (cases.Count == 0) b.AppendLine("- Ingen.");
        b.AppendLine();
        b.AppendLine($"Dokumenter: {files.Count} dokumenter fra sagerne ovenfor er vedlagt i mappen 'dokumenter'.");
        if (otherDocs > 0)
            b.AppendLine($"Du er desuden nævnt i {otherDocs} dokumenter på andre sager. De er ikke vedlagt, fordi andre personers oplysninger skal vurderes først (artikel 15, stk. 4); du får dem særskilt, i det omfang de kan udleveres.");
        b.AppendLine($"Mails sendt til dig eller om dig: {mails}.");
        if (found.EvaluationAnswers.Count + found.AuditedCases.Count > 0)
            b.AppendLine($"Du er nævnt i {found.EvaluationAnswers.Count} FOKUS-besvarelser og {found.AuditedCases.Count} sager i sagsaudits.");
        if (found.Users.Count > 0) b.AppendLine($"Du har {found.Users.Count} brugerkonto(er) i systemet.");
        b.AppendLine();
        b.AppendLine("Opbevaring: Oplysningerne opbevares, til sagens opbevaringsfrist efter kommunens regler er udløbet; derefter slettes de eller afleveres til arkiv efter arkivloven.");
        b.AppendLine();
        b.AppendLine("Dine rettigheder: Du kan bede om at få urigtige oplysninger berigtiget (artikel 16), om sletning (artikel 17), om begrænsning af behandlingen (artikel 18) og gøre indsigelse (artikel 21). Du kan klage til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.");
        b.AppendLine();
        b.AppendLine("Filen data.json indeholder alle oplysningerne i maskinlæsbar form (JSON).");
        return LetterPdf.Render(new LetterDocument(
            SenderLines: ["Borgerrådgiveren", .. (config.GetSection("Letters:SenderAddress").Get<string[]>() ?? ["Rådhuset", "1599 København V"])],
            RecipientName: name, RecipientAddressLines: [], Date: today, CaseNumber: requestNumber ?? "",
            Title: "Oversigt over dine personoplysninger", Body: b.ToString()));
    }

    private static async Task Add(ZipArchive archive, string name, byte[] bytes, DateTimeOffset at, CancellationToken ct)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        await using var s = await entry.OpenAsync(ct);
        await s.WriteAsync(bytes, ct);
    }

    /// <summary>A file name without path separators or control characters (the stored name came from a citizen's upload).</summary>
    private static string SafeName(string name)
    {
        var cleaned = new string(name.Select(ch => ch is '/' or '\\' or ':' || char.IsControl(ch) ? '_' : ch).ToArray()).Trim('.', ' ');
        return cleaned.Length == 0 ? "fil" : cleaned.Length > 120 ? cleaned[..120] : cleaned;
    }
}
