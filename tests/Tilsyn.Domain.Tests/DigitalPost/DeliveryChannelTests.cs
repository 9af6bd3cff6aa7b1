using Tilsyn.Complaints;
using Tilsyn.DigitalPost;

namespace Tilsyn.Tests.DigitalPost;

public sealed class DeliveryChannelTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");

    [Theory]
    // cpr known, exempt, Digital Post on, e-mail → channel
    [InlineData(true, false, true, "anna@example.org", LetterChannel.DigitalPost)]
    [InlineData(true, false, true, null, LetterChannel.DigitalPost)]
    [InlineData(true, true, true, "anna@example.org", LetterChannel.Email)]
    [InlineData(true, true, true, null, LetterChannel.Print)]
    [InlineData(true, true, true, "  ", LetterChannel.Print)]
    [InlineData(false, false, true, "anna@example.org", LetterChannel.Email)]
    [InlineData(false, false, true, null, LetterChannel.Print)]
    [InlineData(true, false, false, "anna@example.org", LetterChannel.Email)]
    [InlineData(true, false, false, null, LetterChannel.Print)]
    [InlineData(false, true, false, null, LetterChannel.Print)]
    public void A_letter_goes_by_Digital_Post_only_with_a_known_CPR_no_exemption_and_a_transport_else_by_email_else_on_paper(
        bool cprKnown, bool exempt, bool digitalPostOn, string? email, LetterChannel expected) =>
        Assert.Equal(expected, DeliveryChannel.Choose(cprKnown, exempt, digitalPostOn, email));

    private static ComplaintCase NewCase(string? cpr = "protected", string? email = "anna@example.org") =>
        new(2026, 42, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", email, null, null, cpr, cpr is null ? null : "010190-xxxx"),
            "Manglende partshøring", "Min datter mistede sin plads uden at vi blev hørt.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen);

    [Fact]
    public void An_exempt_citizen_gets_email_and_the_exemption_and_its_end_are_in_the_history()
    {
        var c = NewCase();
        Assert.Equal(LetterChannel.DigitalPost, c.LetterChannelFor(digitalPostEnabled: true));

        c.SetDigitalPostExemption(true, Monday, Advisor);
        Assert.True(c.Citizen!.ExemptFromDigitalPost);
        Assert.Equal(LetterChannel.Email, c.LetterChannelFor(digitalPostEnabled: true));
        Assert.Contains("fritaget for Digital Post", c.Events[^1].Text);
        Assert.Equal("Sara Holm", c.Events[^1].ActorName);

        c.SetDigitalPostExemption(false, Monday.AddDays(1), Advisor);
        Assert.False(c.Citizen.ExemptFromDigitalPost);
        Assert.Equal(LetterChannel.DigitalPost, c.LetterChannelFor(digitalPostEnabled: true));
        Assert.Contains("ikke længere fritaget", c.Events[^1].Text);
    }

    [Fact]
    public void Marking_an_exemption_twice_or_on_a_case_without_a_citizen_is_refused()
    {
        var c = NewCase();
        c.SetDigitalPostExemption(true, Monday, Advisor);
        Assert.Equal("Borgeren er allerede fritaget for Digital Post.", Assert.Throws<DomainException>(() => c.SetDigitalPostExemption(true, Monday, Advisor)).Message);
        Assert.Throws<DomainException>(() => NewCase().SetDigitalPostExemption(false, Monday, Advisor));
        var own = new ComplaintCase(2026, 43, CaseType.OwnInitiative, Channel.Phone, null, "Egen drift", "Undersøgelse", Monday, new DateOnly(2026, 3, 16), Advisor);
        Assert.Equal("Sagen har ingen borger.", Assert.Throws<DomainException>(() => own.SetDigitalPostExemption(true, Monday, Advisor)).Message);
    }

    [Fact]
    public void A_letter_records_its_channel_once_and_only_a_Digital_Post_letter_carries_a_message_id()
    {
        var c = NewCase();
        var letter = c.AddDocument(DocumentKind.Outgoing, "Kvittering", Monday, Advisor, "Tak", "k.pdf", "application/pdf", [1]);
        Assert.Throws<DomainException>(() => c.RecordLetterDelivery(letter, LetterChannel.DigitalPost, null));
        Assert.Throws<DomainException>(() => c.RecordLetterDelivery(letter, LetterChannel.Email, Guid.NewGuid()));
        var id = Guid.NewGuid();
        c.RecordLetterDelivery(letter, LetterChannel.DigitalPost, id);
        Assert.Equal(LetterChannel.DigitalPost, letter.Channel);
        Assert.Equal(id, letter.DigitalPostMessageId);
        Assert.Throws<DomainException>(() => c.RecordLetterDelivery(letter, LetterChannel.Email, null));

        var note = c.AddDocument(DocumentKind.Note, "Notat", Monday, Advisor, "Intern", null, null, null);
        Assert.Throws<DomainException>(() => c.RecordLetterDelivery(note, LetterChannel.Print, null));
    }

    [Fact]
    public void A_letter_flagged_for_printing_waits_until_marked_printed_once()
    {
        var c = NewCase(cpr: null, email: null);
        Assert.Equal(LetterChannel.Print, c.LetterChannelFor(digitalPostEnabled: true));
        var letter = c.AddDocument(DocumentKind.Outgoing, "Konklusion", Monday, Advisor, "Konklusion", "k.pdf", "application/pdf", [1]);
        c.RecordLetterDelivery(letter, LetterChannel.Print, null);
        Assert.True(letter.AwaitsPrinting);

        c.MarkLetterPrinted(letter.Sequence, Monday.AddHours(2), Advisor);
        Assert.False(letter.AwaitsPrinting);
        Assert.Equal(Monday.AddHours(2), letter.PrintedAt);
        Assert.Contains("papirpost", c.Events[^1].Text);
        Assert.Contains("allerede markeret som udskrevet", Assert.Throws<DomainException>(() => c.MarkLetterPrinted(letter.Sequence, Monday, Advisor)).Message);

        var mailed = c.AddDocument(DocumentKind.Outgoing, "Brev", Monday, Advisor, "Brev", "b.pdf", "application/pdf", [1]);
        c.RecordLetterDelivery(mailed, LetterChannel.Email, null);
        Assert.Equal("Brevet er ikke markeret til udskrift.", Assert.Throws<DomainException>(() => c.MarkLetterPrinted(mailed.Sequence, Monday, Advisor)).Message);
    }
}
