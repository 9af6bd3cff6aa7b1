using Tilsyn.Complaints;
using Tilsyn.DigitalPost;
using Tilsyn.Letters;

namespace Tilsyn.Tests.Complaints;

/// <summary>Issue 14, point 3: what the citizen sees of their own case and what they may send on it.</summary>
public sealed class CitizenViewTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private static readonly Actor Contact = new("u9", "Lene Mortensen");

    private static ComplaintCase NewCase(CaseType type = CaseType.Complaint) =>
        new(2026, 42, type, Channel.WebForm, new Citizen("Anna Quist", "anna@example.org", null, null, "enc", "010190-xxxx", "lookup"),
            "Manglende partshøring", "Min datter mistede sin plads.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen, 4);

    /// <summary>A case with every kind of document: the citizen's complaint and file, a receipt, a note, a statement with a contact's file, a caseworker's file, a conclusion.</summary>
    private static ComplaintCase CaseWithEveryDocument()
    {
        var c = NewCase();
        c.AddDocument(DocumentKind.Incoming, "Klage fra borger", Monday, Actor.Citizen, "Min datter mistede sin plads.", null, null, null);
        c.AddDocument(DocumentKind.Attachment, "Bilag: afgørelse.pdf", Monday, Actor.Citizen, null, "afgørelse.pdf", "application/pdf", [1]);
        c.RecordLetterDelivery(c.AddLetter(LetterKind.Receipt, "Kvittering", Monday, Actor.System, "Tak for din henvendelse."), LetterChannel.Email, null);
        c.Classify(CaseType.Complaint, 4, null, null, [ComplaintCategory.Hearing], Monday, Advisor);
        c.StartReview(Monday, Advisor);
        c.AddNote("Intern vurdering.", Monday, Advisor);
        var request = c.RequestStatement("Hvorfor blev familien ikke hørt?", new DateOnly(2026, 3, 16), Monday, Advisor);
        c.AddLetter(LetterKind.StatementRequest, "Anmodning om udtalelse", Monday, Actor.System, "Til BUF: hvorfor blev familien ikke hørt?", "anmodning.pdf", "application/pdf", [5]);
        c.ReceiveStatement(request, "Vi beklager.", Monday.AddDays(3), Contact);
        c.AddDocument(DocumentKind.Attachment, "Bilag til udtalelse: referat.pdf", Monday.AddDays(3), Contact, null, "referat.pdf", "application/pdf", [2], request.Id);
        c.AddDocument(DocumentKind.Attachment, "Telefonnotat.pdf", Monday.AddDays(4), Advisor, null, "telefon.pdf", "application/pdf", [3]);
        c.Conclude(Outcome.Criticism, [ComplaintCategory.Hearing], "Forvaltningen burde have hørt dig.", null, "Resumé", Monday.AddDays(8), Advisor);
        c.RecordLetterDelivery(c.AddLetter(LetterKind.Conclusion, "Konklusion", Monday.AddDays(8), Advisor, "Kære Anna", "konklusion.pdf", "application/pdf", [4]),
            LetterChannel.DigitalPost, Guid.NewGuid());
        return c;
    }

    [Fact]
    public void The_citizen_sees_the_letters_to_them_and_what_they_sent_but_no_note_statement_letter_to_the_administration_or_staff_file()
    {
        var c = CaseWithEveryDocument();
        var seen = CitizenView.Documents(c).Select(d => d.Title).ToList();
        Assert.Equal(["Klage fra borger", "Bilag: afgørelse.pdf", "Kvittering", "Konklusion"], seen);
        foreach (var hidden in c.Documents.Where(d => !seen.Contains(d.Title)))
            Assert.Null(CitizenView.Document(c, hidden.Sequence));
        Assert.Contains(c.Documents, d => d.Kind == DocumentKind.Note);
        Assert.Contains(c.Documents, d => d.Kind == DocumentKind.Statement);
        Assert.Contains(c.Documents, d => d.Title == "Anmodning om udtalelse");
    }

    [Fact]
    public void A_statement_request_letter_to_the_administration_is_not_the_citizens_to_see()
    {
        var c = CaseWithEveryDocument();
        var request = c.Documents.Single(d => d.Title == "Anmodning om udtalelse");
        Assert.Equal(DocumentKind.Outgoing, request.Kind);
        Assert.False(request.AddressedToCitizen);
        Assert.False(request.VisibleToCitizen);
        Assert.Null(CitizenView.Document(c, request.Sequence));
    }

    [Fact]
    public void An_outgoing_letter_is_the_citizens_only_once_it_is_delivered_to_them_by_a_channel()
    {
        foreach (var channel in Enum.GetValues<LetterChannel>())
        {
            var c = NewCase();
            var letter = c.AddDocument(DocumentKind.Outgoing, "Brev", Monday, Advisor, "Tekst", "brev.pdf", "application/pdf", [1]);
            Assert.Null(CitizenView.Document(c, letter.Sequence));
            c.RecordLetterDelivery(letter, channel, channel == LetterChannel.DigitalPost ? Guid.NewGuid() : null);
            Assert.True(letter.AddressedToCitizen);
            Assert.Same(letter, CitizenView.Document(c, letter.Sequence));
        }
    }

    [Fact]
    public void Only_an_outgoing_letter_is_addressed_to_the_citizen()
    {
        var c = CaseWithEveryDocument();
        Assert.All(c.Documents.Where(d => d.Kind != DocumentKind.Outgoing), d => Assert.False(d.AddressedToCitizen));
        Assert.Equal(["Kvittering", "Konklusion"], c.Documents.Where(d => d.AddressedToCitizen).Select(d => d.Title));
    }

    [Fact]
    public void A_document_number_that_does_not_exist_is_the_same_answer_as_a_hidden_document()
    {
        var c = CaseWithEveryDocument();
        Assert.Null(CitizenView.Document(c, 999));
        Assert.NotNull(CitizenView.Document(c, 1));
    }

    [Fact]
    public void A_deleted_case_shows_the_citizen_nothing_and_takes_nothing()
    {
        var c = CaseWithEveryDocument();
        c.Close(Monday.AddDays(9), Advisor);
        c.ErasePersonalData(Monday.AddYears(5), "Slettefristen er udløbet.");
        Assert.Empty(CitizenView.Documents(c));
        Assert.Empty(CitizenView.Deadlines(c));
        Assert.False(CitizenView.MayReply(c));
        Assert.Throws<DomainException>(() => c.ReceiveFromCitizen("Hej", [], Monday.AddYears(5)));
    }

    [Fact]
    public void Every_status_has_a_plain_Danish_explanation()
    {
        foreach (var s in Enum.GetValues<CaseStatus>())
        {
            var text = CitizenView.Explain(s);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.NotEqual(s.ToString(), text);
        }
    }

    [Fact]
    public void The_first_answer_deadline_shows_when_it_is_met()
    {
        var c = NewCase();
        var first = Assert.Single(CitizenView.Deadlines(c));
        Assert.Equal((DeadlineKind.FirstAnswer, new DateOnly(2026, 3, 16), false, false), (first.Kind, first.Due, first.IsMet, first.Extended));
        c.AddDocument(DocumentKind.Outgoing, "Svar", Monday.AddDays(2), Advisor, "Svar", null, null, null, answersCitizen: true);
        Assert.Equal(Monday.AddDays(2), CitizenView.Deadlines(c)[0].MetAt);
    }

    [Fact]
    public void An_extended_request_deadline_is_shown_as_extended_with_its_reason()
    {
        var c = NewCase(CaseType.DataAccessRequest);
        c.ExtendRequestDeadline(1, "Sagen er omfattende.", Monday.AddDays(5), Advisor);
        var first = CitizenView.Deadlines(c)[0];
        Assert.True(first.Extended);
        Assert.Equal("Sagen er omfattende.", first.ExtensionReason);
    }

    [Fact]
    public void A_statement_deadline_is_shown_without_the_reason_for_its_extension()
    {
        var c = NewCase();
        c.Classify(CaseType.Complaint, 4, null, null, [ComplaintCategory.Hearing], Monday, Advisor);
        c.StartReview(Monday, Advisor);
        var request = c.RequestStatement("Spørgsmål", new DateOnly(2026, 3, 16), Monday, Advisor);
        c.ExtendStatementDeadline(request, new DateOnly(2026, 3, 20), "Lederen er syg.", Monday.AddDays(1), Advisor);
        var statement = CitizenView.Deadlines(c).Single(d => d.Kind == DeadlineKind.Statement);
        Assert.Equal(new DateOnly(2026, 3, 20), statement.Due);
        Assert.True(statement.Extended);
        Assert.Null(statement.ExtensionReason);
    }

    [Fact]
    public void A_reply_is_journalised_as_incoming_with_the_files_as_the_citizens_attachments_and_a_history_line()
    {
        var c = NewCase();
        c.StartReview(Monday, Advisor);
        var before = (c.Status, c.FirstAnsweredAt, c.Version);
        var added = c.ReceiveFromCitizen("  Her er lægeerklæringen.  ", [new CitizenFile("erklæring.pdf", "application/pdf", [1, 2])], Monday.AddDays(1));

        Assert.Equal([DocumentKind.Incoming, DocumentKind.Attachment], added.Select(d => d.Kind));
        Assert.Equal("Her er lægeerklæringen.", added[0].Text);
        Assert.All(added, d => Assert.Null(d.CreatedById));
        Assert.All(added, d => Assert.Contains(d, CitizenView.Documents(c)));
        Assert.Equal("erklæring.pdf", added[1].FileName);
        Assert.Equal("Borgeren har sendt en besked og et dokument via Mine sager (2026-0000042-01, 2026-0000042-02).", c.Events[^1].Text);
        Assert.Equal((before.Status, before.FirstAnsweredAt), (c.Status, c.FirstAnsweredAt));
    }

    [Theory]
    [InlineData(true, 0, "en besked")]
    [InlineData(false, 1, "et dokument")]
    [InlineData(false, 3, "3 dokumenter")]
    [InlineData(true, 2, "en besked og 2 dokumenter")]
    public void The_history_line_says_what_the_citizen_sent(bool message, int files, string what)
    {
        var c = NewCase();
        c.ReceiveFromCitizen(message ? "Tekst" : null, Enumerable.Range(1, files).Select(i => new CitizenFile($"f{i}.pdf", "application/pdf", [1])).ToList(), Monday);
        Assert.StartsWith($"Borgeren har sendt {what} via Mine sager", c.Events[^1].Text);
    }

    [Fact]
    public void Sending_nothing_is_refused()
    {
        var c = NewCase();
        Assert.Equal("Skriv en besked eller vælg et dokument, før du sender.", Assert.Throws<DomainException>(() => c.ReceiveFromCitizen("   ", [], Monday)).Message);
        Assert.Empty(c.Documents);
    }

    [Fact]
    public void A_too_long_message_is_refused_with_the_limit_not_cut()
    {
        var c = NewCase();
        var e = Assert.Throws<DomainException>(() => c.ReceiveFromCitizen(new string('x', CaseTextFields.CitizenReply.MaxLength + 1), [], Monday));
        Assert.Contains("20", e.Message);
        Assert.Empty(c.Documents);
    }

    [Theory]
    [InlineData(CaseStatus.Concluded)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Forwarded)]
    public void A_finished_case_refuses_a_reply(CaseStatus status)
    {
        var c = NewCase();
        c.StartReview(Monday, Advisor);
        switch (status)
        {
            case CaseStatus.Concluded: c.Conclude(Outcome.NoCriticism, [], "Ingen kritik.", null, "Resumé", Monday, Advisor); break;
            case CaseStatus.Closed: c.Conclude(Outcome.NoCriticism, [], "Ingen kritik.", null, "Resumé", Monday, Advisor); c.Close(Monday, Advisor); break;
            case CaseStatus.Rejected: c.Reject("Uden for kompetence.", Monday, Advisor); break;
            case CaseStatus.Forwarded: c.Forward("Ankestyrelsen", Monday, Advisor); break;
        }
        Assert.False(CitizenView.MayReply(c));
        var count = c.Documents.Count;
        var e = Assert.Throws<DomainException>(() => c.ReceiveFromCitizen("Hej", [], Monday.AddDays(1)));
        Assert.StartsWith("Sagen er afsluttet", e.Message);
        Assert.Equal(count, c.Documents.Count);
    }

    [Fact]
    public void An_open_case_with_a_citizen_takes_a_reply()
    {
        Assert.True(CitizenView.MayReply(NewCase()));
    }
}
