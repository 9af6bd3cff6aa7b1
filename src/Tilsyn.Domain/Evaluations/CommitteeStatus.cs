using Tilsyn.Complaints.Intake;

namespace Tilsyn.Evaluations;

/// <summary>
/// The status an administration gives its political committee (<i>udvalg</i>) on its initiatives in
/// the years without a FOKUS round (seed 004: the city council decided in 2016 that committees get one).
/// One per administration and year; writing it again replaces the text.
/// </summary>
public sealed class CommitteeStatus
{
    /// <summary>The status text's one rule: label and limit.</summary>
    public static readonly TextField TextField = new("Status på initiativerne", 20_000);

    private CommitteeStatus() { }

    public CommitteeStatus(int administrationId, int year, string committee, string? text, DateTimeOffset at, string by)
    {
        if (TextProblem(text) is { } problem) throw new DomainException(problem);
        if (year is < 2000 or > 2100) throw new DomainException("Angiv et gyldigt år.");
        AdministrationId = administrationId;
        Year = year;
        Write(committee, text, at, by);
    }

    public int Id { get; private set; }
    public int AdministrationId { get; private set; }
    public int Year { get; private set; }
    /// <summary>The committee the status is written to (the administration's, or its name when it has none).</summary>
    public string Committee { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>The problem with a status text (required, at most 20,000 characters, no markup), or null.</summary>
    public static string? TextProblem(string? text) => FreeText.Check(TextField, text, required: true);

    /// <summary>Writes (or rewrites) the status text.</summary>
    public void Write(string committee, string? text, DateTimeOffset at, string by)
    {
        if (TextProblem(text) is { } problem) throw new DomainException(problem);
        Committee = committee;
        Text = FreeText.Normalise(text);
        UpdatedAt = at;
        UpdatedBy = by;
    }
}
