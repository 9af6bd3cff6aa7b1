using Tilsyn.Complaints;

namespace Tilsyn.Tests.Complaints;

public sealed class SupervisionCasesTests
{
    [Fact]
    public void The_query_filter_agrees_with_IsSupervision_for_every_case_type()
    {
        var only = SupervisionCases.Only.Compile();
        foreach (var type in Enum.GetValues<CaseType>())
        {
            var c = new ComplaintCase(2026, 1, type, Channel.Email, new Citizen("A", null, null, null, null, null), "Emne", "Tekst",
                DateTimeOffset.UnixEpoch, new DateOnly(1970, 1, 15), Actor.System);
            Assert.Equal(CaseTypes.IsSupervision(type), only(c));
        }
    }

    [Fact]
    public void Aktindsigt_and_data_subject_requests_are_not_supervision()
    {
        Assert.False(CaseTypes.IsSupervision(CaseType.DocumentAccessRequest));
        Assert.All(CaseTypes.DataSubjectRequests, t => Assert.False(CaseTypes.IsSupervision(t)));
    }
}
