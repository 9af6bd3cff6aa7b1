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
}
