namespace Tilsyn.Web.Tests.Identity;

/// <summary>The application with two-step login required (<c>Identity:Mfa:Required=true</c>, as in Production).</summary>
public sealed class MfaApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Identity:Mfa:Required"] = "true" };
}
