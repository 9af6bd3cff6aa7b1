using System.Text.RegularExpressions;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>The version a page's forms carry (optimistic concurrency), read as a browser holds it.</summary>
public static partial class VersionField
{
    /// <summary>Loads <paramref name="page"/> and returns the version in its first form (the hidden field <c>version</c>).</summary>
    public static async Task<string> ShownVersionAsync(this HttpClient client, string page)
    {
        var match = Pattern().Match(await client.GetStringAsync(page));
        Assert.True(match.Success, $"no version field on {page}");
        return match.Groups[1].Value;
    }

    /// <summary>The refusal of a stale save: 409 and the Danish "changed by someone else" message naming <paramref name="what"/>.</summary>
    public static async Task AssertStaleAsync(HttpResponseMessage response, string what)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"{what} er blevet ændret af en anden, siden du åbnede", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex Pattern();
}
