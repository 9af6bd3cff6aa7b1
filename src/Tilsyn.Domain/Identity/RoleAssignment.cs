namespace Tilsyn.Identity;

/// <summary>The rule tying a role to an administration: a contact or an administration's caseworker belongs to exactly one; nobody else belongs to any.</summary>
public static class RoleAssignment
{
    /// <summary>Returns the administration id to store for the user, or throws with a Danish message.</summary>
    public static int? Validate(string? role, int? administrationId)
    {
        if (!Roles.IsKnown(role))
            throw new DomainException("Vælg en rolle.");
        if (role == Roles.AdministrationContact)
            return administrationId ?? throw new DomainException("En kontaktperson skal høre til en forvaltning.");
        if (role == Roles.AdministrationCaseworker)
            return administrationId ?? throw new DomainException("En klagebehandler i en forvaltning skal høre til en forvaltning.");
        if (administrationId is not null)
            throw new DomainException($"Kun kontaktpersoner og klagebehandlere i en forvaltning hører til en forvaltning; rollen '{Roles.DisplayName(role!)}' ser på tværs.");
        return null;
    }
}
