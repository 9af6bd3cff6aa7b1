using Tilsyn.Organisation;

namespace Tilsyn.Tests.Organisation;

public sealed class OrganisationRulesTests
{
    [Theory]
    [InlineData("buf", "BUF")]
    [InlineData(" økf ", "ØKF")]
    public void Administration_codes_are_normalised_to_capitals(string code, string expected) =>
        Assert.Equal(expected, new Administration(code, "Navn").Code);

    [Theory]
    [InlineData("B")]
    [InlineData("BUF1")]
    [InlineData("TOOLONGX")]
    [InlineData("")]
    public void Bad_administration_codes_are_refused_in_danish(string code)
    {
        var ex = Assert.Throws<DomainException>(() => new Administration(code, "Navn"));
        Assert.Contains("Forkortelse", ex.Message);
    }

    [Fact]
    public void An_administration_code_may_have_the_longest_length_and_no_more_and_the_refusal_names_the_lengths()
    {
        Assert.Equal(new string('A', Administration.CodeMaxLength), new Administration(new string('A', Administration.CodeMaxLength), "Navn").Code);
        Assert.Equal(new string('A', Administration.CodeMinLength), new Administration(new string('A', Administration.CodeMinLength), "Navn").Code);
        var ex = Assert.Throws<DomainException>(() => new Administration(new string('A', Administration.CodeMaxLength + 1), "Navn"));
        Assert.Equal("Forkortelse skal være 2-6 store bogstaver (A-Å), fx BUF.", ex.Message);
    }

    [Fact]
    public void A_unit_cannot_be_placed_under_a_unit_of_another_administration()
    {
        var a = new OrgUnit(1, "Dagtilbud", OrgUnitKind.Area);
        var unit = new OrgUnit(2, "Jobcenter", OrgUnitKind.Unit);
        var ex = Assert.Throws<DomainException>(() => unit.SetParent(a, []));
        Assert.Equal("En enhed kan kun placeres under en enhed i samme forvaltning.", ex.Message);
    }

    [Fact]
    public void A_unit_can_only_hang_under_an_area()
    {
        var school = new OrgUnit(1, "Skole", OrgUnitKind.Unit);
        Assert.Throws<DomainException>(() => new OrgUnit(1, "Klasse", OrgUnitKind.Unit, school));
    }

    [Fact]
    public void Blank_unit_names_are_refused() =>
        Assert.Throws<DomainException>(() => new OrgUnit(1, "  ", OrgUnitKind.Unit));

    [Fact]
    public void A_kle_subject_takes_level_and_parent_from_its_code()
    {
        var s = new KleSubject(KleCode.Parse("27.36.10"), "Hjemmehjælp");
        Assert.Equal(3, s.Level);
        Assert.Equal("27.36", s.ParentCode);
        s.Update("Hjemmehjælp", retired: true);
        Assert.True(s.IsRetired);
    }
}
