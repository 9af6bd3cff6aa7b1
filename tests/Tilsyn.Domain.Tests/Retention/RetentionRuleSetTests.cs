using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Tests.Retention;

public sealed class RetentionRuleSetTests
{
    private static RetentionRule Rule(CaseType? type, string? kle, string period = "P3650D", RetentionDisposition d = RetentionDisposition.Discard) =>
        new(type, kle, period, d);

    private static readonly RetentionRule Default = RetentionRule.Default();
    private static readonly RetentionRule Complaints = Rule(CaseType.Complaint, null, "P10Y");
    private static readonly RetentionRule Kle27 = Rule(null, "27", "P20Y");
    private static readonly RetentionRule Kle2724 = Rule(null, "27.24", "P30Y");
    private static readonly RetentionRule Complaints27 = Rule(CaseType.Complaint, "27", "P40Y", RetentionDisposition.Preserve);
    private static readonly RetentionRule Complaints272400 = Rule(CaseType.Complaint, "27.24.00", "P50Y");
    private static readonly RetentionRuleSet Set = new([Default, Complaints, Kle27, Kle2724, Complaints27, Complaints272400]);

    [Theory]
    [InlineData(CaseType.Complaint, "27.24.00", "P50Y")] // type + longest KLE prefix
    [InlineData(CaseType.Complaint, "27.24.02", "P40Y")] // type + KLE beats a longer KLE-only prefix
    [InlineData(CaseType.Complaint, "27.10.01", "P40Y")]
    [InlineData(CaseType.Inquiry, "27.24.02", "P30Y")]   // KLE only: the longest prefix
    [InlineData(CaseType.Inquiry, "27.10.01", "P20Y")]
    [InlineData(CaseType.Complaint, "28.09.04", "P10Y")] // type only
    [InlineData(CaseType.Complaint, null, "P10Y")]
    [InlineData(CaseType.Inquiry, "28.09.04", "P1825D")] // the default
    [InlineData(CaseType.ErasureRequest, null, "P1825D")] // request cases fall under the rules too
    [InlineData(CaseType.Inquiry, "2", "P1825D")]
    public void The_most_specific_rule_wins(CaseType type, string? kle, string expected) =>
        Assert.Equal(expected, Set.For(type, kle).Period);

    [Fact]
    public void A_KLE_prefix_covers_whole_levels_only()
    {
        var set = new RetentionRuleSet([Default, Rule(null, "27.24")]);
        Assert.False(set.For(CaseType.Inquiry, "27.24.00").IsDefault);
        Assert.True(set.For(CaseType.Inquiry, "27.25.00").IsDefault);
        Assert.True(set.For(CaseType.Inquiry, "27.240").IsDefault);
        Assert.Throws<DomainException>(() => Rule(null, "27.2"));
    }

    [Fact]
    public void Data_subject_requests_can_have_their_own_rule()
    {
        var set = new RetentionRuleSet([Default, Rule(CaseType.DataAccessRequest, null, "P2Y")]);
        Assert.Equal("P2Y", set.For(CaseType.DataAccessRequest, null).Period);
        Assert.True(set.For(CaseType.Complaint, null).IsDefault);
    }

    [Fact]
    public void Without_a_stored_default_rule_the_default_still_applies()
    {
        var set = new RetentionRuleSet([Complaints]);
        Assert.Equal(("P1825D", RetentionDisposition.Discard), (set.For(CaseType.Inquiry, null).Period, set.For(CaseType.Inquiry, null).Disposition));
    }

    [Fact]
    public void Two_rules_for_the_same_cases_are_refused()
    {
        var twin = Rule(CaseType.Complaint, "27");
        var ex = Assert.Throws<DomainException>(() => Set.EnsureUnique(twin));
        Assert.Contains("Der findes allerede en regel for Klage · KLE 27", ex.Message);
        Set.EnsureUnique(Rule(CaseType.Inquiry, "27"));
    }

    [Fact]
    public void The_default_rule_cannot_be_deleted_or_narrowed_but_its_period_and_disposition_can_change()
    {
        var d = RetentionRule.Default();
        Assert.Contains("Standardreglen kan ikke slettes", Assert.Throws<DomainException>(d.EnsureMayDelete).Message);
        Assert.Throws<DomainException>(() => d.Change(CaseType.Complaint, null, "P5Y", RetentionDisposition.Discard, null));
        Assert.Throws<DomainException>(() => d.Change(null, "27", "P5Y", RetentionDisposition.Discard, null));
        d.Change(null, " ", "P10Y", RetentionDisposition.Preserve, null);
        Assert.Equal(("P10Y", RetentionDisposition.Preserve, "*"), (d.Period, d.Disposition, d.ScopeKey));
        Complaints.EnsureMayDelete();
    }

    [Theory]
    [InlineData("27.", "KLE-emne")]
    [InlineData("abc", "KLE-emne")]
    [InlineData("27.24.00.01", "KLE-emne")]
    public void A_bad_KLE_code_is_refused_naming_the_field(string kle, string field) =>
        Assert.Contains(field, Assert.Throws<DomainException>(() => Rule(null, kle)).Message);

    [Fact]
    public void A_bad_period_is_refused_when_the_rule_is_made()
    {
        Assert.Contains("Slettefrist", Assert.Throws<DomainException>(() => Rule(CaseType.Complaint, null, "5 år")).Message);
    }

    [Fact]
    public void A_rule_describes_itself_without_personal_data()
    {
        Assert.Equal("Klage · KLE 27 · P40Y · Bevar", Complaints27.Describe());
        Assert.Equal("Alle sager (standardregel) · P1825D · Kassér", Default.Describe());
    }
}
