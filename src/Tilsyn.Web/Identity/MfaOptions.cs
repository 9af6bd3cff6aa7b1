namespace Tilsyn.Web.Identity;

/// <summary>Settings of two-step login for local accounts (section <c>Identity:Mfa</c>).</summary>
public sealed class MfaOptions
{
    /// <summary>
    /// <c>Identity:Mfa:Required</c> (default true): the roles in <see cref="MfaRequirement.RequiredRoles"/>
    /// must enrol and give a code at every login. False only for the demo and tests: then nobody must,
    /// but a user who has enrolled still gives a code.
    /// </summary>
    public bool Required { get; set; } = true;
}
