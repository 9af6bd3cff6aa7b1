using Tilsyn.Identity;

namespace Tilsyn.Statistics;

/// <summary>
/// Who sees which management information: administration-level totals (as the annual report
/// publishes them) are for every logged-in user; per-unit figures (<i>enhedstal</i>: unit rows, the
/// funnel plot's points, early warnings, area targets) of an administration are for the advisor's
/// staff, Leadership and that administration's own contacts, never for another administration's.
/// </summary>
public sealed class StatisticsAccess
{
    private readonly bool limited;
    private readonly int? own;

    private StatisticsAccess(bool limited, int? own) => (this.limited, this.own) = (limited, own);

    public static StatisticsAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var seesAll = set.Contains(Roles.Advisor) || set.Contains(Roles.AdvisorLead) || set.Contains(Roles.Leadership);
        if (seesAll) return new(false, null);
        // A contact (or a misconfigured user) is limited; without an administration it sees no unit at all.
        return new(true, set.Contains(Roles.AdministrationContact) ? DataScope.For(set, administrationId).AdministrationId : null);
    }

    /// <summary>The administration whose units alone the user sees; null with <see cref="SeesAllUnits"/> (or none at all).</summary>
    public int? OnlyUnitsOf => limited ? own : null;

    public bool SeesAllUnits => !limited;

    /// <summary>Whether the user sees per-unit figures of <paramref name="administrationId"/>.</summary>
    public bool MaySeeUnitsOf(int administrationId) => !limited || own == administrationId;
}
