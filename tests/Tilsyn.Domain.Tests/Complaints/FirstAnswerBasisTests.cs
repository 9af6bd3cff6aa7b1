using Tilsyn.Complaints;

namespace Tilsyn.Tests.Complaints;

public sealed class FirstAnswerBasisTests
{
    [Fact]
    public void An_aktindsigt_deadline_is_named_with_7_working_days_and_OFL_36()
    {
        Assert.Equal("Første svar til borgeren (7 arbejdsdage, offentlighedslovens § 36)", FirstAnswerBasis.Describe(DeadlineKind.FirstAnswer, CaseType.DocumentAccessRequest));
    }

    [Fact]
    public void A_complaint_deadline_is_the_service_goal_without_a_legal_basis()
    {
        Assert.Equal(CaseDeadlines.Name(DeadlineKind.FirstAnswer), FirstAnswerBasis.Describe(DeadlineKind.FirstAnswer, CaseType.Complaint));
        Assert.Null(FirstAnswerBasis.For(CaseType.Inquiry));
    }

    [Fact]
    public void A_statement_deadline_on_an_aktindsigt_case_keeps_its_own_name()
    {
        Assert.Equal(CaseDeadlines.Name(DeadlineKind.Statement), FirstAnswerBasis.Describe(DeadlineKind.Statement, CaseType.DocumentAccessRequest));
    }
}
