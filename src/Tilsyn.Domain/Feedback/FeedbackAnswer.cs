using Tilsyn.Anonymisation;

namespace Tilsyn.Feedback;

/// <summary>What a person has decided about the free text of an answer (<i>kommentar</i>).</summary>
public enum CommentState
{
    /// <summary>The citizen wrote no comment.</summary>
    None = 1,

    /// <summary>Written, not yet reviewed: only the advisor's staff may read it.</summary>
    Pending = 2,

    /// <summary>Reviewed and anonymised: <see cref="FeedbackAnswer.ApprovedComment"/> may be shown in results that pass the minimum.</summary>
    Approved = 3,

    /// <summary>Reviewed and held back for good: never shown outside the advisor's staff.</summary>
    Withheld = 4,
}

/// <summary>
/// One citizen's answer to the survey, anonymous by design. It holds only what the results need: the
/// administration the case concerned and the half-year the case was closed in, the five scores and the
/// comment. It holds no case id, no token, no citizen and no time stamp (not even the answer's date):
/// the invitation's <see cref="FeedbackInvitation.UsedAt"/> is the only time recorded, on the other
/// row, so an answer cannot be matched to an invitation by time. Its key is a random GUID, not a
/// sequence, so neither can the order of inserts join the two tables.
/// </summary>
public sealed class FeedbackAnswer
{
    private FeedbackAnswer() { }

    /// <summary>
    /// A submitted answer. Each score is 1–5, or null for "ved ikke" / unanswered; at least one question
    /// must be answered. The comment is optional, at most <see cref="FeedbackQuestions.Comment"/>'s limit,
    /// and is held back (<see cref="CommentState.Pending"/>) until a person has reviewed it.
    /// </summary>
    public static FeedbackAnswer Submit(int? administrationId, HalfYear closedIn, IReadOnlyDictionary<FeedbackQuestion, int?> scores, string? comment)
    {
        foreach (var (q, s) in scores)
            if (s is { } v && (v < FeedbackQuestions.MinScore || v > FeedbackQuestions.MaxScore))
                throw new DomainException($"Svaret på '{q.Text()}' skal være mellem {FeedbackQuestions.MinScore} og {FeedbackQuestions.MaxScore}.");
        int? Score(FeedbackQuestion q) => scores.GetValueOrDefault(q);
        if (FeedbackQuestions.All.All(q => Score(q) is null))
            throw new DomainException("Besvar mindst ét af spørgsmålene.");
        var text = FeedbackQuestions.Comment.Optional(comment);
        return new FeedbackAnswer
        {
            Id = Guid.NewGuid(),
            AdministrationId = administrationId,
            HalfYearKey = closedIn.Key,
            EasyToComplain = Score(FeedbackQuestion.EasyToComplain),
            ClearHandling = Score(FeedbackQuestion.ClearHandling),
            QuickEnough = Score(FeedbackQuestion.QuickEnough),
            TreatedWell = Score(FeedbackQuestion.TreatedWell),
            Overall = Score(FeedbackQuestion.Overall),
            Comment = text,
            CommentState = text is null ? CommentState.None : CommentState.Pending,
        };
    }

    /// <summary>A random key: answers carry no order that could be matched with the invitations.</summary>
    public Guid Id { get; private set; }

    /// <summary>The version for optimistic concurrency of the review (raised on every save).</summary>
    public int Version { get; private set; }

    /// <summary>The administration the case concerned; null when the case had none ("ved ikke").</summary>
    public int? AdministrationId { get; private set; }

    /// <summary>The half-year the case was closed in, as <see cref="HalfYear.Key"/> (e.g. 20262).</summary>
    public int HalfYearKey { get; private set; }

    public HalfYear HalfYear => HalfYear.FromKey(HalfYearKey);

    public int? EasyToComplain { get; private set; }
    public int? ClearHandling { get; private set; }
    public int? QuickEnough { get; private set; }
    public int? TreatedWell { get; private set; }
    public int? Overall { get; private set; }

    /// <summary>The comment as the citizen wrote it: for the advisor's staff only, until and unless reviewed.</summary>
    public string? Comment { get; private set; }

    public CommentState CommentState { get; private set; }

    /// <summary>The anonymised comment a person approved; the only text anyone but the advisor's staff sees.</summary>
    public string? ApprovedComment { get; private set; }

    /// <summary>Who reviewed the comment (the advisor's staff member), and when.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public int? Score(FeedbackQuestion q) => q switch
    {
        FeedbackQuestion.EasyToComplain => EasyToComplain,
        FeedbackQuestion.ClearHandling => ClearHandling,
        FeedbackQuestion.QuickEnough => QuickEnough,
        FeedbackQuestion.TreatedWell => TreatedWell,
        FeedbackQuestion.Overall => Overall,
        _ => null,
    };

    /// <summary>The review of the comment: the scanner's findings (no party names are known: the answer is anonymous).</summary>
    public AnonymisationReview StartReview()
    {
        if (Comment is null) throw new DomainException("Svaret har ingen kommentar.");
        return AnonymisationReview.Start(Comment, ScanContext.Empty);
    }

    /// <summary>
    /// Approves the comment: each of the scanner's findings whose index is in <paramref name="replace"/>
    /// is replaced by its placeholder, the others are confirmed as not personal data by the reviewer.
    /// Only a pending comment can be approved.
    /// </summary>
    public void Approve(IReadOnlySet<int> replace, string reviewer, DateTimeOffset at)
    {
        EnsurePending();
        var review = StartReview();
        if (replace.Any(i => i < 0 || i >= review.Items.Count))
            throw new DomainException("Et af fundene findes ikke i kommentaren. Åbn kommentaren igen.");
        for (var i = 0; i < review.Items.Count; i++)
        {
            if (replace.Contains(i)) review.Replace(i);
            else review.Confirm(i);
        }
        review.EnsurePublishable();
        ApprovedComment = review.Result;
        CommentState = CommentState.Approved;
        ReviewedBy = reviewer;
        ReviewedAt = at;
    }

    /// <summary>Holds the comment back for good: it is never shown outside the advisor's staff.</summary>
    public void Withhold(string reviewer, DateTimeOffset at)
    {
        EnsurePending();
        CommentState = CommentState.Withheld;
        ApprovedComment = null;
        ReviewedBy = reviewer;
        ReviewedAt = at;
    }

    private void EnsurePending()
    {
        if (CommentState != CommentState.Pending)
            throw new DomainException(CommentState switch
            {
                CommentState.None => "Svaret har ingen kommentar.",
                CommentState.Approved => "Kommentaren er allerede godkendt.",
                _ => "Kommentaren er allerede tilbageholdt.",
            });
    }
}
