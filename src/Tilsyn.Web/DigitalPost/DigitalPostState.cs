using Tilsyn.Calendar;

namespace Tilsyn.Web.DigitalPost;

/// <summary>Where a letter's Digital Post message is, as the case page shows it.</summary>
public sealed record DigitalPostState(DateTimeOffset? SentAt, DateTimeOffset? FailedAt, int Attempts)
{
    public string Text =>
        SentAt is { } sent ? $"afleveret {sent.ToCopenhagen():dd-MM-yyyy HH:mm}"
        : FailedAt is not null ? "fejlet (se Fejlede forsendelser)"
        : Attempts > 0 ? $"i kø ({Attempts} forsøg)" : "i kø";

    public static async Task<Dictionary<Guid, DigitalPostState>> ForCaseAsync(TilsynDbContext db, string caseNumber, CancellationToken ct) =>
        await db.OutgoingDigitalPost.AsNoTracking().Where(m => m.CaseNumber == caseNumber)
            .ToDictionaryAsync(m => m.MessageUuid, m => new DigitalPostState(m.SentAt, m.FailedAt, m.Attempts), ct);
}
