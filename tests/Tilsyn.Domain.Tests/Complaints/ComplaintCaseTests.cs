using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Letters;

namespace Tilsyn.Tests.Complaints;

public sealed class ComplaintCaseTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private static readonly Actor Buf = new("u2", "Lene Mortensen");

    private static ComplaintCase NewCase() =>
        new(2026, 42, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", "anna@example.org", null, null, null, null),
            "Manglende partshøring", "Min datter mistede sin plads uden at vi blev hørt.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen);

    private static ComplaintCase ClassifiedUnderReview()
    {
        var c = NewCase();
        c.Classify(CaseType.Complaint, 4, 40, "28.09", [ComplaintCategory.Hearing, ComplaintCategory.Reasons], Monday, Advisor);
        c.StartReview(Monday, Advisor);
        return c;
    }

    [Fact]
    public void A_new_case_is_received_numbered_and_has_a_history_line()
    {
        var c = NewCase();
        Assert.Equal("2026-0000042", c.Number);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Contains("2026-0000042", Assert.Single(c.Events).Text);
    }

    [Fact]
    public void The_whole_loop_moves_through_the_states_and_logs_who_and_when()
    {
        var c = ClassifiedUnderReview();
        var request = c.RequestStatement("Hvorfor blev familien ikke hørt?", new DateOnly(2026, 3, 16), Monday, Advisor);
        c.ReceiveStatement(request, "Vi beklager; partshøring blev glemt.", Monday.AddDays(5), Buf);
        c.Conclude(Outcome.Criticism, [ComplaintCategory.Hearing], "Forvaltningen burde have partshørt.", null, "En forælder blev ikke hørt før afgørelse om plads.", Monday.AddDays(8), Advisor);
        c.Close(Monday.AddDays(9), Advisor);

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(
            [CaseStatus.Received, CaseStatus.UnderReview, CaseStatus.StatementRequested, CaseStatus.StatementReceived, CaseStatus.Concluded, CaseStatus.Closed],
            c.Events.Where(e => e.ToStatus is not null).Select(e => e.ToStatus!.Value));
        var statement = c.Events.Single(e => e.ToStatus == CaseStatus.StatementReceived);
        Assert.Equal("Lene Mortensen", statement.ActorName);
        Assert.Equal(Monday.AddDays(5), statement.At);
        Assert.True(c.Categories.Single(x => x.Category == ComplaintCategory.Hearing).Breached);
        Assert.False(c.Categories.Single(x => x.Category == ComplaintCategory.Reasons).Breached);
        Assert.Contains("Forvaltningsloven § 19", c.Events.Single(e => e.ToStatus == CaseStatus.Concluded).Text);
    }

    [Fact]
    public void An_invalid_transition_is_refused_with_a_message_naming_both_states()
    {
        var c = NewCase();
        var ex = Assert.Throws<DomainException>(() => c.Close(Monday, Advisor));
        Assert.Equal("En sag med status 'Modtaget' kan ikke få status 'Lukket'.", ex.Message);
        Assert.Equal(CaseStatus.Received, c.Status);
    }

    [Fact]
    public void A_statement_cannot_be_requested_before_the_administration_is_known()
    {
        var c = NewCase();
        c.StartReview(Monday, Advisor);
        Assert.Equal("Klassificér sagen med en forvaltning først.",
            Assert.Throws<DomainException>(() => c.RequestStatement("?", new DateOnly(2026, 3, 16), Monday, Advisor)).Message);
    }

    [Fact]
    public void Criticism_needs_a_broken_rule_and_a_recommendation_needs_its_text()
    {
        var c = ClassifiedUnderReview();
        Assert.Throws<DomainException>(() => c.Conclude(Outcome.Criticism, [], "x", null, "y", Monday, Advisor));
        Assert.Throws<DomainException>(() => c.Conclude(Outcome.Recommendation, [], "x", " ", "y", Monday, Advisor));
        Assert.Throws<DomainException>(() => c.Conclude(Outcome.NoCriticism, [ComplaintCategory.Hearing], "x", null, "y", Monday, Advisor));
        Assert.Equal(CaseStatus.UnderReview, c.Status);
    }

    [Fact]
    public void A_rule_found_broken_but_not_complained_of_is_added_to_the_case()
    {
        var c = ClassifiedUnderReview();
        c.Conclude(Outcome.Criticism, [ComplaintCategory.AppealGuidance], "Ingen klagevejledning.", null, "Resumé", Monday, Advisor);
        Assert.True(c.Categories.Single(x => x.Category == ComplaintCategory.AppealGuidance).Breached);
    }

    [Fact]
    public void Rejection_needs_a_reason_and_ends_the_case()
    {
        var c = NewCase();
        Assert.Throws<DomainException>(() => c.Reject("  ", Monday, Advisor));
        c.Reject("Uden for Borgerrådgiverens kompetence (skattesag).", Monday, Advisor);
        Assert.Equal(CaseStatus.Rejected, c.Status);
        Assert.Equal(Outcome.Rejected, c.Outcome);
        Assert.False(c.IsOpen);
        Assert.Empty(c.OpenDeadlines());
    }

    [Fact]
    public void A_closed_case_is_reopened_only_with_a_reason()
    {
        var c = NewCase();
        c.Forward("Ankestyrelsen", Monday, Advisor);
        c.Close(Monday, Advisor);
        Assert.Throws<DomainException>(() => c.StartReview(Monday, Advisor));
        c.StartReview(Monday.AddDays(1), Advisor, "Borgeren har sendt nye oplysninger.");
        Assert.Equal(CaseStatus.UnderReview, c.Status);
        Assert.Null(c.ClosedAt);
    }

    [Fact]
    public void A_complaint_must_have_a_category()
    {
        var c = NewCase();
        Assert.Equal("En klage skal have mindst én klagekategori.",
            Assert.Throws<DomainException>(() => c.Classify(CaseType.Complaint, 1, null, null, [], Monday, Advisor)).Message);
        c.Classify(CaseType.Inquiry, null, null, null, [], Monday, Advisor);
        Assert.Equal(CaseType.Inquiry, c.Type);
    }

    [Fact]
    public void Documents_are_numbered_in_order_within_the_case_and_notes_are_corrected_by_new_notes()
    {
        var c = NewCase();
        var first = c.AddDocument(DocumentKind.Incoming, "Klagen", Monday, Actor.Citizen, "tekst", null, null, null);
        var note = c.AddNote("Ringede til borgeren.", Monday, Advisor);
        var fix = c.AddNote("Det var den 3. marts, ikke den 2.", Monday, Advisor, corrects: note.Sequence);

        Assert.Equal([1, 2, 3], new[] { first.Sequence, note.Sequence, fix.Sequence });
        Assert.Equal("2026-0000042-02", CaseNumber.FormatDocument(c.Number, note.Sequence));
        Assert.Equal("Rettelse til notat 2026-0000042-02", fix.Title);
        Assert.Equal("Ringede til borgeren.", note.Text); // unchanged
        Assert.Throws<DomainException>(() => c.AddNote("x", Monday, Advisor, corrects: first.Sequence));
    }

    [Fact]
    public void A_letter_to_the_citizen_marked_as_an_answer_meets_the_first_answer_deadline()
    {
        var c = NewCase();
        c.AddLetter(LetterKind.Receipt, "Kvittering for modtagelse", Monday, Actor.System, "tak");
        Assert.Null(c.FirstAnsweredAt);
        c.AddDocument(DocumentKind.Outgoing, "Svar på din henvendelse", Monday.AddDays(2), Advisor, "svar", null, null, null, answersCitizen: true);
        Assert.Equal(Monday.AddDays(2), c.FirstAnsweredAt);
        c.AddDocument(DocumentKind.Outgoing, "Endnu et svar", Monday.AddDays(3), Advisor, "svar", null, null, null, answersCitizen: true);
        Assert.Equal(Monday.AddDays(2), c.FirstAnsweredAt); // the first one counts
    }

    [Fact]
    public void A_statement_request_letter_to_the_administration_does_not_meet_the_first_answer_deadline()
    {
        var c = ClassifiedUnderReview();
        c.RequestStatement("Hvorfor blev familien ikke hørt?", new DateOnly(2026, 3, 16), Monday, Advisor);
        c.AddDocument(DocumentKind.Outgoing, "Anmodning om udtalelse", Monday, Actor.System, "Til BUF", null, null, null);
        c.AddLetter(LetterKind.StatementRequest, "Anmodning om udtalelse", Monday, Actor.System, "Til BUF");
        Assert.Null(c.FirstAnsweredAt);
    }

    [Fact]
    public void A_receipt_counts_as_no_answer_whatever_its_title_says()
    {
        var c = NewCase();
        c.AddDocument(DocumentKind.Outgoing, "Tak for din henvendelse", Monday, Actor.System, "tak", null, null, null);
        c.AddLetter(LetterKind.Receipt, "Vi har modtaget din klage", Monday, Actor.System, "tak");
        Assert.Null(c.FirstAnsweredAt);
    }

    [Theory]
    [InlineData(LetterKind.Receipt, false)]
    [InlineData(LetterKind.StatementRequest, false)]
    [InlineData(LetterKind.Conclusion, true)]
    public void Whether_a_letter_answers_the_citizen_is_a_property_of_its_kind(LetterKind kind, bool answers)
    {
        Assert.Equal(answers, kind.AnswersCitizen());
        var c = NewCase();
        c.AddLetter(kind, "Kvittering", Monday, Actor.System, "tekst");
        Assert.Equal(answers, c.FirstAnsweredAt is not null);
    }

    [Fact]
    public void Only_an_outgoing_letter_to_a_citizen_can_be_an_answer()
    {
        var c = NewCase();
        Assert.Equal("Kun et udgående brev kan være et svar til borgeren.",
            Assert.Throws<DomainException>(() => c.AddDocument(DocumentKind.Note, "Notat", Monday, Advisor, "x", null, null, null, answersCitizen: true)).Message);
        var own = new ComplaintCase(2026, 43, CaseType.OwnInitiative, Channel.Internal, null, "Egen drift", "Undersøgelse", Monday, new DateOnly(2026, 3, 16), Advisor);
        Assert.Equal("Sagen har ingen borger at svare.",
            Assert.Throws<DomainException>(() => own.AddDocument(DocumentKind.Outgoing, "Brev", Monday, Advisor, "x", null, null, null, answersCitizen: true)).Message);
        Assert.Null(c.FirstAnsweredAt);
    }

    [Fact]
    public void A_statement_deadline_must_lie_after_Copenhagens_today_not_UTCs()
    {
        var c = ClassifiedUnderReview();
        var lateEvening = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero); // already 3 March in Copenhagen
        Assert.Equal("Fristen for udtalelsen skal ligge efter i dag.",
            Assert.Throws<DomainException>(() => c.RequestStatement("Spørgsmål", new DateOnly(2026, 3, 3), lateEvening, Advisor)).Message);
        c.RequestStatement("Spørgsmål", new DateOnly(2026, 3, 4), lateEvening, Advisor);
    }

    [Fact]
    public void A_too_long_text_is_refused_with_its_limit_never_cut()
    {
        var c = ClassifiedUnderReview();
        var ex = Assert.Throws<DomainException>(() => c.Conclude(Outcome.Recommendation, [], "Konklusion", new string('h', 20_000), "Resumé", Monday, Advisor));
        Assert.Equal("Feltet 'Henstilling' må højst være 5000 tegn langt; teksten er 20000 tegn.", ex.Message);
        Assert.Equal(CaseStatus.UnderReview, c.Status);
        Assert.Null(c.RecommendationText);
        Assert.Contains("254 tegn", Assert.Throws<DomainException>(() => new Citizen("Anna", new string('a', 255), null, null, null, null)).Message);
        Assert.Contains("200 tegn", Assert.Throws<DomainException>(() => new ComplaintCase(2026, 1, CaseType.Complaint, Channel.Email, new Citizen("Anna", null, null, null, null, null),
            new string('e', 201), "Beskrivelse", Monday, new DateOnly(2026, 3, 16), Actor.Citizen)).Message);
        c.Conclude(Outcome.Recommendation, [], "Konklusion", new string('h', 5000), "Resumé", Monday, Advisor);
        Assert.Equal(5000, c.RecommendationText!.Length);
    }

    [Fact]
    public void Every_text_field_of_the_case_has_a_label_and_a_limit()
    {
        var fields = typeof(CaseTextFields).GetFields().Select(f => (Tilsyn.Common.TextField)f.GetValue(null)!).ToList();
        Assert.True(fields.Count >= 20);
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
        Assert.All(fields, f => Assert.InRange(f.MaxLength, 40, 50_000));
    }

    [Fact]
    public void A_statement_deadline_is_extended_only_forward_with_a_reason_and_it_is_logged()
    {
        var c = ClassifiedUnderReview();
        var r = c.RequestStatement("Spørgsmål", new DateOnly(2026, 3, 16), Monday, Advisor);
        Assert.Throws<DomainException>(() => c.ExtendStatementDeadline(r, new DateOnly(2026, 3, 13), "tidligere", Monday, Buf));
        Assert.Throws<DomainException>(() => c.ExtendStatementDeadline(r, new DateOnly(2026, 3, 20), " ", Monday, Buf));
        c.ExtendStatementDeadline(r, new DateOnly(2026, 3, 20), "Sagen er hos juridisk kontor.", Monday, Advisor);
        Assert.Equal(new DateOnly(2026, 3, 20), r.DueDate);
        Assert.Equal(new DateOnly(2026, 3, 16), r.OriginalDueDate);
        Assert.Contains(c.Events, e => e.Text.Contains("forlænget fra 16-03-2026 til 20-03-2026"));
    }

    [Fact]
    public void The_status_link_expires_half_a_year_after_closing()
    {
        var c = NewCase();
        c.Reject("Uden for kompetence.", Monday, Advisor);
        c.Close(Monday, Advisor);
        Assert.True(c.StatusLinkValid(Monday.AddDays(100)));
        Assert.False(c.StatusLinkValid(Monday.AddDays(200)));
    }

    [Fact]
    public void Statement_request_is_due_ten_working_days_later_skipping_Easter()
    {
        // Requested Wednesday 25 March 2026. Working days: 26, 27, 30, 31 March, 1 April (5);
        // 2 April Maundy Thursday, 3 Good Friday, 6 Easter Monday are holidays;
        // 7, 8, 9, 10, 13 April (10) => due Monday 13 April 2026.
        var due = new DeadlinePolicy().StatementDue(new WorkingDayCalendar(ClosedDays.CopenhagenDefault), new DateOnly(2026, 3, 25));
        Assert.Equal(new DateOnly(2026, 4, 13), due);
    }

    [Theory]
    [InlineData(CaseStatus.Received, CaseStatus.Concluded, false)]
    [InlineData(CaseStatus.UnderReview, CaseStatus.TargetedEffort, true)]
    [InlineData(CaseStatus.TargetedEffort, CaseStatus.Concluded, true)]
    [InlineData(CaseStatus.StatementRequested, CaseStatus.UnderReview, false)]
    [InlineData(CaseStatus.Concluded, CaseStatus.UnderReview, false)]
    [InlineData(CaseStatus.Closed, CaseStatus.UnderReview, true)]
    [InlineData(CaseStatus.Rejected, CaseStatus.Closed, true)]
    public void The_workflow_table_allows_exactly_its_steps(CaseStatus from, CaseStatus to, bool allowed) =>
        Assert.Equal(allowed, CaseWorkflow.IsAllowed(from, to));

    [Fact]
    public void Every_formal_category_names_its_legal_rule_and_service_categories_have_none()
    {
        Assert.Equal("Forvaltningsloven § 19", ComplaintCategories.Info(ComplaintCategory.Hearing).LegalRule);
        Assert.Equal(8, ComplaintCategories.All.Count(c => c.IsFormal));
        Assert.All(Enum.GetValues<ComplaintCategory>(), c => Assert.NotNull(ComplaintCategories.Info(c)));
        Assert.False(ComplaintCategories.Info(ComplaintCategory.Pedagogical).IsFormal);
    }

    [Theory]
    [InlineData("2017-0129396", true)]
    [InlineData("2017-129396", false)]
    [InlineData("17-0129396", false)]
    [InlineData("2017-0000000", false)]
    public void Case_numbers_parse_only_in_the_citys_format(string text, bool ok) =>
        Assert.Equal(ok, CaseNumber.TryParse(text, out _, out _));

    [Fact]
    public void Document_numbers_parse_back_to_case_and_document()
    {
        Assert.True(CaseNumber.TryParseDocument("2017-0129396-40", out var caseNumber, out var doc));
        Assert.Equal("2017-0129396", caseNumber);
        Assert.Equal(40, doc);
        Assert.False(CaseNumber.TryParseDocument("2017-0129396-", out _, out _));
    }
}
