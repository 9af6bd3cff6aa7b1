using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tilsyn.Web.Data;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// The real application (Program.cs, middleware, migrations, demo seed) on a private test database.
/// One per test class (<c>IClassFixture</c>); tests build the extra data they need.
/// </summary>
public class TilsynApp : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = new();

    /// <summary>
    /// The application's clock (its <see cref="TimeProvider"/>): it starts at <see cref="StartTime"/>
    /// (by default <see cref="TestClock.Start"/>, a Tuesday morning in Copenhagen) and moves only with
    /// <c>Clock.Advance(...)</c>. Mail polling runs on real timers (<see cref="RealTimersClock"/>),
    /// so mail is delivered while the clock stands still.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Where <see cref="Clock"/> starts; a derived fixture may choose another instant.</summary>
    protected virtual DateTimeOffset StartTime => TestClock.Start;

    public TilsynApp() => Clock = TestClock.New(StartTime);

    /// <summary>A real SMTP server the application sends to (polled every second).</summary>
    public LocalSmtpServer Smtp { get; } = new();

    /// <summary>Extra settings a derived fixture wants (e.g. a broken connection string).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Tilsyn", Database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Cases", "false"); // tests build the cases they need; DemoDataTests turns them on
        builder.UseSetting("DataProtection:KeyFolder", Database.KeyFolder);
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:PollSeconds", "1");
        builder.UseSetting("Reminders:Enabled", "false"); // tests run the reminder job themselves
        builder.UseSetting("Retention:Enabled", "false"); // tests run the retention themselves
        builder.UseSetting("Notifications:Enabled", "false"); // tests run the notification job themselves
        // The front door's limits are for the Internet; tests send many complaints and logins from one
        // address and mail one address often. Tests of the limits set them low (tests/…/Security).
        builder.UseSetting("RateLimiting:ComplaintsPerTenMinutes", "100000");
        builder.UseSetting("RateLimiting:LoginsPerMinute", "100000");
        builder.UseSetting("RateLimiting:ReceiptsPerAddressPerDay", "100000");
        builder.UseSetting("PublicSite:DataRequestsPerMinute", "100000"); // issue 16: the open data limit (tested in PublicFigures)
        // Tests log in with user name and password; MfaApp (tests/…/Identity) turns two-step login on.
        builder.UseSetting("Identity:Mfa:Required", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<MailDispatcher>();
            services.AddSingleton(sp => new MailDispatcher(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IOptions<MailOptions>>(),
                new RealTimersClock(Clock), sp.GetRequiredService<ILogger<MailDispatcher>>()));
            services.AddTransient<IStartupFilter, TestCitizenSignIn>(); // a citizen's session for tests only (issue 14)
        });
    }

    /// <summary>A client with its own cookie jar that does not follow redirects (tests assert on them).</summary>
    public HttpClient NewClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<TilsynDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TilsynDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
        await Smtp.DisposeAsync();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
