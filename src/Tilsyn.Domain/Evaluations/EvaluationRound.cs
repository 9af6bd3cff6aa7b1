using System.Linq.Expressions;

namespace Tilsyn.Evaluations;

/// <summary>
/// A FOKUS round (<i>evalueringsrunde</i>): year, answer deadline (<i>svarfrist</i>) and the scheme it
/// is answered on. A round is opened once per year; its scheme is a copy of the latest earlier
/// round's (or <see cref="StandardScheme"/> for the first), so earlier rounds keep their questions.
/// </summary>
public sealed class EvaluationRound
{
    /// <summary>Copenhagen's standard A–G scheme, used for the first round.</summary>
    public static readonly EvaluationScheme StandardScheme = new(
    [
        new Section("A", "Ledelsens forankring og opfølgning", [new Question("A1", "Hvordan følger direktion og ledelse op på retssikkerhed og sagsbehandling?", QuestionKind.FreeText), new Question("A2", "Har forvaltningen måltal for klager i forhold til sagsmængden?", QuestionKind.YesNo)]),
        new Section("B", "Initiativer til bedre sagsbehandling", [new Question("B1", "Hvilke initiativer har forvaltningen iværksat?", QuestionKind.Initiatives)]),
        new Section("C", "Klagebehandling", [new Question("C1", "Hvordan behandles og registreres klager?", QuestionKind.FreeText)]),
        new Section("D", "Ledelsesinformation", [new Question("D1", "Hvilken ledelsesinformation bruges, og hvor ofte?", QuestionKind.FreeText)]),
        new Section("E", "Kompetenceudvikling", [new Question("E1", "Hvordan styrkes medarbejdernes viden om forvaltningsret?", QuestionKind.FreeText)]),
        new Section("F", "Borgerbetjening og kommunikation", [new Question("F1", "Hvordan vurderer forvaltningen selv sin borgerbetjening (1–5)?", QuestionKind.Scale, 1, 5)]),
        new Section("G", "Læring på tværs", [new Question("G1", "Hvordan deles læring fra klager mellem enhederne?", QuestionKind.FreeText)]),
    ]);

    private EvaluationRound() { }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public DateOnly Deadline { get; private set; }
    public EvaluationScheme Scheme { get; private set; } = StandardScheme;
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";

    /// <summary>
    /// When the advisor published the round's city-wide report (<i>rapporten offentliggøres</i>);
    /// until then an administration's scores are seen only by the advisor and the administration itself
    /// (<see cref="EvaluationAccess.MaySeeScores"/>).
    /// </summary>
    public DateTimeOffset? ReportPublishedAt { get; private set; }
    public string? ReportPublishedBy { get; private set; }

    public bool IsReportPublished => ReportPublishedAt is not null;

    /// <summary>Publishes the round's report: from now on every administration's scores are visible to all. Done once.</summary>
    public void PublishReport(DateTimeOffset at, string by)
    {
        if (IsReportPublished) throw new DomainException($"FOKUS-rapporten for {Year} er allerede offentliggjort.");
        ReportPublishedAt = at;
        ReportPublishedBy = by;
    }

    /// <summary>
    /// When the advisor published the round's report on the advisor's website (<i>offentliggjort på
    /// hjemmesiden</i>), for citizens, politicians and the press: a step after <see cref="PublishReport"/>
    /// (the administrations see each other's scores first). What the public reads is the
    /// <see cref="FokusPublication"/> frozen at this moment.
    /// </summary>
    public DateTimeOffset? PubliclyPublishedAt { get; private set; }
    public string? PubliclyPublishedBy { get; private set; }

    public bool IsPubliclyPublished => PubliclyPublishedAt is not null;

    /// <summary>
    /// Checks that the round's report may go on the website now: published to the administrations
    /// first (they see the city-wide comparison before the public does), and only once.
    /// </summary>
    /// <exception cref="DomainException">The report is not published to the administrations, or already on the website.</exception>
    public void EnsureMayPublishPublicly()
    {
        if (!IsReportPublished) throw new DomainException($"FOKUS-rapporten for {Year} skal først offentliggøres for forvaltningerne.");
        if (IsPubliclyPublished) throw new DomainException($"FOKUS-rapporten for {Year} er allerede offentliggjort på hjemmesiden.");
    }

    /// <summary>
    /// Publishes the round's report on the website (<i>Offentliggør på hjemmesiden</i>): the outputs,
    /// rendered just before from the report as the administrations see it, are frozen as the
    /// <see cref="FokusPublication"/> the public site serves (the caller stores it). Done once.
    /// </summary>
    /// <exception cref="DomainException">See <see cref="EnsureMayPublishPublicly"/>.</exception>
    public FokusPublication PublishPublicly(FokusPublicationFiles files, DateTimeOffset at, string by)
    {
        EnsureMayPublishPublicly();
        ArgumentNullException.ThrowIfNull(files);
        var publication = new FokusPublication(this, files, at);
        PubliclyPublishedAt = at;
        PubliclyPublishedBy = by;
        return publication;
    }

    /// <summary>
    /// Opens the round for <paramref name="year"/> on <paramref name="today"/> (Copenhagen's date):
    /// one round a year, a deadline after today, and the scheme copied from the latest earlier round among <paramref name="existing"/>.
    /// </summary>
    public static EvaluationRound Open(int year, DateOnly deadline, IEnumerable<EvaluationRound> existing, DateOnly today, DateTimeOffset at, string by)
    {
        var rounds = existing.ToList();
        if (rounds.Any(r => r.Year == year)) throw new DomainException($"Der er allerede en FOKUS-runde for {year}.");
        if (deadline <= today) throw new DomainException("Svarfristen skal ligge efter i dag.");
        var previous = rounds.Where(r => r.Year < year).MaxBy(r => r.Year);
        return new EvaluationRound
        {
            Year = year, Deadline = deadline, Scheme = previous?.Scheme.CopyForNewRound() ?? StandardScheme, OpenedAt = at, OpenedBy = by,
        };
    }

    /// <summary>The advisor's edit of this round's scheme (e.g. a section added); later rounds start from it.</summary>
    public void ReviseScheme(EvaluationScheme scheme) => Scheme = scheme;

    /// <summary>Whether the answer deadline has passed on <paramref name="today"/> (Copenhagen's date).</summary>
    public bool IsOverdue(DateOnly today) => today > Deadline;

    /// <summary>Days before the deadline the one early reminder goes out.</summary>
    public const int ReminderDaysBefore = 7;

    /// <summary>Days after the deadline overdue reminders go out (daily).</summary>
    public const int OverdueReminderDays = 14;

    /// <summary>
    /// The reminder window for missing answers: on <paramref name="today"/> "om en uge" a week before
    /// the deadline, "overskredet" on each of the two weeks after it, otherwise null (no reminder).
    /// </summary>
    public string? ReminderDue(DateOnly today) =>
        today == Deadline.AddDays(-ReminderDaysBefore) ? "om en uge"
        : IsOverdue(today) && today <= Deadline.AddDays(OverdueReminderDays) ? "overskredet"
        : null;

    /// <summary>The rounds that may need a reminder on <paramref name="today"/>, as a database filter (<see cref="ReminderDue"/> decides).</summary>
    public static Expression<Func<EvaluationRound, bool>> MayNeedReminder(DateOnly today)
    {
        var earliest = today.AddDays(-OverdueReminderDays);
        return r => r.Deadline >= earliest;
    }
}
