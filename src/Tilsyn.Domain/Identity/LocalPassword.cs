namespace Tilsyn.Identity;

/// <summary>
/// Who may have a local password (<i>adgangskode i Tilsyn</i>). A user linked to the municipality's
/// identity provider (an external login, made at the first single sign-on) logs in there, where the
/// provider does the two-step login; a local password beside it would be a way round that. With local
/// accounts switched off nobody has one. The same rule decides the head of office's "set password",
/// password login, lifting a login block and resetting Tilsyn's own two-step login.
/// </summary>
public static class LocalPassword
{
    /// <param name="localAccounts">Setting <c>Authentication:LocalAccounts</c>.</param>
    /// <param name="singleSignOn">Whether the installation has single sign-on (<c>Authentication:Oidc:Authority</c>).</param>
    /// <param name="linkedToProvider">Whether the user has an external login with the identity provider.</param>
    public static bool Allowed(bool localAccounts, bool singleSignOn, bool linkedToProvider) =>
        localAccounts && !(singleSignOn && linkedToProvider);

    /// <summary>Refuses a password being set for a user who may not have one, in Danish.</summary>
    public static void EnsureMaySet(bool localAccounts, bool singleSignOn, bool linkedToProvider)
    {
        if (!localAccounts)
            throw new DomainException("Lokale adgangskoder er slået fra: brugerne logger ind med kommunens login. Der kan ikke sættes en adgangskode.");
        if (singleSignOn && linkedToProvider)
            throw new DomainException("Brugeren logger ind med kommunens login og kan ikke få en adgangskode i Tilsyn (den ville gå uden om kommunens to-trinsbekræftelse).");
    }

    /// <summary>A new user needs a password only when they can log in with nothing else.</summary>
    public static bool RequiredForNewUser(bool localAccounts, bool singleSignOn) => localAccounts && !singleSignOn;
}
