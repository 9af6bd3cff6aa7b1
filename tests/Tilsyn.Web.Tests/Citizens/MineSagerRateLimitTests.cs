using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.DataSubjects;

namespace Tilsyn.Web.Tests.Citizens;

/// <summary>The application with the complaint limit at two per ten minutes per address.</summary>
public sealed class LowComplaintLimitApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:ComplaintsPerTenMinutes"] = "2" };
}

/// <summary>Issue 14, point 3: a citizen's replies count against the same limit as the complaint form (per client address).</summary>
public sealed class MineSagerRateLimitTests(LowComplaintLimitApp app) : IClassFixture<LowComplaintLimitApp>
{
    [Fact]
    public async Task Replies_over_the_complaint_limit_are_refused_with_429_and_Retry_After_and_reading_stays_open()
    {
        const string cpr = "0101901313";
        var number = await app.WithDbAsync(async db =>
        {
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CaseRegistration.CprPurpose);
            var c = CaseBuilder.ACase().WithCitizen(new Citizen("Anna Quist", null, null, null, protector.Protect(cpr), "010190-xxxx",
                app.Services.GetRequiredService<CprLookup>().Hash(cpr))).Build();
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return c.Number;
        });
        var anna = app.NewClient();
        await anna.SignInAsCitizenAsync(cpr, "Anna Quist");
        var page = $"/borger/sager/{number}";

        for (var i = 1; i <= 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await anna.PostFilesAsync(page, page, [new("Message", $"Besked {i}")])).StatusCode);
        var refused = await anna.PostFilesAsync(page, page, [new("Message", "Besked 3")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync(page)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.Title == "Besked fra borgeren")));
    }
}
