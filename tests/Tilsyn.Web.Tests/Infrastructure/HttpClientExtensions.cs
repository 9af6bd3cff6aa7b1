using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Tilsyn.Web.Tests.Infrastructure;

public static partial class HttpClientExtensions
{
    public const string DemoPassword = Tilsyn.Web.Demo.DemoMunicipality.DemoPassword;

    /// <summary>Logs in through the real login form (antiforgery token included) and returns the response.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password = DemoPassword)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task LoginOkAsync(this HttpClient client, string userName, string password = DemoPassword)
    {
        var response = await client.LoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login as {userName} failed: {response.StatusCode} {System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "role=\"alert\">([^<]*)").Groups[1].Value}");
    }

    /// <summary>Reads the antiforgery token from a page's form, as a browser would.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form the way a browser does after loading <paramref name="page"/>: with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Posts a form with files (multipart) the way a browser does after loading <paramref name="page"/>:
    /// with its antiforgery token, the fields in order (a name may repeat), then the files.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(this HttpClient client, string page, string action,
        IEnumerable<KeyValuePair<string, string>> fields, params UploadFile[] files)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await client.AntiforgeryTokenAsync(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, file.Field, file.FileName);
        }
        return await client.PostAsync(action, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
