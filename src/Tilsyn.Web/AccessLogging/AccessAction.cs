namespace Tilsyn.Web.AccessLogging;

/// <summary>What a user did with personal data; stored as its lower-case name (<c>view</c>, <c>change</c> …).</summary>
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
    /// <summary>Sent the citizen a new status link (the old one stopped working).</summary>
    ReissueStatusLink = 6,
    /// <summary>Revoked the citizen's status link.</summary>
    RevokeStatusLink = 7,
}
