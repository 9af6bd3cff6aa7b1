using Tilsyn.Complaints;

namespace Tilsyn.Retention;

/// <summary>
/// A legal hold (<i>slettestop</i>) on a case: while it is in force the case is never deleted, whatever
/// its retention rule says (a lawsuit, a complaint to the Ombudsman, an inspection). Placed with a
/// reason by the advisor's staff, lifted only by a named person with a reason; both steps are
/// written in the case history (and, by the caller, in the access log). A lifted hold is kept as a record.
/// </summary>
public sealed class LegalHold
{
    private LegalHold() { }

    private LegalHold(int caseId, string reason, DateTimeOffset at, Actor by)
    {
        CaseId = caseId;
        Reason = reason;
        PlacedAt = at;
        PlacedById = by.UserId;
        PlacedByName = by.Name;
    }

    public static readonly TextField ReasonField = new("Begrundelse for slettestop", 1000);
    public static readonly TextField LiftReasonField = new("Begrundelse for ophævelse", 1000);

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public string? PlacedById { get; private set; }
    public string PlacedByName { get; private set; } = "";
    public DateTimeOffset? LiftedAt { get; private set; }
    public string? LiftedById { get; private set; }
    public string? LiftedByName { get; private set; }
    public string? LiftReason { get; private set; }

    public bool InForce => LiftedAt is null;

    /// <summary>
    /// Places a hold on the case. Refused when the case already has one in force, when its personal
    /// data are already deleted (nothing is left to hold), or without a named person.
    /// </summary>
    public static LegalHold Place(ComplaintCase c, LegalHold? inForce, bool alreadyDeleted, string? reason, DateTimeOffset at, Actor by)
    {
        RequireNamed(by, "lægge et slettestop");
        if (inForce is not null)
            throw new DomainException($"Sagen har allerede et slettestop (lagt {Calendar.DanishTime.LocalDate(inForce.PlacedAt):dd-MM-yyyy} af {inForce.PlacedByName}).");
        if (alreadyDeleted)
            throw new DomainException("Sagens personoplysninger er allerede slettet; et slettestop kan ikke længere lægges.");
        var hold = new LegalHold(c.Id, ReasonField.Required(reason), at, by);
        c.Record(at, by, $"Slettestop lagt: {hold.Reason}");
        return hold;
    }

    /// <summary>Lifts the hold: only a named person, with a reason; a lifted hold cannot be lifted again.</summary>
    public void Lift(ComplaintCase c, string? reason, DateTimeOffset at, Actor by)
    {
        RequireNamed(by, "ophæve et slettestop");
        if (c.Id != CaseId) throw new DomainException("Slettestoppet hører ikke til sagen.");
        if (!InForce)
            throw new DomainException($"Slettestoppet er allerede ophævet ({Calendar.DanishTime.LocalDate(LiftedAt!.Value):dd-MM-yyyy} af {LiftedByName}).");
        LiftReason = LiftReasonField.Required(reason);
        LiftedAt = at;
        LiftedById = by.UserId;
        LiftedByName = by.Name;
        c.Record(at, by, $"Slettestop ophævet: {LiftReason}");
    }

    /// <summary>When the case's personal data are deleted, the reasons go too (they may name the citizen); who and when stay.</summary>
    public void ForgetReasons()
    {
        Reason = DeletedText;
        if (LiftReason is not null) LiftReason = DeletedText;
    }

    public const string DeletedText = "(slettet sammen med sagens personoplysninger)";

    private static void RequireNamed(Actor by, string what)
    {
        if (string.IsNullOrEmpty(by.UserId) || string.IsNullOrWhiteSpace(by.Name))
            throw new DomainException($"Kun en navngiven medarbejder kan {what}.");
    }
}
