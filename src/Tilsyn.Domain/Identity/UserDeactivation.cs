namespace Tilsyn.Identity;

/// <summary>
/// Who may be deactivated (<i>deaktiveret</i>): a deactivated user cannot log in and loses open
/// sessions, but keeps their history (cases, log lines) and can be reactivated.
/// </summary>
public static class UserDeactivation
{
    /// <param name="actorId">The head of office doing it.</param>
    /// <param name="targetId">The user to deactivate.</param>
    /// <param name="alreadyDeactivated">Whether the target is deactivated already.</param>
    /// <param name="targetIsActiveLead">Whether the target is an active head of office.</param>
    /// <param name="activeLeads">How many active heads of office there are now (the target included).</param>
    public static void EnsureMayDeactivate(string actorId, string targetId, bool alreadyDeactivated, bool targetIsActiveLead, int activeLeads)
    {
        if (actorId == targetId)
            throw new DomainException("Du kan ikke deaktivere dig selv.");
        if (alreadyDeactivated)
            throw new DomainException("Brugeren er allerede deaktiveret.");
        // Somebody must be able to manage users afterwards.
        if (targetIsActiveLead && activeLeads <= 1)
            throw new DomainException("Den sidste aktive kontorchef kan ikke deaktiveres.");
    }

    /// <summary>
    /// A change of role may not take away the last active head of office (<i>kontorchef</i>): nobody
    /// could manage users afterwards. The same rule as for deactivation, for a demotion.
    /// </summary>
    /// <param name="targetIsActiveLead">Whether the user is an active head of office now.</param>
    /// <param name="newRole">The role the user is to have.</param>
    /// <param name="activeLeads">How many active heads of office there are now (the user included).</param>
    public static void EnsureMayChangeRole(bool targetIsActiveLead, string newRole, int activeLeads)
    {
        if (targetIsActiveLead && newRole != Roles.AdvisorLead && activeLeads <= 1)
            throw new DomainException("Den sidste aktive kontorchef kan ikke få en anden rolle. Gør først en anden til kontorchef.");
    }

    public static void EnsureMayReactivate(bool deactivated)
    {
        if (!deactivated)
            throw new DomainException("Brugeren er ikke deaktiveret.");
    }
}
