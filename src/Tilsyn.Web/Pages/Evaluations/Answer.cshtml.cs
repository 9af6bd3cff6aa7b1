using System.Globalization;
using Tilsyn.Calendar;
using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Evaluations;

/// <summary>An administration's FOKUS answer: drafts, submission with meeting slots, and the advisor's logged reopening.</summary>
[Authorize(Policy = Policies.CaseReaders)]
[UploadLimits]
public sealed class AnswerModel(EvaluationService evaluations, TilsynDbContext db, TimeProvider clock, Tilsyn.Web.Mail.MailOutbox outbox) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "administration")] public int AdministrationId { get; set; }
    public string AdministrationCode { get; private set; } = "";
    public EvaluationAnswer Answer { get; private set; } = null!;
    public string? Error { get; set; }

    /// <summary>The answer's stored version (<see cref="AggregateVersion"/>), carried by every form that changes it.</summary>
    public int Version => record.Version;

    /// <summary>The version the form was loaded with; a change based on an older one is refused.</summary>
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }
    public EvaluationAssessment Assessment { get; private set; } = new();
    public sealed record AssessmentField(string Target, string Label, Score? Current);
    public sealed record AttachmentRow(int Id, string FileName, DateTimeOffset UploadedAt, string UploadedBy);
    public List<AttachmentRow> Attachments { get; private set; } = [];
    public List<AssessmentField> AssessmentFields { get; private set; } = [];

    /// <summary>The user's reach in FOKUS (<see cref="EvaluationAccess"/>): the page offers review only when it allows it.</summary>
    public EvaluationAccess Access => EvaluationService.Access(User);
    private EvaluationAnswerRecord record = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSaveAsync(Dictionary<string, string>? answers, string? scope, CancellationToken ct) => Change("Kladden er gemt.", a =>
    {
        if ((scope ?? "").Trim() != (a.AgreedScope ?? "")) a.SetScope(scope, clock.GetUtcNow(), User.DisplayName());
        foreach (var (key, value) in answers ?? [])
            if (!string.IsNullOrWhiteSpace(value) || a.Text(key) is not null) a.Answer(key, value ?? "");
        foreach (var q in a.Scheme.Sections.SelectMany(s => s.Questions).Where(q => q.Kind == QuestionKind.Initiatives))
        {
            var rows = new List<Initiative>();
            for (var i = 0; i < 100 && Request.Form.ContainsKey($"init-{q.Key}-{i}-name"); i++)
            {
                string F(string part) => Request.Form[$"init-{q.Key}-{i}-{part}"].ToString().Trim();
                if (F("name").Length == 0 && F("purpose").Length == 0) continue;
                DateOnly? start = DateOnly.TryParseExact(F("start"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                rows.Add(new Initiative(F("name"), F("purpose"), F("target"), start, F("effect")));
            }
            a.SetInitiatives(q.Key, rows);
        }
    }, ct);

    public Task<IActionResult> OnPostSubmitAsync(string? coverLetter, List<DateTime>? slots, string? participants, CancellationToken ct) => Change("Besvarelsen er indsendt.", a =>
    {
        var meetingSlots = (slots ?? []).Select(s => new MeetingSlot(Tilsyn.Calendar.DanishTime.At(DateOnly.FromDateTime(s), TimeOnly.FromDateTime(s)), TimeSpan.FromHours(1))).ToList();
        var people = (participants ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // Each participant gets the meeting invitation by e-mail, so each line needs an address.
        for (var i = 0; i < people.Length; i++)
            if (!MimeKit.MailboxAddress.TryParse(people[i], out var box) || string.IsNullOrEmpty(box.Address) || !box.Address.Contains('@'))
                throw new DomainException($"Deltager på linje {i + 1} skal skrives som Navn <e-mail>, fx Lene Mortensen <lene@kk.dk>.");
        a.Submit(coverLetter ?? "", meetingSlots, people, clock.GetUtcNow(), User.DisplayName());
    }, ct);

    /// <summary>The advisor picks the meeting time; every participant (and the advisor) gets an .ics invitation by e-mail.</summary>
    public async Task<IActionResult> OnPostChooseSlotAsync(int slot, CancellationToken ct)
    {
        if (!Access.MayReview) return Forbid();
        var me = await db.Users.Where(u => u.UserName == User.Identity!.Name).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return await Change("Mødetidspunktet er valgt, og invitationerne er sendt.", a =>
        {
            var chosen = a.ChooseMeeting(slot, clock.GetUtcNow(), User.DisplayName());
            var attendees = a.Participants.Select(p => MimeKit.MailboxAddress.Parse(p)).Select(b => (b.Name ?? b.Address, b.Address)).ToList();
            var summary = $"FOKUS {Year}: opfølgningsmøde med {AdministrationCode}";
            var ics = MeetingInvitation.Create($"fokus-{Year}-{AdministrationId}@tilsyn", summary, "Opfølgning på forvaltningens FOKUS-besvarelse.", chosen, me ?? "borgerraadgiveren@kommune.example", attendees);
            var when = chosen.Start.ToCopenhagen().ToString("dddd 'den' d. MMMM yyyy 'kl.' HH.mm", Tilsyn.Calendar.DanishTime.Culture);
            foreach (var to in attendees.Select(x => x.Item2).Append(me).Where(x => !string.IsNullOrEmpty(x)).Distinct())
                outbox.Enqueue(to!, summary, $"Borgerrådgiveren har valgt {when} til opfølgningsmødet om FOKUS {Year}. Invitationen er vedhæftet.", null,
                    "invitation.ics", System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; method=REQUEST; charset=utf-8");
        }, ct);
    }

    /// <summary>Attaches documents to a draft answer; each file is checked by its content and named in any error.</summary>
    public async Task<IActionResult> OnPostAttachAsync(List<IFormFile> files, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Answer.EnsureMayAttach();
        var errors = new List<string>();
        var accepted = await UploadReader.ReadAcceptedAsync(files, errors, ct);
        if (accepted.Count == 0 && errors.Count == 0) errors.Add("Vælg en fil.");
        if (errors.Count > 0) throw new DomainException(string.Join(" ", errors));
        foreach (var f in accepted)
            db.Add(new EvaluationAttachment { AnswerId = record.Id, FileName = f.FileName, ContentType = f.ContentType, Content = f.Content, UploadedAt = clock.GetUtcNow(), UploadedBy = User.DisplayName() });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Bilag er vedhæftet.";
        return Redirect($"/Evaluations/Answer?year={Year}&administration={AdministrationId}");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(int attachmentId, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var a = await db.Set<EvaluationAttachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.AnswerId == record.Id, ct);
        return a is null ? NotFound() : File(a.Content, a.ContentType, a.FileName);
    }

    /// <summary>The advisor's assessment: every field named <c>score-…</c> with its <c>comment-…</c>.</summary>
    public async Task<IActionResult> OnPostAssessAsync(CancellationToken ct)
    {
        if (!Access.MayReview) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        db.ExpectVersion(record, ShownVersion);
        var assessment = record.StartAssessment();
        foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith("score-", StringComparison.Ordinal)))
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var score = int.TryParse(value, out var n) ? n : throw new DomainException("Vælg en værdi på skalaen.");
            var target = key["score-".Length..];
            var comment = Request.Form["comment-" + target].ToString();
            if (target == "overall") assessment.AssessOverall(score, comment);
            else if (target.StartsWith("section-", StringComparison.Ordinal)) assessment.AssessSection(Answer.Scheme, target["section-".Length..], score, comment);
            else if (target.StartsWith("init-", StringComparison.Ordinal) && target.LastIndexOf('-') is var dash and > 5
                     && int.TryParse(target[(dash + 1)..], out var index))
                assessment.AssessInitiative(Answer, target[5..dash], index, score, comment);
        }
        await evaluations.SaveAssessmentAsync(record, assessment, ct);
        TempData["Message"] = "Vurderingen er gemt.";
        return Redirect($"/Evaluations/Answer?year={Year}&administration={AdministrationId}");
    }

    public async Task<IActionResult> OnPostReopenAsync(string? reason, CancellationToken ct)
    {
        if (!Access.MayReview) return Forbid();
        return await Change("Besvarelsen er genåbnet.", a => a.Reopen(reason ?? "", clock.GetUtcNow(), User.DisplayName()), ct);
    }

    private async Task<IActionResult> Change(string done, Action<EvaluationAnswer> change, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        db.ExpectVersion(record, ShownVersion);
        change(Answer);
        await evaluations.SaveAsync(record, Answer, ct);
        TempData["Message"] = done;
        return Redirect($"/Evaluations/Answer?year={Year}&administration={AdministrationId}");
    }

    /// <summary>After a refused change the page shows the stored answer again, not the half-changed one.</summary>
    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await evaluations.AnswerAsync(User, Year, AdministrationId, ct);
        if (found is null) return false;
        (record, Answer) = found.Value;
        Assessment = EvaluationService.AssessmentOf(record);
        Attachments = await db.Set<EvaluationAttachment>().AsNoTracking().Where(x => x.AnswerId == record.Id).OrderBy(x => x.Id)
            .Select(x => new AttachmentRow(x.Id, x.FileName, x.UploadedAt, x.UploadedBy)).ToListAsync(ct);
        AssessmentFields = [];
        foreach (var part in Answer.Scheme.Sections)
        {
            foreach (var q in part.Questions.Where(q => q.Kind == QuestionKind.Initiatives))
            {
                var list = Answer.Initiatives(q.Key);
                for (var i = 0; i < list.Count; i++)
                    AssessmentFields.Add(new($"init-{q.Key}-{i}", $"Initiativ: {list[i].Name}", Assessment.Initiatives.GetValueOrDefault(EvaluationAssessment.InitiativeKey(q.Key, i))));
            }
            AssessmentFields.Add(new($"section-{part.Letter}", $"Afsnit {part.Letter}. {part.Title}", Assessment.Sections.GetValueOrDefault(part.Letter)));
        }
        AssessmentFields.Add(new("overall", "Samlet vurdering", Assessment.Overall));
        AdministrationCode = await db.Administrations.Where(a => a.Id == AdministrationId).Select(a => a.Code).FirstAsync(ct);
        return true;
    }
}
