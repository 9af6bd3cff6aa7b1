namespace Tilsyn.Identity;

/// <summary>The four roles. Names are stable identifiers (stored, used in policies); <see cref="DisplayName"/> is what users see.</summary>
public static class Roles
{
    /// <summary>The advisor's caseworker (<i>sagsbehandler hos Borgerrådgiveren</i>).</summary>
    public const string Advisor = "Advisor";

    /// <summary>Head of the advisor's office (<i>kontorchef</i>): everything Advisor may, plus users and settings.</summary>
    public const string AdvisorLead = "AdvisorLead";

    /// <summary>A contact person in one administration (<i>forvaltningskontakt</i>); sees only that administration's data.</summary>
    public const string AdministrationContact = "AdministrationContact";

    /// <summary>Read-only leadership (<i>ledelse</i>): aggregate statistics, never personal data.</summary>
    public const string Leadership = "Leadership";

    public static readonly IReadOnlyList<string> All = [Advisor, AdvisorLead, AdministrationContact, Leadership];

    /// <summary>Roles of the advisor's own office, who work with case data across all administrations.</summary>
    public const string AdvisorStaff = Advisor + "," + AdvisorLead;

    public static string DisplayName(string role) => role switch
    {
        Advisor => "Sagsbehandler (Borgerrådgiveren)",
        AdvisorLead => "Kontorchef (Borgerrådgiveren)",
        AdministrationContact => "Kontaktperson i forvaltning",
        Leadership => "Ledelse (kun læseadgang)",
        _ => role,
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
