using Tilsyn.Complaints;

namespace Tilsyn.Retention;

/// <summary>
/// The municipality's retention rules together: which rule applies to a case (the most specific
/// one: type and KLE with the longest KLE prefix, then KLE alone, then type alone, then the default
/// rule), and that no two rules cover the same cases.
/// </summary>
public sealed class RetentionRuleSet
{
    private readonly List<RetentionRule> rules;

    public RetentionRuleSet(IEnumerable<RetentionRule> rules)
    {
        this.rules = rules.OrderByDescending(r => r.Specificity).ThenBy(r => r.ScopeKey, StringComparer.Ordinal).ToList();
        // The default rule always exists (seeded, not deletable); should it be missing, its values still apply.
        Default = this.rules.FirstOrDefault(r => r.IsDefault) ?? RetentionRule.Default();
    }

    public RetentionRule Default { get; }

    public IReadOnlyList<RetentionRule> Rules => rules;

    /// <summary>The rule that applies to a case of this type and KLE subject.</summary>
    public RetentionRule For(CaseType type, string? kleCode) => rules.FirstOrDefault(r => r.Covers(type, kleCode)) ?? Default;

    /// <summary>Refuses a rule (new or changed) that covers exactly the cases another rule covers.</summary>
    public void EnsureUnique(RetentionRule candidate)
    {
        var twin = rules.FirstOrDefault(r => r.ScopeKey == candidate.ScopeKey && !ReferenceEquals(r, candidate) && (candidate.Id == 0 || r.Id != candidate.Id));
        if (twin is not null)
            throw new DomainException($"Der findes allerede en regel for {twin.Scope}; ret den i stedet for at oprette en ny.");
    }
}
