using Tilsyn.Audits;

namespace Tilsyn.Tests.Audits;

public sealed class AuditDesignTests
{
    [Fact]
    public void Every_design_is_one_stored_pair_of_parts_and_one_form_key()
    {
        foreach (var d in AuditDesigns.All)
        {
            var (by, design) = AuditDesigns.Parts(d);
            Assert.Equal(d, AuditDesigns.Of(by, design));
            Assert.Equal(d, AuditDesigns.FromKey(AuditDesigns.Key(d)));
        }
        Assert.Equal(AuditDesigns.All.Count, AuditDesigns.All.Select(AuditDesigns.Key).Distinct().Count());
        Assert.Equal(AuditDesigns.All.Count, AuditDesigns.All.Select(AuditDesigns.Describe).Distinct().Count());
    }

    [Theory]
    [InlineData(StratifyBy.None, SampleDesign.StratifiedProportional)]
    [InlineData(StratifyBy.Unit, SampleDesign.SimpleRandom)]
    [InlineData(StratifyBy.None, (SampleDesign)0)]
    public void A_stratification_and_spread_that_do_not_fit_are_no_design(StratifyBy by, SampleDesign design) =>
        Assert.Null(AuditDesigns.Of(by, design));

    [Fact]
    public void The_form_keys_stay_as_links_and_tests_know_them()
    {
        Assert.Equal(["simple", "unit-proportional", "unit-equal", "type-proportional", "type-equal"], AuditDesigns.All.Select(AuditDesigns.Key));
        Assert.Null(AuditDesigns.FromKey("random"));
        Assert.Equal("opdelt efter enhed, proportional fordeling", AuditDesigns.Describe(AuditDesign.UnitProportional));
    }
}
