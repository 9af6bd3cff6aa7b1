using Tilsyn.Letters;
using Tilsyn.Web.Letters;

namespace Tilsyn.Web.Tests.Letters;

public sealed class LetterTemplatePageTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task A_too_long_template_title_is_refused_with_its_limit_and_nothing_is_stored()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");

        var response = await lead.PostFormAsync("/Letters", "/Letters", new()
        {
            ["kind"] = "Conclusion", ["title"] = new string('t', 151), ["body"] = "Kære {{borger.navn}}",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Feltet &#x27;Titel&#x27; må højst være 150 tegn langt; teksten er 151 tegn.", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<StoredLetterTemplate>().AnyAsync(t => t.Kind == LetterKind.Conclusion)));
    }
}
