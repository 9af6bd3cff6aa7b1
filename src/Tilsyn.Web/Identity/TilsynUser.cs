using Microsoft.AspNetCore.Identity;

namespace Tilsyn.Web.Identity;

/// <summary>A person who logs in: the advisor's staff, an administration's contact, or leadership.</summary>
public sealed class TilsynUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>Set for an AdministrationContact (exactly one administration), null for every other role.</summary>
    public int? AdministrationId { get; set; }

    /// <summary>When a head of office deactivated the user (<i>deaktiveret</i>); null while active. A deactivated user cannot log in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
