using Tilsyn.Complaints;
using Tilsyn.Identity;
using Tilsyn.Remedies;

namespace Tilsyn.Tests.Remedies;

public sealed class RemedyAccessTests
{
    private const int Buf = 4, Sof = 5;
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ComplaintCase AdvisorCase()
    {
        var c = new ComplaintCase(2026, 1, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", null, null, null, null, null), "Emne", "Beskrivelse", At, new DateOnly(2026, 3, 16), Actor.Citizen);
        c.Classify(CaseType.Complaint, Buf, null, null, [ComplaintCategory.Hearing], At, Actor.System);
        return c;
    }

    private static ComplaintCase OwnCase(int owner) =>
        ComplaintCase.ForAdministration(owner, 2026, 2, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", null, null, null, null, null), "Emne", "Beskrivelse", At, new DateOnly(2026, 3, 16), Actor.Citizen);

    [Theory]
    // roles, administration, ask on the advisor's BUF case, answer on it, ask on BUF's own case, answer on it
    [InlineData(Roles.Advisor, null, true, true, false, false)]
    [InlineData(Roles.AdvisorLead, null, true, true, false, false)]
    [InlineData(Roles.AdministrationContact, Buf, false, true, true, true)]
    [InlineData(Roles.AdministrationCaseworker, Buf, false, true, true, true)]
    [InlineData(Roles.AdministrationContact, Sof, false, false, false, false)]
    [InlineData(Roles.Leadership, null, false, false, false, false)]
    [InlineData(Roles.Leadership, Buf, false, false, false, false)]
    public void The_advisor_asks_on_its_cases_the_administration_answers_and_handles_its_own_register(string role, int? admin, bool askAdvisor, bool answerAdvisor, bool askOwn, bool answerOwn)
    {
        var a = RemedyAccess.For([role], admin);
        Assert.Equal((askAdvisor, answerAdvisor, askOwn, answerOwn), (a.MayAsk(AdvisorCase()), a.MayAnswer(AdvisorCase()), a.MayAsk(OwnCase(Buf)), a.MayAnswer(OwnCase(Buf))));
    }
}
