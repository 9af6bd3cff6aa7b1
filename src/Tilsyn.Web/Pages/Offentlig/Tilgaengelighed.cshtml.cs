using Tilsyn.Web.PublicSite;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>The accessibility statement (<i>tilgængelighedserklæring</i>) after Digitaliseringsstyrelsen's model: scope, status, what was tested, known limitations, feedback and enforcement.</summary>
public sealed class TilgaengelighedModel(IConfiguration config) : PageModel
{
    public AccessibilityStatement Statement { get; } = AccessibilityStatement.From(config);

    public void OnGet() { }
}
