using Microsoft.Extensions.Options;
using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Security;

/// <summary>
/// At most <see cref="RateLimitingOptions.ReceiptsPerAddressPerDay"/> receipt mails (<i>kvitteringer</i>)
/// per e-mail address per Copenhagen day from the complaint form, so the form cannot be used to
/// flood someone else's inbox. A complaint over the cap is still stored in full (a complaint is never
/// lost) and its status link is shown on the receipt page; only the receipt letter and its mail are
/// left out. Counted from the stored cases (web-form cases with the address received that day, this
/// one included), inside the registration's transaction after the numbering lock, so concurrent
/// submissions count each other. Cases a caseworker registers are not capped. The address is stored
/// in clear; it is compared trimmed and without regard to ASCII letter case.
/// </summary>
public sealed class ReceiptCap(TilsynDbContext db, IOptions<RateLimitingOptions> options)
{
    /// <summary>Whether the case, already saved in the current transaction, may have its receipt sent.</summary>
    public async Task<bool> AllowsReceiptAsync(ComplaintCase c, CancellationToken ct)
    {
        if (c.Channel != Channel.WebForm || string.IsNullOrWhiteSpace(c.Citizen?.Email)) return true;
        var address = AsciiLower(c.Citizen.Email.Trim());
        var day = DanishTime.LocalDate(c.ReceivedAt);
        var (from, to) = (DanishTime.StartOf(day), DanishTime.StartOf(day.AddDays(1)));
        var sameDay = await db.Cases.CountAsync(x => x.Channel == Channel.WebForm && x.ReceivedAt >= from && x.ReceivedAt < to
            && x.Citizen!.Email != null && x.Citizen.Email.Trim().ToLower() == address, ct);
        return sameDay <= options.Value.ReceiptsPerAddressPerDay;
    }

    // Both databases' lower() are relied on for ASCII only (SQLite's lower() knows no other letters).
    private static string AsciiLower(string s) => string.Create(s.Length, s, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
    });
}
