namespace Tilsyn.Web.AccessLogging;

/// <summary>The Danish names of <see cref="AccessAction"/> shown on the access log page.</summary>
public static class AccessActionLabels
{
    public static string Label(AccessAction action) => action switch
    {
        AccessAction.View => "Visning",
        AccessAction.Change => "Ændring",
        AccessAction.Create => "Oprettelse",
        AccessAction.Download => "Hentning",
        AccessAction.Search => "Søgning",
        AccessAction.Login => "Login",
        AccessAction.LoginFailed => "Mislykket login",
        AccessAction.Logout => "Log ud",
        AccessAction.UserCreated => "Bruger oprettet",
        AccessAction.UserChanged => "Bruger ændret",
        AccessAction.RoleChanged => "Rolle ændret",
        AccessAction.PasswordReset => "Ny adgangskode",
        AccessAction.UserDeactivated => "Bruger deaktiveret",
        AccessAction.UserReactivated => "Bruger genaktiveret",
        AccessAction.UserUnlocked => "Spærring ophævet",
        AccessAction.Refused => "Adgang nægtet",
        AccessAction.Share => "Delt med forvaltningen",
        AccessAction.ReissueStatusLink => "Nyt statuslink",
        AccessAction.RevokeStatusLink => "Statuslink tilbagekaldt",
        AccessAction.LegalHoldPlaced => "Slettestop lagt",
        AccessAction.LegalHoldLifted => "Slettestop ophævet",
        AccessAction.Erased => "Personoplysninger slettet",
        AccessAction.AccessLogPruned => "Gammel log slettet",
        AccessAction.ArchiveExport => "Afleveret til arkiv",
        AccessAction.Release => "Aktindsigt udleveret",
        AccessAction.MfaEnrolled => "To-trinsbekræftelse slået til",
        AccessAction.MfaRecoveryCodeUsed => "Gendannelseskode brugt",
        AccessAction.MfaReset => "To-trinsbekræftelse nulstillet",
        AccessAction.MfaSwitchedOff => "To-trinsbekræftelse slået fra",
        AccessAction.MfaCodesRenewed => "Nye gendannelseskoder",
        AccessAction.CitizenLogin => "Borger logget ind",
        AccessAction.CitizenLogout => "Borger logget ud",
        AccessAction.CitizenLoginFailed => "Mislykket borgerlogin",
        AccessAction.ApiCall => "API-kald",
        AccessAction.ApiClientCreated => "API-klient oprettet",
        AccessAction.ApiClientChanged => "API-klient ændret",
        AccessAction.ApiClientRevoked => "API-klient tilbagekaldt",
        AccessAction.FeedbackRead => "Kommentarer fra tilfredshedsundersøgelsen læst",
        AccessAction.FeedbackReviewed => "Kommentar fra tilfredshedsundersøgelsen gennemgået",
        _ => action.ToString(),
    };
}
