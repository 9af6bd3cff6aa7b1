namespace Tilsyn.Web.AccessLogging;

/// <summary>What a user did with personal data or with access to it; stored as its lower-case name (<c>view</c>, <c>login</c> …).</summary>
public enum AccessAction
{
    /// <summary>Looked at a case, a status page or a CPR number.</summary>
    View = 1,
    /// <summary>Changed a case.</summary>
    Change = 2,
    /// <summary>Registered a new case.</summary>
    Create = 3,
    /// <summary>Downloaded a document.</summary>
    Download = 4,
    /// <summary>Searched case texts.</summary>
    Search = 5,
    /// <summary>Logged in.</summary>
    Login = 6,
    /// <summary>A refused login (wrong password, unknown user name, blocked address, deactivated user); never with the typed password.</summary>
    LoginFailed = 7,
    /// <summary>Logged out.</summary>
    Logout = 8,
    /// <summary>A head of office created a user.</summary>
    UserCreated = 9,
    /// <summary>A head of office changed a user's name, login name or e-mail.</summary>
    UserChanged = 10,
    /// <summary>A head of office changed a user's role or administration.</summary>
    RoleChanged = 11,
    /// <summary>A head of office set a new password for a user.</summary>
    PasswordReset = 12,
    /// <summary>A head of office deactivated a user.</summary>
    UserDeactivated = 13,
    /// <summary>A head of office reactivated a user.</summary>
    UserReactivated = 14,
    /// <summary>A head of office lifted a login block.</summary>
    UserUnlocked = 15,
    /// <summary>A refused attempt to open data outside the user's access (403, or another administration's case answered 404).</summary>
    Refused = 16,
    /// <summary>Shared a case, a document or a FOKUS report with the administrations (need-to-know).</summary>
    Share = 17,
    /// <summary>Sent the citizen a new status link (the old one stopped working).</summary>
    ReissueStatusLink = 18,
    /// <summary>Revoked the citizen's status link.</summary>
    RevokeStatusLink = 19,
    /// <summary>Placed a legal hold (<i>slettestop</i>) on a case.</summary>
    LegalHoldPlaced = 20,
    /// <summary>Lifted a legal hold on a case.</summary>
    LegalHoldLifted = 21,
    /// <summary>The personal data of a case were deleted (retention ran out, or an erasure request was granted).</summary>
    Erased = 22,
    /// <summary>Access-log lines older than their retention were deleted from the start of the chain.</summary>
    AccessLogPruned = 23,
    /// <summary>Delivered a case with its personal data to the archive (<i>arkivaflevering</i>).</summary>
    ArchiveExport = 24,
    /// <summary>Released documents of a case under an <i>aktindsigt</i> (OFL): the decision, with what was released.</summary>
    Release = 25,
    /// <summary>A user enrolled in two-step login (<i>to-trinsbekræftelse</i>) with an authenticator app.</summary>
    MfaEnrolled = 26,
    /// <summary>A user logged in with a recovery code (<i>gendannelseskode</i>) instead of the app's code.</summary>
    MfaRecoveryCodeUsed = 27,
    /// <summary>A head of office reset a user's two-step login: the user must enrol again.</summary>
    MfaReset = 28,
    /// <summary>A user whose role does not require it switched two-step login off.</summary>
    MfaSwitchedOff = 29,
    /// <summary>A user made new recovery codes (the old ones stopped working). Stored names fit the column: 20 characters at most.</summary>
    MfaCodesRenewed = 30,
    /// <summary>A citizen signed in with MitID (the citizens' login, "Mine sager"); logged as "Borger" and the masked CPR number.</summary>
    CitizenLogin = 31,
    /// <summary>A citizen signed out of "Mine sager" (here and at the identity broker).</summary>
    CitizenLogout = 32,
    /// <summary>A citizen's MitID login was refused: the broker sent no valid CPR number.</summary>
    CitizenLoginFailed = 33,
    /// <summary>A call of the integration API by a machine client (one line per call that no other action describes).</summary>
    ApiCall = 34,
    /// <summary>A head of office registered an integration API client.</summary>
    ApiClientCreated = 35,
    /// <summary>A head of office changed an integration API client's name, OAuth client id or scopes, or its API key.</summary>
    ApiClientChanged = 36,
    /// <summary>A head of office revoked an integration API client.</summary>
    ApiClientRevoked = 37,
    /// <summary>The advisor's staff opened the citizens' unreviewed survey comments (issue 16; the comments are anonymous but may hold personal data until reviewed).</summary>
    FeedbackRead = 38,
    /// <summary>The advisor's staff approved (anonymised) or withheld a survey comment.</summary>
    FeedbackReviewed = 39,
}
