using System.Text.Json;
using Tilsyn.Anonymisation;

namespace Tilsyn.Tests.Anonymisation;

public sealed class AnonymisationReviewTests
{
    private static readonly ScanContext Case = new(["Jens Peter Hansen", "Mette Bach"], caseNumber: "2023-0045678");

    private const string Summary = "CPR 010190-1234 tilhører Jens Hansen, som bor på Vesterbrogade 12, 2. th.";

    [Fact]
    public void A_new_review_has_every_finding_unresolved()
    {
        var review = AnonymisationReview.Start(Summary, Case);

        Assert.Equal([FindingKind.Cpr, FindingKind.PartyName, FindingKind.Address], review.Items.Select(i => i.Finding.Kind));
        Assert.All(review.Items, i => Assert.Equal(FindingState.Unresolved, i.State));
        Assert.False(review.IsResolved);
        Assert.Equal(3, review.UnresolvedCount);
    }

    [Fact]
    public void A_summary_with_unresolved_findings_cannot_be_published()
    {
        var review = AnonymisationReview.Start(Summary, Case);
        review.Replace(1);

        var error = Assert.Throws<DomainException>(review.EnsurePublishable);
        // The CPR number's serial number stays out of the message, which may be logged.
        Assert.Equal("Resuméet har 2 uafklarede fund, fx CPR-nummer \"010190-xxxx\".", error.Message);
    }

    [Fact]
    public void The_message_names_a_single_unresolved_finding_in_the_singular()
    {
        var review = AnonymisationReview.Start(Summary, Case);
        review.Replace(0);
        review.Confirm(2);

        var error = Assert.Throws<DomainException>(review.EnsurePublishable);
        Assert.Equal("Resuméet har 1 uafklaret fund, fx navn \"Jens Hansen\".", error.Message);
    }

    [Fact]
    public void Replaced_findings_become_placeholders_and_confirmed_ones_stay()
    {
        var review = AnonymisationReview.Start(Summary, Case);
        review.Replace(0);
        review.Replace(1);
        review.Confirm(2);

        Assert.True(review.IsResolved);
        review.EnsurePublishable();
        Assert.Equal("CPR [cpr-nr.] tilhører [navn], som bor på Vesterbrogade 12, 2. th.", review.Result);
        Assert.Equal(Summary, review.Text);
    }

    [Fact]
    public void Replace_all_replaces_the_unresolved_and_keeps_confirmations()
    {
        var review = AnonymisationReview.Start(Summary, Case);
        review.Confirm(1);

        review.ReplaceAll();

        Assert.Equal([FindingState.Replaced, FindingState.Confirmed, FindingState.Replaced], review.Items.Select(i => i.State));
        Assert.Equal("CPR [cpr-nr.] tilhører Jens Hansen, som bor på [adresse]", review.Result);
    }

    [Fact]
    public void A_decision_can_be_reopened()
    {
        var review = AnonymisationReview.Start(Summary, Case);
        review.ReplaceAll();

        review.Reopen(0);

        Assert.Equal(FindingState.Unresolved, review.Items[0].State);
        Assert.Throws<DomainException>(review.EnsurePublishable);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void An_index_outside_the_findings_is_refused(int index)
    {
        var review = AnonymisationReview.Start(Summary, Case);

        Assert.Throws<ArgumentOutOfRangeException>(() => review.Replace(index));
        Assert.Throws<ArgumentOutOfRangeException>(() => review.Confirm(index));
    }

    [Fact]
    public void A_text_without_findings_is_publishable_as_it_is()
    {
        var review = AnonymisationReview.Start("Forvaltningen overholdt ikke § 19, stk. 2.", Case);

        Assert.Empty(review.Items);
        review.EnsurePublishable();
        Assert.Equal("Forvaltningen overholdt ikke § 19, stk. 2.", review.Result);
    }

    [Fact]
    public void Editing_rescans_and_keeps_earlier_decisions_for_the_same_kind_and_text()
    {
        var review = AnonymisationReview.Start("Mødet på Rådhuspladsen 1 med Jens Hansen.", Case);
        review.Confirm(0); // City Hall's address is not personal data
        review.Replace(1);

        review.Edit("Mødet på Rådhuspladsen 1 med Jens Hansen og Mette Bach. Senere igen på Rådhuspladsen 1.");

        Assert.Equal(
            ["Address: Rådhuspladsen 1: Confirmed", "PartyName: Jens Hansen: Replaced", "PartyName: Mette Bach: Unresolved", "Address: Rådhuspladsen 1: Confirmed"],
            review.Items.Select(i => $"{i.Finding.Kind}: {i.Finding.Text}: {i.State}"));
        Assert.Equal(1, review.UnresolvedCount);
    }

    [Fact]
    public void A_confirmation_does_not_carry_over_to_the_same_text_of_another_kind_or_new_text()
    {
        var review = AnonymisationReview.Start("Ring 20 30 40 50.", Case);
        review.Confirm(0);

        review.Edit("Ring 20 30 40 51.");

        Assert.Equal(FindingState.Unresolved, Assert.Single(review.Items).State);
    }

    [Fact]
    public void Segments_cover_the_whole_text_and_point_at_the_findings()
    {
        var review = AnonymisationReview.Start(Summary, Case);

        var segments = review.Segments();

        Assert.Equal(Summary, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(
            ["CPR ", "[0]010190-1234", " tilhører ", "[1]Jens Hansen", ", som bor på ", "[2]Vesterbrogade 12, 2. th."],
            segments.Select(s => s.Index is { } i ? $"[{i}]{s.Text}" : s.Text));
        Assert.All(segments.Where(s => s.Finding is not null), s => Assert.Same(review.Items[s.Index!.Value].Finding, s.Finding));
    }

    [Fact]
    public void A_snapshot_survives_a_JSON_round_trip()
    {
        var review = AnonymisationReview.Start(Summary, Case);
        review.Replace(0);
        review.Confirm(2);

        var json = JsonSerializer.Serialize(review.Snapshot());
        var restored = AnonymisationReview.Restore(JsonSerializer.Deserialize<AnonymisationSnapshot>(json)!);

        Assert.Equal(review.Text, restored.Text);
        Assert.Equal(review.Items, restored.Items);
        Assert.Equal(review.Result, restored.Result);
        Assert.Equal(["Jens Peter Hansen", "Mette Bach"], restored.Context.PartyNames);
        Assert.Equal("2023-0045678", restored.Context.CaseNumber);

        restored.Edit(Summary + " Mette Bach var med.");
        Assert.Equal(
            [FindingState.Replaced, FindingState.Unresolved, FindingState.Confirmed, FindingState.Unresolved],
            restored.Items.Select(i => i.State));
    }

    [Fact]
    public void A_snapshot_whose_findings_do_not_fit_the_text_is_refused()
    {
        var snapshot = AnonymisationReview.Start(Summary, Case).Snapshot();
        var tampered = snapshot with { Text = "En helt anden tekst, som er kortere." };

        var error = Assert.Throws<DomainException>(() => AnonymisationReview.Restore(tampered));
        Assert.Equal("Den gemte anonymisering passer ikke til teksten. Start gennemgangen forfra.", error.Message);
    }
}
