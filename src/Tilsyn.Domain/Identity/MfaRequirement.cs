namespace Tilsyn.Identity;

/// <summary>
/// Who must use two-step login (<i>to-trinsbekræftelse</i>, MFA) with a local account: every role
/// that can reveal a CPR number or administer users. Advisor and AdvisorLead open case data with the
/// citizen's CPR number (AdvisorLead also administers users), so they must; AdministrationContact and
/// Leadership may enrol of their own accord. The installation can switch the requirement off
/// (<c>Identity:Mfa:Required=false</c>, the demo does); a user who has enrolled gives a code either way.
/// With single sign-on the identity provider does MFA, so the rule covers local password logins only.
/// </summary>
public static class MfaRequirement
{
    /// <summary>The roles that must use MFA: they can reveal a CPR number (both) or administer users (AdvisorLead).</summary>
    public static readonly IReadOnlyList<string> RequiredRoles = [Roles.Advisor, Roles.AdvisorLead];

    /// <summary>Whether a user with <paramref name="roles"/> must use MFA when the installation requires it (<paramref name="requiredSetting"/>).</summary>
    public static bool IsRequired(bool requiredSetting, IEnumerable<string> roles) =>
        requiredSetting && roles.Any(RequiredRoles.Contains);

    /// <summary>Refuses switching MFA off for a user who must use it.</summary>
    public static void EnsureMaySwitchOff(bool requiredSetting, IEnumerable<string> roles)
    {
        if (IsRequired(requiredSetting, roles))
            throw new DomainException("To-trinsbekræftelse kan ikke slås fra: din rolle kræver den.");
    }

    /// <summary>
    /// Whether a session started with a local password satisfies the rule: a required user's session
    /// must have passed the code step. A session whose role changes to one that requires MFA stops
    /// working at its next check, so the user logs in again and enrols.
    /// </summary>
    public static bool PasswordSessionIsValid(bool requiredSetting, IEnumerable<string> roles, bool codeGiven) =>
        codeGiven || !IsRequired(requiredSetting, roles);
}
