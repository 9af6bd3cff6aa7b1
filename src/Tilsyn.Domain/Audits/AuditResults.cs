namespace Tilsyn.Audits;

/// <summary>One sampled case with the auditor's answers so far.</summary>
/// <param name="Stratum">The stratum the case was drawn from.</param>
/// <param name="Unit">The unit that handled the case, for the per-unit rows.</param>
/// <param name="Answers">Question key → answer; a question not in the dictionary is not answered yet.</param>
public sealed record AuditedCase(string Stratum, string Unit, IReadOnlyDictionary<string, AuditAnswer> Answers);

/// <summary>A unit's result for one question.</summary>
public sealed record UnitResult(string Unit, int Relevant, int Met, ShareInterval Interval);

/// <summary>The result for one checklist question.</summary>
/// <param name="Relevant">Answered Met or NotMet: the denominator.</param>
/// <param name="NotRelevant">Answered NotRelevant; not in the share.</param>
/// <param name="Unanswered">Sampled cases with no answer to this question yet; not counted anywhere else.</param>
/// <param name="Interval">Wilson interval of Met/Relevant over the whole sample; null when nothing is relevant.</param>
/// <param name="Stratified">The stratified estimate, for stratified designs; null for a simple random sample or when nothing is relevant.</param>
/// <param name="Units">Units with at least <see cref="AuditResults.MinimumPerUnit"/> relevant answers, in ordinal name order.</param>
/// <param name="UnitsWithTooFewCases">Units with some case in the sample but fewer relevant answers, shown as <see cref="AuditResults.TooFewCasesLabel"/> without numbers.</param>
public sealed record QuestionResult(
    ChecklistQuestion Question,
    int Relevant,
    int Met,
    int NotRelevant,
    int Unanswered,
    ShareInterval? Interval,
    StratifiedEstimate? Stratified,
    IReadOnlyList<UnitResult> Units,
    IReadOnlyList<string> UnitsWithTooFewCases);

/// <summary>The results of an audit.</summary>
/// <param name="Cases">Sampled cases.</param>
/// <param name="FullyAnswered">Cases with an answer (of any kind) to every question of the checklist.</param>
public sealed record AuditResult(int ChecklistVersion, SampleDesign Design, int Cases, int FullyAnswered, IReadOnlyList<QuestionResult> Questions)
{
    public bool IsComplete => FullyAnswered == Cases;
}

/// <summary>Adds up the answers of an audit per question, overall, per stratum and per unit.</summary>
public static class AuditResults
{
    /// <summary>A unit gets its own row only with at least this many relevant answers; fewer give an interval too wide to say anything.</summary>
    public const int MinimumPerUnit = 10;

    public const string TooFewCasesLabel = "for få sager";

    /// <param name="checklist">The checklist version the audit used.</param>
    /// <param name="stratumSizes">N_h of the population the sample was drawn from (one key for a simple random sample).</param>
    /// <param name="design">The sample design; a stratified design adds the stratified estimate.</param>
    /// <param name="cases">The sampled cases and their answers.</param>
    /// <exception cref="DomainException">An answer to a question not in the checklist, or a case from a stratum not in the population.</exception>
    public static AuditResult Compute(AuditChecklist checklist, IReadOnlyDictionary<string, long> stratumSizes, SampleDesign design,
        IEnumerable<AuditedCase> cases, double z = AuditStatistics.Z95)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(stratumSizes);
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases.ToList();
        foreach (var c in list)
        {
            if (!stratumSizes.ContainsKey(c.Stratum))
                throw new DomainException($"En sag fra enhed {c.Unit} hører til stratum '{c.Stratum}', som ikke er en del af stikprøvens population.");
            foreach (var key in c.Answers.Keys)
                if (checklist.Find(key) is null)
                    throw new DomainException($"Spørgsmålet '{key}' findes ikke i tjeklisten version {checklist.Version}.");
        }

        var fullyAnswered = list.Count(c => checklist.Questions.All(q => c.Answers.ContainsKey(q.Key)));
        var questions = checklist.Questions.Select(q => ForQuestion(q, list, stratumSizes, design, z)).ToList();
        return new(checklist.Version, design, list.Count, fullyAnswered, questions);
    }

    private static QuestionResult ForQuestion(ChecklistQuestion q, List<AuditedCase> cases, IReadOnlyDictionary<string, long> sizes,
        SampleDesign design, double z)
    {
        int relevant = 0, met = 0, notRelevant = 0, unanswered = 0;
        var perStratum = sizes.Keys.ToDictionary(k => k, _ => (Relevant: 0, Met: 0), StringComparer.Ordinal);
        var perUnit = new SortedDictionary<string, (int Relevant, int Met)>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var unit = perUnit.GetValueOrDefault(c.Unit);
            if (!c.Answers.TryGetValue(q.Key, out var answer)) unanswered++;
            else if (answer == AuditAnswer.NotRelevant) notRelevant++;
            else
            {
                var isMet = answer == AuditAnswer.Met ? 1 : 0;
                relevant++;
                met += isMet;
                var s = perStratum[c.Stratum];
                perStratum[c.Stratum] = (s.Relevant + 1, s.Met + isMet);
                unit = (unit.Relevant + 1, unit.Met + isMet);
            }
            perUnit[c.Unit] = unit;
        }

        var stratified = design == SampleDesign.SimpleRandom
            ? null
            : AuditStatistics.Stratified(sizes.Select(kv => new StratumCount(kv.Value, perStratum[kv.Key].Relevant, perStratum[kv.Key].Met)), z);
        var units = perUnit.Where(u => u.Value.Relevant >= MinimumPerUnit)
            .Select(u => new UnitResult(u.Key, u.Value.Relevant, u.Value.Met, AuditStatistics.Wilson(u.Value.Met, u.Value.Relevant, z)!))
            .ToList();
        var tooFew = perUnit.Where(u => u.Value.Relevant < MinimumPerUnit).Select(u => u.Key).ToList();
        return new(q, relevant, met, notRelevant, unanswered, AuditStatistics.Wilson(met, relevant, z), stratified, units, tooFew);
    }
}
