using Tilsyn.Recommendations;

namespace Tilsyn.Publishing;

/// <summary>
/// A recommendation of the report aimed at one administration (<i>anbefaling</i>); on publication it
/// enters the register. Created only through <see cref="AnnualReport.AddRecommendation"/>.
/// </summary>
public sealed class ReportRecommendation
{
    public static readonly TextField TextField = new("Anbefaling", 2000);

    private ReportRecommendation() { }

    internal ReportRecommendation(int year, int administrationId, string? text, DateOnly? due, DateOnly today)
    {
        var t = TextField.Required(text);
        if (due is not { } d || d <= today) throw new DomainException("Frist: fristen for opfølgning skal ligge i fremtiden.");
        (Year, AdministrationId, Text, DueDate) = (year, administrationId, t, d);
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int AdministrationId { get; private set; }
    public string Text { get; private set; } = "";
    public DateOnly DueDate { get; private set; }

    /// <summary>The register's recommendation, once the report is published.</summary>
    public int? RecommendationId { get; private set; }

    /// <summary>The register's recommendation for this one; store it, then call <see cref="Registered"/> with its id.</summary>
    public Recommendation ToRegister(DateTimeOffset at, string by)
    {
        if (RecommendationId is not null) throw new DomainException("Anbefalingen er allerede i registret.");
        return new Recommendation(RecommendationSource.AnnualReport, AnnualReport.Reference(Year), AdministrationId, null, Text, DueDate, at, by);
    }

    public void Registered(int recommendationId)
    {
        if (RecommendationId is not null) throw new DomainException("Anbefalingen er allerede i registret.");
        RecommendationId = recommendationId;
    }
}
