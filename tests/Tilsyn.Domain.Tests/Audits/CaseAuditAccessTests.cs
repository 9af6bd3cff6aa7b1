using Tilsyn.Audits;
using Tilsyn.Identity;
using Tilsyn.Recommendations;

namespace Tilsyn.Tests.Audits;

public sealed class CaseAuditAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static CaseAudit Audit(int? owner, int? administration) =>
        new("Audit", new AuditOwnership(owner, administration), PopulationSource.Complaints, null, null, new PopulationFilter(administration),
            StratifyBy.None, SampleDesign.SimpleRandom, 1, 10, [], 1, Now, "x");

    /// <summary>The advisor's audit of BUF (4), BUF's own audit, and the advisor's city-wide audit.</summary>
    private static readonly CaseAudit AdvisorsOfBuf = Audit(null, 4), BufsOwn = Audit(4, 4), CityWide = Audit(null, null);

    public static TheoryData<string, string, int?, bool[]> Table => new()
    {
        // user, role, administration: [see, see cases, answer] for AdvisorsOfBuf, BufsOwn, CityWide
        { "advisor", Roles.Advisor, null, [true, true, true, true, true, true, true, true, true] },
        { "advisor lead", Roles.AdvisorLead, null, [true, true, true, true, true, true, true, true, true] },
        { "BUF's contact", Roles.AdministrationContact, 4, [true, true, false, true, true, true, false, false, false] },
        { "SOF's contact", Roles.AdministrationContact, 5, [false, false, false, false, false, false, false, false, false] },
        { "a contact without an administration", Roles.AdministrationContact, null, [false, false, false, false, false, false, false, false, false] },
        { "leadership", Roles.Leadership, null, [true, false, false, true, false, false, true, false, false] },
        { "nobody", "Unknown", 4, [false, false, false, false, false, false, false, false, false] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Staff_run_any_audit_a_contact_only_its_own_administrations_and_leadership_sees_results_never_cases(string user, string role, int? own, bool[] expected)
    {
        var access = CaseAuditAccess.For([role], own);
        var actual = new[] { AdvisorsOfBuf, BufsOwn, CityWide }.SelectMany(a => new[] { access.MaySee(a), access.MaySeeCases(a), access.MayAnswer(a) }).ToArray();
        Assert.True(expected.SequenceEqual(actual), $"{user}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void The_query_filter_lets_through_exactly_the_audits_the_user_may_see(string user, string role, int? own, bool[] _)
    {
        var access = CaseAuditAccess.For([role], own);
        var visible = access.Visible.Compile();
        foreach (var audit in new[] { AdvisorsOfBuf, BufsOwn, CityWide, Audit(5, 5) })
            Assert.True(access.MaySee(audit) == visible(audit), user);
    }

    [Fact]
    public void Staff_own_the_audits_they_create_a_contact_creates_only_its_administrations_own_and_others_none()
    {
        Assert.Equal(new AuditOwnership(null, 5), CaseAuditAccess.For([Roles.Advisor], null).OwnershipFor(5));
        Assert.Equal(new AuditOwnership(null, null), CaseAuditAccess.For([Roles.AdvisorLead], null).OwnershipFor(null));

        var buf = CaseAuditAccess.For([Roles.AdministrationContact], 4);
        Assert.True(buf.MayCreate);
        Assert.Equal(new AuditOwnership(4, 4), buf.OwnershipFor(null));
        Assert.Equal(new AuditOwnership(4, 4), buf.OwnershipFor(4));
        Assert.Equal("Forvaltning: du kan kun auditere din egen forvaltnings sager.", Assert.Throws<DomainException>(() => buf.OwnershipFor(5)).Message);

        Assert.False(CaseAuditAccess.For([Roles.Leadership], null).MayCreate);
        Assert.Equal("Du kan ikke oprette sagsaudits.", Assert.Throws<DomainException>(() => CaseAuditAccess.For([Roles.Leadership], null).OwnershipFor(null)).Message);
        Assert.Throws<DomainException>(() => CaseAuditAccess.For([Roles.AdministrationContact], null).OwnershipFor(null));
    }

    [Fact]
    public void Only_staff_turn_findings_into_recommendations_and_leadership_does_not_see_them()
    {
        Assert.True(CaseAuditAccess.For([Roles.Advisor], null).MayRecommend);
        Assert.False(CaseAuditAccess.For([Roles.AdministrationContact], 4).MayRecommend);
        Assert.True(CaseAuditAccess.For([Roles.AdministrationContact], 4).MaySeeRecommendations);
        Assert.False(CaseAuditAccess.For([Roles.Leadership], null).MaySeeRecommendations);
    }

    [Fact]
    public void Staff_see_every_recommendation_of_an_audit_a_contact_only_its_own_administrations_and_leadership_none()
    {
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        Recommendation For(int administration) => new(RecommendationSource.CaseAudit, "Audit 1, spørgsmål 2", administration, null, "Partshør altid.", new DateOnly(2027, 3, 1), at, "x");
        var buf = For(4);
        var sof = For(5);
        bool[] Seen(string role, int? own)
        {
            var visible = CaseAuditAccess.For([role], own).VisibleRecommendations.Compile();
            return [visible(buf), visible(sof)];
        }
        Assert.Equal([true, true], Seen(Roles.Advisor, null));
        Assert.Equal([true, true], Seen(Roles.AdvisorLead, null));
        Assert.Equal([true, false], Seen(Roles.AdministrationContact, 4));
        Assert.Equal([false, false], Seen(Roles.AdministrationContact, null));
        Assert.Equal([false, false], Seen(Roles.Leadership, null));
        Assert.Equal([false, false], Seen("Unknown", 4));
    }
}
