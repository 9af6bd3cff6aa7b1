using Tilsyn.Calendar;
using Tilsyn.DigitalPost;
using Tilsyn.Feedback;

namespace Tilsyn.Tests.Feedback;

public sealed class FeedbackInvitationTests
{
    private static readonly DateTimeOffset Sent = DanishTime.At(new DateOnly(2026, 12, 1), new TimeOnly(10, 0));

    [Fact]
    public void The_link_works_to_the_end_of_the_30th_Copenhagen_day_after_sending()
    {
        var i = new FeedbackInvitation(7, "hash", Sent, LetterChannel.Email);
        Assert.Equal(DanishTime.StartOf(new DateOnly(2027, 1, 1)), i.ExpiresAt);
        Assert.Equal(FeedbackInvitationState.Open, i.State(DanishTime.At(new DateOnly(2026, 12, 31), new TimeOnly(23, 59, 59))));
        Assert.Equal(FeedbackInvitationState.Expired, i.State(DanishTime.StartOf(new DateOnly(2027, 1, 1))));
    }

    [Fact]
    public void A_link_sent_late_in_the_evening_UTC_counts_from_its_Copenhagen_date()
    {
        // 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen.
        var sent = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(DanishTime.StartOf(new DateOnly(2027, 1, 1)), FeedbackInvitation.ExpiryFor(sent));
    }

    [Fact]
    public void An_invitation_is_answerable_once_and_a_second_answer_is_refused_in_Danish()
    {
        var i = new FeedbackInvitation(7, "hash", Sent, LetterChannel.Email);
        i.MarkUsed(Sent.AddDays(2));
        var ex = Assert.Throws<DomainException>(() => i.MarkUsed(Sent.AddDays(3)));
        Assert.Contains("allerede besvaret", ex.Message);
        Assert.Equal(Sent.AddDays(2), i.UsedAt);
    }

    [Fact]
    public void An_expired_invitation_is_refused()
    {
        var i = new FeedbackInvitation(7, "hash", Sent, LetterChannel.Email);
        var ex = Assert.Throws<DomainException>(() => i.MarkUsed(i.ExpiresAt));
        Assert.Contains("udløbet", ex.Message);
        Assert.Null(i.UsedAt);
    }
}

public sealed class FeedbackAnswerTests
{
    private static readonly HalfYear H2 = new(2026, 2);

    private static Dictionary<FeedbackQuestion, int?> Scores(params int?[] s) =>
        FeedbackQuestions.All.Select((q, i) => (q, s.ElementAtOrDefault(i))).ToDictionary(x => x.q, x => x.Item2);

    [Fact]
    public void An_answer_holds_the_administration_the_half_year_and_the_scores_only()
    {
        var a = FeedbackAnswer.Submit(3, H2, Scores(5, 4, null, 2, 1), null);
        Assert.Equal(3, a.AdministrationId);
        Assert.Equal(20262, a.HalfYearKey);
        Assert.Equal(new int?[] { 5, 4, null, 2, 1 }, FeedbackQuestions.All.Select(a.Score).ToArray());
        Assert.Equal(CommentState.None, a.CommentState);
        Assert.NotEqual(Guid.Empty, a.Id);
    }

    [Fact]
    public void An_answer_with_no_question_answered_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackAnswer.Submit(3, H2, Scores(), "Fin"));
        Assert.Contains("mindst ét", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_score_outside_1_to_5_is_refused(int score)
    {
        Assert.Throws<DomainException>(() => FeedbackAnswer.Submit(3, H2, Scores(score), null));
    }

    [Fact]
    public void A_too_long_comment_is_refused_with_the_limit_not_cut()
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackAnswer.Submit(3, H2, Scores(3), new string('x', 2001)));
        Assert.Contains("2000", ex.Message);
    }

    [Fact]
    public void A_comment_is_held_back_until_reviewed()
    {
        var a = FeedbackAnswer.Submit(3, H2, Scores(3), "God behandling af Lone Petersen.");
        Assert.Equal(CommentState.Pending, a.CommentState);
        Assert.Null(a.ApprovedComment);
    }

    [Fact]
    public void Approving_replaces_the_chosen_findings_and_confirms_the_others()
    {
        var a = FeedbackAnswer.Submit(3, H2, Scores(3), "Sagsbehandler Lone Petersen ringede på 22 33 44 55.");
        var review = a.StartReview();
        Assert.True(review.Items.Count >= 2);
        var all = Enumerable.Range(0, review.Items.Count).ToHashSet();
        a.Approve(all, "Rådgiver", DateTimeOffset.UnixEpoch);
        Assert.Equal(CommentState.Approved, a.CommentState);
        Assert.DoesNotContain("Petersen", a.ApprovedComment);
        Assert.DoesNotContain("22 33 44 55", a.ApprovedComment);
        Assert.Contains("[navn]", a.ApprovedComment);
        Assert.Equal("Sagsbehandler Lone Petersen ringede på 22 33 44 55.", a.Comment);
    }

    [Fact]
    public void An_approved_or_withheld_comment_cannot_be_reviewed_again()
    {
        var a = FeedbackAnswer.Submit(3, H2, Scores(3), "Tak for hjælpen.");
        a.Approve(new HashSet<int>(), "Rådgiver", DateTimeOffset.UnixEpoch);
        Assert.Equal("Tak for hjælpen.", a.ApprovedComment);
        Assert.Throws<DomainException>(() => a.Withhold("Rådgiver", DateTimeOffset.UnixEpoch));
        var b = FeedbackAnswer.Submit(3, H2, Scores(3), "Tak.");
        b.Withhold("Rådgiver", DateTimeOffset.UnixEpoch);
        Assert.Equal(CommentState.Withheld, b.CommentState);
        Assert.Throws<DomainException>(() => b.Approve(new HashSet<int>(), "Rådgiver", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void An_answer_without_comment_cannot_be_reviewed()
    {
        var a = FeedbackAnswer.Submit(3, H2, Scores(3), "  ");
        Assert.Throws<DomainException>(() => a.Withhold("Rådgiver", DateTimeOffset.UnixEpoch));
    }
}

public sealed class FeedbackResultsTests
{
    private static FeedbackScores S(int? admin, int? overall, int? quick = 3) => new(admin, 20261, 4, 4, quick, 5, overall);

    [Fact]
    public void A_group_below_the_minimum_is_suppressed_without_count_or_scores()
    {
        var groups = FeedbackResults.Groups(Enumerable.Range(0, 4).Select(_ => S(1, 5)), 5);
        var g = Assert.Single(groups);
        Assert.True(g.Suppressed);
        Assert.Null(g.Count);
        Assert.Empty(g.Questions);
    }

    [Fact]
    public void A_group_at_the_minimum_shows_count_means_and_distribution()
    {
        // Overall: 1, 2, 4, 5, 5 → mean 17/5 = 3.4; one "ved ikke" on quick enough: (3+3+3+3)/4 = 3.
        var answers = new[] { S(1, 1), S(1, 2), S(1, 4), S(1, 5), S(1, 5, quick: null) };
        var g = Assert.Single(FeedbackResults.Groups(answers, 5));
        Assert.False(g.Suppressed);
        Assert.Equal(5, g.Count);
        var overall = g.Questions.Single(q => q.Question == FeedbackQuestion.Overall);
        Assert.Equal(3.4, overall.Mean!.Value, 10);
        Assert.Equal(new[] { 1, 1, 0, 1, 2 }, overall.Distribution);
        var quick = g.Questions.Single(q => q.Question == FeedbackQuestion.QuickEnough);
        Assert.Equal(4, quick.Answered);
        Assert.Equal(1, quick.Unanswered(5));
        Assert.Equal(3.0, quick.Mean);
    }

    [Fact]
    public void Groups_are_per_administration_and_half_year()
    {
        var answers = Enumerable.Range(0, 5).Select(_ => S(1, 5))
            .Concat(Enumerable.Range(0, 5).Select(_ => S(2, 3)))
            .Concat(Enumerable.Range(0, 5).Select(_ => new FeedbackScores(1, 20262, 1, 1, 1, 1, 1)));
        var groups = FeedbackResults.Groups(answers, 5);
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Equal(5, g.Count));
    }

    [Theory]
    [InlineData(2026, 6, 30, 1)]
    [InlineData(2026, 7, 1, 2)]
    [InlineData(2026, 1, 1, 1)]
    public void The_half_year_of_a_date(int y, int m, int d, int half)
    {
        Assert.Equal(new HalfYear(y, half), HalfYear.Of(new DateOnly(y, m, d)));
        Assert.Equal($"{half}. halvår {y}", HalfYear.Of(new DateOnly(y, m, d)).Label);
    }
}
