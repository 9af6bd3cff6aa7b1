using Tilsyn.Audits;
using Tilsyn.Complaints;

namespace Tilsyn.Tests.Audits;

public sealed class AuditChecklistTests
{
    [Fact]
    public void Current_is_version_1_and_found_by_its_version()
    {
        Assert.Equal(1, AuditChecklist.Current.Version);
        Assert.Same(AuditChecklist.Current, AuditChecklist.ByVersion(1));
        Assert.Null(AuditChecklist.ByVersion(0));
        Assert.Null(AuditChecklist.ByVersion(2));
    }

    [Fact]
    public void Version_1_has_the_eight_questions_with_stable_ascii_keys()
    {
        var keys = AuditChecklist.Current.Questions.Select(q => q.Key).ToList();
        Assert.Equal(["hearing", "reasons", "appeal-guidance", "guidance", "deadline", "notes", "registration", "access-to-documents"], keys);
        Assert.All(keys, k => Assert.Matches("^[a-z][a-z-]*$", k));
        Assert.All(AuditChecklist.Current.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Text)));
    }

    [Fact]
    public void Questions_check_the_rules_of_the_brief()
    {
        var c = AuditChecklist.Current;
        Assert.Equal("Forvaltningsloven § 19", c.Find("hearing")!.LegalRule);
        Assert.Equal("Forvaltningsloven §§ 22-24", c.Find("reasons")!.LegalRule);
        Assert.Equal("Forvaltningsloven § 25", c.Find("appeal-guidance")!.LegalRule);
        Assert.Equal("Forvaltningsloven § 7", c.Find("guidance")!.LegalRule);
        Assert.Equal("Retssikkerhedsloven § 3", c.Find("deadline")!.LegalRule);
        Assert.Equal("Offentlighedsloven § 13", c.Find("notes")!.LegalRule);
        Assert.Equal("Offentlighedsloven § 15", c.Find("registration")!.LegalRule);
        Assert.Equal("Offentlighedsloven § 36 (svar inden 7 arbejdsdage)", c.Find("access-to-documents")!.LegalRule);
    }

    [Fact]
    public void Every_rule_with_a_complaint_category_is_spelled_as_in_the_complaint_catalogue()
    {
        // Audits and complaints share one taxonomy. The catalogue joins notes and registration in one
        // category ("Offentlighedsloven §§ 13 og 15"); the checklist asks about them separately, so
        // those two name their own section, which the category's rule must cover.
        var split = new Dictionary<string, string> { ["notes"] = "13", ["registration"] = "15" };
        foreach (var q in AuditChecklist.Current.Questions)
        {
            Assert.NotNull(q.Category);
            var rule = ComplaintCategories.Info(q.Category.Value).LegalRule;
            Assert.NotNull(rule);
            if (split.TryGetValue(q.Key, out var section))
            {
                Assert.Equal("Offentlighedsloven §§ 13 og 15", rule);
                Assert.Equal($"Offentlighedsloven § {section}", q.LegalRule);
            }
            else Assert.Equal(rule, q.LegalRule);
        }
    }

    [Fact]
    public void Each_formal_complaint_category_except_no_answer_is_covered_by_a_question()
    {
        // "Manglende svar" rests on good administrative practice, not a rule the checklist asks about.
        var covered = AuditChecklist.Current.Questions.Select(q => q.Category).ToHashSet();
        var formal = ComplaintCategories.All.Where(c => c.IsFormal && c.Category != ComplaintCategory.NoAnswer);
        Assert.All(formal, c => Assert.Contains(c.Category, covered));
    }

    [Fact]
    public void Find_is_by_exact_key()
    {
        Assert.NotNull(AuditChecklist.Current.Find("hearing"));
        Assert.Null(AuditChecklist.Current.Find("Hearing"));
        Assert.Null(AuditChecklist.Current.Find("nope"));
    }
}

public sealed class AuditAnswerTests
{
    [Theory]
    [InlineData(AuditAnswer.Met, "Opfyldt")]
    [InlineData(AuditAnswer.NotMet, "Ikke opfyldt")]
    [InlineData(AuditAnswer.NotRelevant, "Ikke relevant")]
    public void Labels_are_danish_and_parse_back(AuditAnswer answer, string label)
    {
        Assert.Equal(label, AuditAnswers.Label(answer));
        Assert.True(AuditAnswers.TryParse(AuditAnswers.Label(answer), out var back));
        Assert.Equal(answer, back);
    }

    [Theory]
    [InlineData("opfyldt", AuditAnswer.Met)]
    [InlineData("  OPFYLDT\t", AuditAnswer.Met)]
    [InlineData("ikke Opfyldt", AuditAnswer.NotMet)]
    [InlineData("\u00a0Ikke relevant ", AuditAnswer.NotRelevant)]
    public void Parsing_ignores_case_and_surrounding_white_space(string text, AuditAnswer expected)
    {
        Assert.True(AuditAnswers.TryParse(text, out var a));
        Assert.Equal(expected, a);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ja")]
    [InlineData("Met")]
    [InlineData("1")]
    [InlineData("Ikke  opfyldt")]
    [InlineData("Ikke-opfyldt")]
    [InlineData("Opfyldt.")]
    [InlineData("Delvist opfyldt")]
    public void Anything_else_is_rejected(string? text) => Assert.False(AuditAnswers.TryParse(text, out _));

    [Fact]
    public void An_undefined_value_has_no_label() => Assert.Throws<ArgumentOutOfRangeException>(() => AuditAnswers.Label((AuditAnswer)0));
}
