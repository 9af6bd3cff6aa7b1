using Tilsyn.Complaints.Intake;

namespace Tilsyn.Citizens;

/// <summary>
/// The CPR number an identity broker (NemLog-in/MitID) sends in a claim, as the ten digits the
/// citizen's session carries. Brokers send <c>ddMMyyssss</c>; <c>ddMMyy-ssss</c> and surrounding spaces
/// are accepted too. Anything else (letters, another length, a birth date that does not exist or lies
/// in the future) is not a CPR number and the login is refused.
/// </summary>
public static class CitizenCpr
{
    /// <summary>The ten digits, or null when <paramref name="claimValue"/> is not a valid CPR number.</summary>
    public static string? Normalise(string? claimValue, DateOnly today) =>
        CprNumber.TryParse(claimValue, today, out var cpr, out _) ? cpr.Digits : null;

    /// <summary>
    /// How a citizen signed in with MitID is named in the access log: "Borger" and the masked CPR number
    /// (<c>ddMMyy-xxxx</c>, as everywhere in Tilsyn), never the full number or the name. Null for anything
    /// that is not ten digits (the session's CPR is normalised by <see cref="Normalise"/>).
    /// </summary>
    public static string? AccessLogName(string? digits) =>
        digits is { Length: 10 } && digits.All(char.IsAsciiDigit) ? $"Borger {digits[..6]}-xxxx" : null;
}
