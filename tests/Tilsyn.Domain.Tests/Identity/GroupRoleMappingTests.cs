using Tilsyn.Identity;

namespace Tilsyn.Tests.Identity;

public sealed class GroupRoleMappingTests
{
    private static GroupRoleMapping Map(params (string Group, string Role)[] pairs) =>
        GroupRoleMapping.Parse(pairs.Select(p => new KeyValuePair<string, string?>(p.Group, p.Role)));

    [Fact]
    public void A_mapped_group_gives_its_role()
    {
        var map = Map(("tilsyn-sagsbehandlere", "Advisor"));
        Assert.Equal(new GroupRole(Roles.Advisor, null), map.Resolve(["andre", "tilsyn-sagsbehandlere"]));
    }

    [Fact]
    public void Groups_are_compared_without_regard_to_case()
    {
        var map = Map(("6F1C2A3B-0000-4000-8000-000000000001", "advisorlead"));
        Assert.Equal(Roles.AdvisorLead, map.Resolve(["6f1c2a3b-0000-4000-8000-000000000001"])!.Role);
    }

    [Fact]
    public void A_user_in_no_mapped_group_gets_no_role()
    {
        Assert.Null(Map(("a", "Advisor")).Resolve(["b", "c"]));
        Assert.Null(Map(("a", "Advisor")).Resolve([]));
    }

    [Fact]
    public void A_contact_person_group_carries_the_administration_code()
    {
        var map = Map(("boern", "AdministrationContact:BUF"));
        Assert.Equal(new GroupRole(Roles.AdministrationContact, "BUF"), map.Resolve(["boern"]));
    }

    [Fact]
    public void The_widest_role_wins_when_the_user_is_in_several_groups()
    {
        var map = Map(("ledelse", "Leadership"), ("bor", "Advisor"), ("chef", "AdvisorLead"), ("kontakt", "AdministrationContact:BUF"));
        Assert.Equal(Roles.AdvisorLead, map.Resolve(["ledelse", "bor", "chef", "kontakt"])!.Role);
        Assert.Equal(Roles.Advisor, map.Resolve(["ledelse", "kontakt", "bor"])!.Role);
        Assert.Equal(Roles.AdministrationContact, map.Resolve(["ledelse", "kontakt"])!.Role);
    }

    [Fact]
    public void Two_administrations_for_a_contact_person_are_refused()
    {
        var map = Map(("a", "AdministrationContact:BUF"), ("b", "AdministrationContact:SUF"));
        Assert.Throws<DomainException>(() => map.Resolve(["a", "b"]));
    }

    [Fact]
    public void An_unknown_role_is_refused_when_the_setting_is_read()
    {
        var e = Assert.Throws<DomainException>(() => Map(("a", "Admin")));
        Assert.Contains("ukendt rolle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contact_person_without_an_administration_is_refused()
    {
        Assert.Throws<DomainException>(() => Map(("a", "AdministrationContact")));
        Assert.Throws<DomainException>(() => Map(("a", "AdministrationContact: ")));
    }

    [Fact]
    public void Only_a_contact_person_belongs_to_an_administration()
    {
        Assert.Throws<DomainException>(() => Map(("a", "Advisor:BUF")));
    }

    [Fact]
    public void No_pairs_make_an_empty_mapping()
    {
        Assert.True(GroupRoleMapping.Parse([]).IsEmpty);
        Assert.False(Map(("a", "Advisor")).IsEmpty);
    }
}
