using Microsoft.AspNetCore.Mvc.Filters;

namespace Tilsyn.Web.Common;

/// <summary>
/// A page that shows a refused action (<see cref="DomainException"/>) as its own page with the
/// message, instead of catching the exception itself.
/// </summary>
public interface IDomainErrorPage
{
    /// <summary>The Danish message shown at the top of the page (the domain's own words).</summary>
    string? Error { get; set; }

    /// <summary>
    /// Loads what the page shows again after a refused action. The change tracker has been cleared,
    /// so nothing of the refused change is saved or shown. Returns false when the thing is gone (404).
    /// </summary>
    Task<bool> ReloadAsync(CancellationToken ct);
}

/// <summary>
/// The one place a refused action becomes a page: when a handler of an <see cref="IDomainErrorPage"/>
/// throws <see cref="DomainException"/>, whatever it had changed is forgotten (its transaction, if any,
/// was rolled back by its <c>using</c>), the page reloads, shows the message and answers
/// 422 Unprocessable Content. A stale save (<see cref="DbUpdateConcurrencyException"/>: someone else
/// saved the same case, answer, report … since the form was loaded, see <see cref="AggregateVersion"/>;
/// or <see cref="StaleVersionException"/>, found before the save)
/// is refused the same way with "changed by someone else" and 409 Conflict, and nothing of it is kept.
/// Handlers are then load → act → save → redirect, with no catch block.
/// </summary>
public sealed class DomainErrorPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled) return;
        var (message, status) = executed.Exception switch
        {
            DomainException refused => (refused.Message, StatusCodes.Status422UnprocessableEntity),
            DbUpdateConcurrencyException stale => (EditConflict.Message(stale), StatusCodes.Status409Conflict),
            StaleVersionException stale => (EditConflict.Message(stale.Aggregate), StatusCodes.Status409Conflict),
            _ => (null, 0),
        };
        if (message is null) return;
        if (executed.HandlerInstance is not (PageModel page and IDomainErrorPage errorPage)) return;

        executed.ExceptionHandled = true;
        var ct = context.HttpContext.RequestAborted;
        context.HttpContext.RequestServices.GetService<TilsynDbContext>()?.ChangeTracker.Clear();
        errorPage.Error = message;
        if (!await errorPage.ReloadAsync(ct))
        {
            executed.Result = page.NotFound();
            return;
        }
        context.HttpContext.Response.StatusCode = status;
        executed.Result = page.Page();
    }
}
