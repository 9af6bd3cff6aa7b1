using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Remedies;

/// <summary>Cases concluded straight in the database, for the remedy tests (the conclusion's own pages are tested elsewhere).</summary>
internal static class RemedyTestData
{
    public static readonly Actor Advisor = new(null, "Sara Holm");

    public static Task<int> AdminIdAsync(TilsynApp app, string code) =>
        app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>A case about <paramref name="administrationId"/>, shared with it, concluded at <paramref name="concludedAt"/> with <paramref name="outcome"/>.</summary>
    public static ComplaintCase Concluded(int administrationId, Outcome outcome, DateTimeOffset concludedAt, int? unitId = null)
    {
        var c = CaseBuilder.ACase().For(administrationId).ReceivedAt(concludedAt.AddDays(-20)).Build();
        c.Classify(CaseType.Complaint, administrationId, unitId, null, [ComplaintCategory.Hearing], concludedAt.AddDays(-19), Advisor);
        c.StartReview(concludedAt.AddDays(-19), Advisor);
        c.ShareWithAdministration(false, concludedAt.AddDays(-18), Advisor);
        c.Conclude(outcome, outcome == Outcome.Criticism ? [ComplaintCategory.Hearing] : [], "Forvaltningen burde have partshørt.",
            outcome == Outcome.Recommendation ? "Partshør altid før afgørelse." : null, "En forælder blev ikke hørt.", concludedAt, Advisor);
        return c;
    }

    public static Task<string> StoreAsync(TilsynApp app, ComplaintCase c) => app.WithDbAsync(async db =>
    {
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.Number;
    });
}
