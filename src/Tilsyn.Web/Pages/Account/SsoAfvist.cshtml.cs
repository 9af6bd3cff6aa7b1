namespace Tilsyn.Web.Pages.Account;

/// <summary>
/// Where a single sign-on without a Tilsyn user ends (unknown without group mapping, or deactivated):
/// "ask your administrator". The address carries nothing about the person; the access log has the reason.
/// </summary>
[AllowAnonymous]
public sealed class SsoAfvistModel : PageModel
{
    public void OnGet() { }
}
