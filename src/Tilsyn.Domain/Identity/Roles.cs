namespace Tilsyn.Identity;

/// <summary>The roles. Names are stable identifiers (stored, used in policies); <see cref="DisplayName"/> is what users see.</summary>
public static class Roles
{
    /// <summary>The advisor's caseworker (<i>sagsbehandler hos Borgerrådgiveren</i>).</summary>
    public const string Advisor = "Advisor";

    /// <summary>Head of the advisor's office (<i>kontorchef</i>): everything Advisor may, plus users and settings.</summary>
    public const string AdvisorLead = "AdvisorLead";

    /// <summary>A contact person in one administration (<i>forvaltningskontakt</i>); sees only that administration's data.</summary>
    public const string AdministrationContact = "AdministrationContact";

    /// <summary>
    /// A complaint handler in one administration (<i>klagebehandler i forvaltningen</i>): registers and handles
    /// the administration's own complaints (its own complaint register); on the advisor's cases it sees what a
    /// contact sees. Without an administration it sees nothing.
    /// </summary>
    public const string AdministrationCaseworker = "AdministrationCaseworker";

    /// <summary>Read-only leadership (<i>ledelse</i>): aggregate statistics, never personal data.</summary>
    public const string Leadership = "Leadership";

    public static readonly IReadOnlyList<string> All = [Advisor, AdvisorLead, AdministrationContact, AdministrationCaseworker, Leadership];

    /// <summary>The roles limited to one administration (they need one, <see cref="DataScope.For"/>).</summary>
    public static bool IsAdministrationRole(string? role) => role is AdministrationContact or AdministrationCaseworker;

    /// <summary>Roles of the advisor's own office, who work with case data across all administrations.</summary>
    public const string AdvisorStaff = Advisor + "," + AdvisorLead;

    public static string DisplayName(string role) => role switch
    {
        Advisor => "Sagsbehandler (Borgerrådgiveren)",
        AdvisorLead => "Kontorchef (Borgerrådgiveren)",
        AdministrationContact => "Kontaktperson i forvaltning",
        AdministrationCaseworker => "Klagebehandler i forvaltning",
        Leadership => "Ledelse (kun læseadgang)",
        _ => role,
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
