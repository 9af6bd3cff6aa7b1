namespace Tilsyn.Evaluations;

/// <summary>One initiative in an answer (<i>initiativ</i>).</summary>
public sealed record Initiative(string Name, string Purpose, string TargetGroup, DateOnly? Started, string EffectFollowUp);

/// <summary>Where an administration's answer to a round is.</summary>
public enum AnswerStatus { Draft = 1, Submitted = 2 }

/// <summary>A proposed time for the follow-up meeting (<i>opfølgningsmøde</i>).</summary>
public sealed record MeetingSlot(DateTimeOffset Start, TimeSpan Length);

/// <summary>
/// An administration's answer to a FOKUS round. Drafts can be changed freely; submitting locks the
/// answer, and only the advisor can reopen it, with a reason that is kept in its history.
/// </summary>
public sealed class EvaluationAnswer
{
    /// <summary>A written answer to a free-text question (<i>svar</i>).</summary>
    public static readonly TextField AnswerText = new("Svar", 20_000);

    /// <summary>The cover letter sent with the answer (<i>følgebrev</i>).</summary>
    public static readonly TextField CoverLetterText = new("Følgebrev", 20_000);

    /// <summary>An agreed limitation of the answer's scope (<i>aftalt afgrænsning</i>).</summary>
    public static readonly TextField ScopeText = new("Aftalt afgrænsning", 2000);

    /// <summary>The advisor's reason for reopening a submitted answer (<i>begrundelse</i>).</summary>
    public static readonly TextField ReopenReason = new("Begrundelse for genåbning", 2000);

    private readonly Dictionary<string, string> texts = [];
    private readonly Dictionary<string, List<Initiative>> initiatives = [];
    private readonly List<string> history = [];

    public EvaluationAnswer(int administrationId, EvaluationScheme scheme)
    {
        AdministrationId = administrationId;
        Scheme = scheme;
    }

    public int AdministrationId { get; }
    public EvaluationScheme Scheme { get; }
    public AnswerStatus Status { get; private set; } = AnswerStatus.Draft;

    /// <summary>An agreed limitation of the answer's scope, e.g. BUF's "only complaint handling" in 2017.</summary>
    public string? AgreedScope { get; private set; }
    public string? CoverLetter { get; private set; }
    public IReadOnlyList<MeetingSlot> ProposedSlots { get; private set; } = [];
    public IReadOnlyList<string> Participants { get; private set; } = [];

    /// <summary>The time the advisor chose for the follow-up meeting, among the proposed ones.</summary>
    public MeetingSlot? ChosenSlot { get; private set; }
    public IReadOnlyList<string> History => history;

    public string? Text(string key) => texts.GetValueOrDefault(key);

    /// <summary>Everything the answer holds, for storage; <see cref="Restore"/> rebuilds it.</summary>
    public sealed record Snapshot(AnswerStatus Status, string? AgreedScope, string? CoverLetter, Dictionary<string, string> Texts,
        Dictionary<string, List<Initiative>> Initiatives, List<MeetingSlot> Slots, List<string> Participants, List<string> History, MeetingSlot? ChosenSlot = null);

    public Snapshot ToSnapshot() => new(Status, AgreedScope, CoverLetter, new(texts), initiatives.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()),
        ProposedSlots.ToList(), Participants.ToList(), history.ToList(), ChosenSlot);

    public static EvaluationAnswer Restore(int administrationId, EvaluationScheme scheme, Snapshot s)
    {
        var a = new EvaluationAnswer(administrationId, scheme)
        {
            Status = s.Status, AgreedScope = s.AgreedScope, CoverLetter = s.CoverLetter, ProposedSlots = s.Slots, Participants = s.Participants,
            ChosenSlot = s.ChosenSlot,
        };
        foreach (var (k, v) in s.Texts) a.texts[k] = v;
        foreach (var (k, v) in s.Initiatives) a.initiatives[k] = v;
        a.history.AddRange(s.History);
        return a;
    }
    public IReadOnlyList<Initiative> Initiatives(string key) => initiatives.GetValueOrDefault(key) ?? [];

    public void SetScope(string? scope, DateTimeOffset at, string by)
    {
        EnsureDraft();
        AgreedScope = ScopeText.Optional(scope);
        history.Add($"{at:yyyy-MM-dd HH:mm} {by}: aftalt afgrænsning {(AgreedScope ?? "fjernet")}");
    }

    /// <summary>Answers a free-text, yes/no or scale question; the value is checked against the question's kind.</summary>
    public void Answer(string key, string value)
    {
        EnsureDraft();
        var q = Scheme.Find(key) ?? throw new DomainException($"Spørgsmålet {key} findes ikke i skemaet.");
        var v = (value ?? "").Trim();
        switch (q.Kind)
        {
            case QuestionKind.YesNo when v is not ("ja" or "nej"):
                throw new DomainException($"Spørgsmål {key}: svar ja eller nej.");
            case QuestionKind.Scale when !int.TryParse(v, out var n) || n < q.ScaleMin || n > q.ScaleMax:
                throw new DomainException($"Spørgsmål {key}: svar med et tal fra {q.ScaleMin} til {q.ScaleMax}.");
            case QuestionKind.Initiatives:
                throw new DomainException($"Spørgsmål {key} besvares med en tabel over initiativer.");
        }
        texts[key] = q.Kind == QuestionKind.FreeText ? AnswerText.Optional(v) ?? "" : v;
    }

    public void SetInitiatives(string key, IEnumerable<Initiative> rows)
    {
        EnsureDraft();
        var q = Scheme.Find(key) ?? throw new DomainException($"Spørgsmålet {key} findes ikke i skemaet.");
        if (q.Kind != QuestionKind.Initiatives) throw new DomainException($"Spørgsmål {key} er ikke en tabel over initiativer.");
        var list = rows.ToList();
        foreach (var (row, i) in list.Select((r, i) => (r, i + 1)))
            if (string.IsNullOrWhiteSpace(row.Name)) throw new DomainException($"Initiativ nr. {i} mangler et navn.");
        initiatives[key] = list;
    }

    /// <summary>
    /// Submits the answer with its cover letter (<i>følgebrev</i>), at least three proposed meeting
    /// times in the future and the participants (seed 002: the administration proposes three times).
    /// </summary>
    public void Submit(string coverLetter, IReadOnlyList<MeetingSlot> slots, IReadOnlyList<string> participants, DateTimeOffset at, string by)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(coverLetter)) throw new DomainException("Skriv et følgebrev til besvarelsen.");
        if (slots.Select(s => s.Start).Distinct().Count() < 3) throw new DomainException("Foreslå mindst tre forskellige tidspunkter til opfølgningsmødet.");
        if (slots.Any(s => s.Start <= at)) throw new DomainException("Mødetidspunkterne skal ligge i fremtiden.");
        if (participants.Count(p => !string.IsNullOrWhiteSpace(p)) == 0) throw new DomainException("Angiv forvaltningens deltagere i mødet.");
        CoverLetter = CoverLetterText.Required(coverLetter);
        ProposedSlots = slots.OrderBy(s => s.Start).ToList();
        Participants = participants.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        Status = AnswerStatus.Submitted;
        history.Add($"{at:yyyy-MM-dd HH:mm} {by}: indsendt");
    }

    /// <summary>The advisor picks one of the proposed times for the follow-up meeting.</summary>
    public MeetingSlot ChooseMeeting(int index, DateTimeOffset at, string by)
    {
        if (Status != AnswerStatus.Submitted) throw new DomainException("Mødetidspunktet vælges, når besvarelsen er indsendt.");
        if (index < 0 || index >= ProposedSlots.Count) throw new DomainException("Vælg et af de foreslåede tidspunkter.");
        ChosenSlot = ProposedSlots[index];
        history.Add($"{at:yyyy-MM-dd HH:mm} {by}: opfølgningsmøde valgt {ChosenSlot.Start:yyyy-MM-dd HH:mm} UTC");
        return ChosenSlot;
    }

    /// <summary>The advisor reopens a submitted answer; the reason is required and logged.</summary>
    public void Reopen(string reason, DateTimeOffset at, string by)
    {
        if (Status != AnswerStatus.Submitted) throw new DomainException("Kun en indsendt besvarelse kan genåbnes.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Angiv hvorfor besvarelsen genåbnes.");
        var why = ReopenReason.Required(reason);
        Status = AnswerStatus.Draft;
        history.Add($"{at:yyyy-MM-dd HH:mm} {by}: genåbnet: {why}");
    }

    /// <summary>Documents are attached to a draft only; a submitted answer is locked until the advisor reopens it.</summary>
    /// <exception cref="DomainException">The answer is submitted.</exception>
    public void EnsureMayAttach() => EnsureDraft();

    private void EnsureDraft()
    {
        if (Status == AnswerStatus.Submitted)
            throw new DomainException("Besvarelsen er indsendt og låst. Borgerrådgiveren kan genåbne den.");
    }
}

/// <summary>How a section or an administration fared against the previous round (2013 → 2015 → 2017).</summary>
public enum Trend { Better = 1, Same = 2, Worse = 3, NotComparable = 4 }

/// <summary>The advisor's assessment on a stated scale, and the comparison of two rounds.</summary>
public static class Assessment
{
    /// <summary>The rubric's scale: 1 (not suited to create improvement) … 4 (well suited, effect followed up).</summary>
    public const int ScaleMin = 1, ScaleMax = 4;

    public static string Describe(int score) => score switch
    {
        1 => "Ikke egnet til at skabe forbedring",
        2 => "Delvis egnet; effekten følges ikke op",
        3 => "Egnet; effekten følges delvist op",
        4 => "Egnet, og effekten følges op",
        _ => throw new ArgumentOutOfRangeException(nameof(score)),
    };

    public static int Validate(int score) =>
        score is >= ScaleMin and <= ScaleMax ? score : throw new DomainException($"Vurderingen skal være fra {ScaleMin} til {ScaleMax}.");

    /// <summary>Better or worse only when the score moved; no earlier score means not comparable.</summary>
    public static Trend Compare(int? previous, int? current) =>
        previous is not { } p || current is not { } c ? Trend.NotComparable : c > p ? Trend.Better : c < p ? Trend.Worse : Trend.Same;
}
