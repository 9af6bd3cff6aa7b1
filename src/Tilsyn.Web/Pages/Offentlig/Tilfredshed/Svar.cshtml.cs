using Microsoft.AspNetCore.RateLimiting;
using Tilsyn.Feedback;
using Tilsyn.Web.Feedback;
using Tilsyn.Web.Security;

namespace Tilsyn.Web.Pages.Offentlig.Tilfredshed;

/// <summary>
/// The citizen's survey (<i>tilfredshedsundersøgelse</i>) behind the link from the closing mail: no
/// login, answerable once, for 30 days. An unknown link answers 404, an answered or expired one 410
/// with a page saying so; neither says anything about the case. A POST counts against the front door's
/// limit like a complaint from the form (<see cref="RateLimits.Complaints"/>).
/// </summary>
[EnableRateLimiting(RateLimits.Complaints)]
public sealed class SvarModel(FeedbackSurveys surveys, TimeProvider clock) : PageModel, IDomainErrorPage
{
    public string? Error { get; set; }

    /// <summary>The field the error summary links to.</summary>
    public string ErrorField { get; private set; } = "q1-1";

    public FeedbackInvitationState? State { get; private set; }

    /// <summary>The scores the citizen chose (kept when a POST is refused).</summary>
    public Dictionary<FeedbackQuestion, int?> Chosen { get; } = [];

    [BindProperty] public string? Comment { get; set; }

    public static string FieldName(FeedbackQuestion q) => $"q{(int)q}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(token, ct) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var invitation = await surveys.FindAsync(token, ct);
        if (invitation is null) return NotFoundPage();
        State = invitation.State(clock.GetUtcNow());
        if (State != FeedbackInvitationState.Open) return Gone();
        foreach (var q in FeedbackQuestions.All)
        {
            var raw = Request.Form[FieldName(q)].ToString();
            if (raw.Length == 0) { Chosen[q] = null; continue; }
            if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score))
                throw new DomainException($"Svaret på '{q.Text()}' skal være mellem {FeedbackQuestions.MinScore} og {FeedbackQuestions.MaxScore}.");
            Chosen[q] = score;
        }
        if (FeedbackQuestions.Comment.Problem(Comment, false) is not null) ErrorField = "Comment";
        await surveys.SubmitAsync(invitation, Chosen, Comment, ct);
        return Redirect("/offentlig/tilfredshed/tak");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var token = RouteData.Values["token"] as string;
        if (!await ShowAsync(token, ct)) return false;
        if (State != FeedbackInvitationState.Open) { Error = null; Response.StatusCode = StatusCodes.Status410Gone; }
        return true;
    }

    private async Task<bool> ShowAsync(string? token, CancellationToken ct)
    {
        var invitation = await surveys.FindAsync(token, ct);
        if (invitation is null) return false;
        State = invitation.State(clock.GetUtcNow());
        if (State != FeedbackInvitationState.Open) Response.StatusCode = StatusCodes.Status410Gone;
        return true;
    }

    private IActionResult Gone()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    private IActionResult NotFoundPage()
    {
        State = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
