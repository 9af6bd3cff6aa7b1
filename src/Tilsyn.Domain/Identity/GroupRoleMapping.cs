namespace Tilsyn.Identity;

/// <summary>A Tilsyn role given by a group of the identity provider, with the administration (by code) of a contact person.</summary>
public sealed record GroupRole(string Role, string? AdministrationCode);

/// <summary>
/// Maps the groups of a single sign-on user to one Tilsyn role (setting
/// <c>Authentication:Oidc:GroupRoles:&lt;group&gt; = &lt;Role&gt;[:&lt;administration code&gt;]</c>). Used only to
/// create a user who signs in for the first time; an existing user keeps the role in Tilsyn's user table.
/// Groups are compared case-insensitively (Entra ID sends object ids, AD FS names). When a user is in
/// several mapped groups the widest role wins (head of office, caseworker, contact person, leadership);
/// two different administrations for a contact person are ambiguous and refused.
/// </summary>
public sealed class GroupRoleMapping
{
    private static readonly string[] Precedence = [Roles.AdvisorLead, Roles.Advisor, Roles.AdministrationContact, Roles.AdministrationCaseworker, Roles.Leadership];
    private readonly Dictionary<string, GroupRole> map;

    private GroupRoleMapping(Dictionary<string, GroupRole> map) => this.map = map;

    public bool IsEmpty => map.Count == 0;

    /// <summary>Reads the setting's pairs (group → <c>Role[:code]</c>); throws with a Danish message for a value that is not a role.</summary>
    public static GroupRoleMapping Parse(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var map = new Dictionary<string, GroupRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, value) in pairs)
        {
            var g = group.Trim();
            var v = (value ?? "").Trim();
            if (g.Length == 0 || v.Length == 0) continue;
            var colon = v.IndexOf(':', StringComparison.Ordinal);
            var role = colon < 0 ? v : v[..colon].Trim();
            var code = colon < 0 ? null : v[(colon + 1)..].Trim();
            if (code?.Length == 0) code = null;
            var known = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainException($"Gruppen '{g}' er knyttet til en ukendt rolle; brug en af: {string.Join(", ", Roles.All)}.");
            if (Roles.IsAdministrationRole(known) && code is null)
                throw new DomainException($"Gruppen '{g}' giver rollen {known}, som kræver en forvaltningskode ({known}:<kode>).");
            if (!Roles.IsAdministrationRole(known) && code is not null)
                throw new DomainException($"Gruppen '{g}': kun rollerne {Roles.AdministrationContact} og {Roles.AdministrationCaseworker} hører til en forvaltning.");
            map[g] = new GroupRole(known, code);
        }
        return new GroupRoleMapping(map);
    }

    /// <summary>The role the user's groups give, or null when no group is mapped; throws when the groups name two administrations.</summary>
    public GroupRole? Resolve(IEnumerable<string> groups)
    {
        var matches = groups.Select(g => map.GetValueOrDefault(g.Trim())).OfType<GroupRole>().Distinct().ToList();
        if (matches.Count == 0) return null;
        var best = matches.OrderBy(m => Array.IndexOf(Precedence, m.Role)).First();
        if (Roles.IsAdministrationRole(best.Role)
            && matches.Where(m => Roles.IsAdministrationRole(m.Role)).Select(m => m.AdministrationCode).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            throw new DomainException("Brugerens grupper giver adgang til flere forvaltninger; en kontaktperson hører til én forvaltning.");
        return best;
    }
}
