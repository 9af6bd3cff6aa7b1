using Tilsyn.Complaints;
using Tilsyn.Letters;
using Tilsyn.Publishing;

namespace Tilsyn.Tests.Complaints;

/// <summary>Issue 13, point 2: what the pseudonymous stub of a deleted case keeps and what it loses.</summary>
public sealed class PersonalDataErasureTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2031, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private static readonly Actor Contact = new(null, "Lene Mortensen");

    /// <summary>A closed case with criticism, a statement, a note, a letter, a file and a status link: every kind of personal data.</summary>
    private static ComplaintCase ClosedCase()
    {
        var c = new ComplaintCase(2026, 42, CaseType.Complaint, Channel.WebForm,
            new Citizen("Anna Quist", "anna.quist@example.org", "+45 20 30 40 50", "Vesterbrogade 1, 1620 København V", "enc:0101901234", "010190-xxxx"),
            "Anna Quists datter mistede sin plads", "Min datter Ida Quist mistede sin plads uden at vi blev hørt.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen, 4);
        c.SetStatusToken("hash-of-token");
        c.Classify(CaseType.Complaint, 4, 40, "28.09", [ComplaintCategory.Hearing, ComplaintCategory.Reasons], Monday, Advisor);
        c.AssignCaseworker("u1", "Sara Holm", Monday, Advisor);
        c.StartReview(Monday, Advisor);
        c.AddDocument(DocumentKind.Attachment, "Lægeerklæring for Anna Quist", Monday, Actor.Citizen, null, "erklaering.pdf", "application/pdf", [1, 2, 3]);
        c.AddNote("Ringede til Anna Quist på 20304050.", Monday.AddHours(1), Advisor);
        var request = c.RequestStatement("Hvorfor blev familien Quist ikke hørt?", new DateOnly(2026, 3, 16), Monday.AddDays(1), Advisor);
        c.ExtendStatementDeadline(request, new DateOnly(2026, 3, 20), "Lederen Bo Berg er syg.", Monday.AddDays(2), Advisor);
        c.ReceiveStatement(request, "Vi beklager over for Anna Quist.", Monday.AddDays(5), Contact);
        c.Conclude(Outcome.Criticism, [ComplaintCategory.Hearing], "Anna Quist burde være hørt.", null, "En mor blev ikke hørt.", Monday.AddDays(8), Advisor);
        c.AddLetter(LetterKind.Conclusion, "Konklusion til Anna Quist", Monday.AddDays(8), Advisor, "Kære Anna Quist", "konklusion.pdf", "application/pdf", [4, 5]);
        c.Close(Monday.AddDays(9), Advisor);
        return c;
    }

    private static IEnumerable<string?> EveryText(ComplaintCase c) =>
        new[] { c.Citizen?.Name, c.Citizen?.Email, c.Citizen?.Phone, c.Citizen?.Address, c.Citizen?.ProtectedCpr, c.Citizen?.MaskedCpr,
                c.Subject, c.Description, c.ConclusionText, c.RecommendationText, c.Summary, c.RejectionReason, c.ForwardedTo, c.CaseworkerId, c.StatusTokenHash }
            .Concat(c.Documents.SelectMany(d => new[] { d.Title, d.Text, d.FileName, d.CreatedByName, d.CreatedById }))
            .Concat(c.Events.SelectMany(e => new[] { e.Text, e.ActorName, e.ActorId }))
            .Concat(c.StatementRequests.SelectMany(r => new[] { r.Question, r.ExtensionReason, r.RequestedByName, r.AnsweredByName }));

    [Fact]
    public void Erasing_removes_every_name_contact_detail_cpr_text_and_file_of_the_case()
    {
        var c = ClosedCase();
        c.ErasePersonalData(Later, "slettefristen er udløbet");

        Assert.Null(c.Citizen);
        Assert.Equal(ComplaintCase.ErasedSubject, c.Subject);
        Assert.Equal("", c.Description);
        foreach (var text in EveryText(c).Where(t => t is not null))
            Assert.DoesNotMatch("Quist|Sara|Holm|Lene|Mortensen|Bo Berg|20304050|20 30 40 50|Vesterbrogade|0101901234|010190|hash-of-token|u1|Lægeerklæring|erklaering", text!);
        Assert.All(c.Documents, d => Assert.True(d.Text is null && d.Content is null && d.FileName is null && d.ContentType is null));
        Assert.All(c.Documents, d => Assert.Equal(CaseDocument.ErasedTitle, d.Title));
        Assert.Null(c.StatusTokenHash);
        Assert.Equal(Later, c.StatusLinkRevokedAt);
        Assert.Equal(Later, c.PersonalDataDeletedAt);
    }

    [Fact]
    public void The_stub_keeps_number_type_administration_unit_kle_categories_dates_outcome_and_rules_breached()
    {
        var before = ClosedCase();
        var c = ClosedCase();
        c.ErasePersonalData(Later, "slettefristen er udløbet");

        Assert.Equal((before.Number, before.Year, before.Sequence, before.Type, before.Channel, before.Status),
            (c.Number, c.Year, c.Sequence, c.Type, c.Channel, c.Status));
        Assert.Equal((before.AdministrationId, before.UnitId, before.KleCode, before.SharedWithAdministrationId, before.SharedAt),
            (c.AdministrationId, c.UnitId, c.KleCode, c.SharedWithAdministrationId, c.SharedAt));
        Assert.Equal((before.ReceivedAt, before.FirstAnswerDue, before.FirstAnsweredAt, before.ConcludedAt, before.ClosedAt, before.Outcome),
            (c.ReceivedAt, c.FirstAnswerDue, c.FirstAnsweredAt, c.ConcludedAt, c.ClosedAt, c.Outcome));
        Assert.Equal(before.Categories.Select(x => (x.Category, x.Breached)), c.Categories.Select(x => (x.Category, x.Breached)));
        Assert.Equal(before.Documents.Select(d => (d.Sequence, d.Kind, d.CreatedAt, d.StatementRequestId)), c.Documents.Select(d => (d.Sequence, d.Kind, d.CreatedAt, d.StatementRequestId)));
        Assert.Equal(before.StatementRequests.Select(r => (r.AdministrationId, r.RequestedAt, r.OriginalDueDate, r.DueDate, r.AnsweredAt)),
            c.StatementRequests.Select(r => (r.AdministrationId, r.RequestedAt, r.OriginalDueDate, r.DueDate, r.AnsweredAt)));
        // Every history line stays with its time and status change; one more records the deletion.
        Assert.Equal(before.Events.Select(e => (e.At, e.FromStatus, e.ToStatus)), c.Events.SkipLast(1).Select(e => (e.At, e.FromStatus, e.ToStatus)));
        Assert.Equal("Status: Lukket.", c.Events.Single(e => e.ToStatus == CaseStatus.Closed).Text);
    }

    [Fact]
    public void The_deletion_is_a_history_line_with_its_reason_and_no_name()
    {
        var c = ClosedCase();
        c.ErasePersonalData(Later, "slettefristen er udløbet");

        var line = c.Events[^1];
        Assert.Equal(Later, line.At);
        Assert.Equal(Actor.System.Name, line.ActorName);
        Assert.Null(line.ActorId);
        Assert.Contains("personoplysninger er slettet (slettefristen er udløbet)", line.Text);
    }

    [Fact]
    public void A_case_is_erased_once_and_a_reason_is_required()
    {
        var c = ClosedCase();
        Assert.Contains("Begrundelse for sletning", Assert.Throws<DomainException>(() => c.ErasePersonalData(Later, " ")).Message);
        Assert.Null(c.PersonalDataDeletedAt);
        c.ErasePersonalData(Later, "slettefristen er udløbet");
        Assert.Contains("slettet", Assert.Throws<DomainException>(() => c.ErasePersonalData(Later.AddDays(1), "igen")).Message);
    }

    [Fact]
    public void An_erased_case_cannot_be_reopened_reclassified_or_given_documents()
    {
        var c = ClosedCase();
        c.ErasePersonalData(Later, "slettefristen er udløbet");

        Assert.Throws<DomainException>(() => c.StartReview(Later, Advisor, "Ny oplysning"));
        Assert.Throws<DomainException>(() => c.Classify(CaseType.Inquiry, 4, 40, null, [], Later, Advisor));
        Assert.Throws<DomainException>(() => c.AddNote("Nyt notat", Later, Advisor));
        Assert.Equal(CaseStatus.Closed, c.Status);
    }

    [Fact]
    public void An_erased_case_cannot_become_a_case_example()
    {
        var c = ClosedCase();
        c.ErasePersonalData(Later, "slettefristen er udløbet");
        Assert.Throws<DomainException>(() => CaseExample.FromCase(c, 2026, Later, "test"));
    }

    [Fact]
    public void A_published_example_keeps_its_published_text_but_forgets_the_original_text_and_the_names()
    {
        var example = CaseExample.FromCase(ClosedCaseWithNamedSummary(), 2026, Monday.AddDays(10), "test");
        example.ChangeReview(r => r.ReplaceAll());
        example.PublishToLibrary(Monday.AddDays(11), parts => string.Join(' ', parts));
        var published = (example.Title, example.PublishedText, example.PublishedAt, example.SearchText);
        Assert.Contains("Anna Quist", example.Review().Text);

        example.ForgetSource();

        Assert.Equal(published, (example.Title, example.PublishedText, example.PublishedAt, example.SearchText));
        var review = example.Review();
        Assert.Equal(example.PublishedText, review.Text);
        Assert.Empty(review.Context.PartyNames);
        Assert.Empty(review.Items);
        Assert.True(example.Resolved);
    }

    [Fact]
    public void A_draft_example_is_not_kept_when_its_case_is_erased()
    {
        var example = CaseExample.FromCase(ClosedCaseWithNamedSummary(), 2026, Monday.AddDays(10), "test");
        Assert.Throws<DomainException>(example.ForgetSource);
    }

    private static ComplaintCase ClosedCaseWithNamedSummary()
    {
        var c = new ComplaintCase(2026, 43, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Quist", null, null, null, null, null),
            "Partshøring", "Ingen høring.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen, 4);
        c.Classify(CaseType.Complaint, 4, 40, "28.09", [ComplaintCategory.Hearing], Monday, Advisor);
        c.StartReview(Monday, Advisor);
        c.Conclude(Outcome.Criticism, [ComplaintCategory.Hearing], "Kritik.", null, "Anna Quist blev ikke hørt.", Monday.AddDays(1), Advisor);
        return c;
    }
}
