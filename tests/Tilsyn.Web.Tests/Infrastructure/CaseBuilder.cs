using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// Builds a <see cref="ComplaintCase"/> for a test: say only what the test is about
/// (<c>CaseBuilder.ACase().For(buf).ReceivedAt(at).Build()</c>); the rest has sensible defaults and a
/// number no other built case has.
/// </summary>
public sealed class CaseBuilder
{
    private static int nextSequence = 8_000_000; // far above what tests register through the form

    private int? year;
    private int? sequence;
    private CaseType type = CaseType.Complaint;
    private Channel channel = Channel.Email;
    private string? citizenName = "Anna Testesen";
    private string subject = "Testsag";
    private string description = "Borgeren klager over sagsbehandlingen.";
    private DateTimeOffset received = TestClock.Start;
    private DateOnly? firstAnswerDue;
    private int? administrationId;
    private Citizen? citizen;

    public static CaseBuilder ACase() => new();

    /// <summary>The case number's year and running number (default: the year received, and a fresh number).</summary>
    public CaseBuilder Numbered(int year, int sequence) { this.year = year; this.sequence = sequence; return this; }
    public CaseBuilder OfType(CaseType type) { this.type = type; return this; }
    public CaseBuilder Via(Channel channel) { this.channel = channel; return this; }
    public CaseBuilder From(string citizenName) { this.citizenName = citizenName; return this; }
    public CaseBuilder About(string subject, string? description = null) { this.subject = subject; this.description = description ?? subject; return this; }
    public CaseBuilder ReceivedAt(DateTimeOffset at) { received = at; return this; }
    /// <summary>Default: 14 days after the day received.</summary>
    public CaseBuilder FirstAnswerDue(DateOnly due) { firstAnswerDue = due; return this; }
    public CaseBuilder For(int administrationId) { this.administrationId = administrationId; return this; }
    /// <summary>A citizen with more than a name (e.g. an encrypted CPR number and its lookup hash).</summary>
    public CaseBuilder WithCitizen(Citizen citizen) { this.citizen = citizen; return this; }

    public ComplaintCase Build() => new(
        year ?? DanishTime.LocalDate(received).Year,
        sequence ?? Interlocked.Increment(ref nextSequence),
        type, channel,
        citizen ?? (type == CaseType.OwnInitiative && citizenName is null ? null : new Citizen(citizenName ?? "Anna Testesen", null, null, null, null, null)),
        subject, description, received,
        firstAnswerDue ?? DanishTime.LocalDate(received).AddDays(14),
        Actor.Citizen, administrationId);
}
