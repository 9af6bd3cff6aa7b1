using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.Tests.Security;

/// <summary>Issue 12, point 3: a cap on requests served at once (all clients), with a queue; beyond it 429 with the Danish page.</summary>
public sealed class ConcurrencyCapTests(ConcurrencyCapTests.OneAtATimeApp app) : IClassFixture<ConcurrencyCapTests.OneAtATimeApp>
{
    public sealed class OneAtATimeApp : TilsynApp
    {
        /// <summary>Holds a request that reads the administrations (the complaint form does) until released: a slow request.</summary>
        public HoldingInterceptor Hold { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:MaxConcurrentRequests"] = "1",
            ["RateLimiting:ConcurrencyQueueLimit"] = "0",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                if (Database.Provider == "Postgres") services.ConfigureDbContext<PostgresTilsynDbContext>(o => o.AddInterceptors(Hold));
                else services.ConfigureDbContext<SqliteTilsynDbContext>(o => o.AddInterceptors(Hold));
            });
        }
    }

    public sealed class HoldingInterceptor : DbCommandInterceptor
    {
        private TaskCompletionSource? gate;
        public TaskCompletionSource Reached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Close()
        {
            Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Open() => Interlocked.Exchange(ref gate, null)?.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (gate is { } closed && command.CommandText.Contains("administrations", StringComparison.OrdinalIgnoreCase))
            {
                Reached.TrySetResult();
                await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }
            return result;
        }
    }

    [Fact]
    public async Task Over_the_cap_a_request_gets_429_with_the_Danish_page_and_is_served_again_when_the_slow_one_is_done()
    {
        var slow = app.NewClient();
        var other = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Account/Login")).StatusCode);

        // A slow request holds the one place.
        app.Hold.Close();
        var held = slow.GetAsync("/klage");
        await app.Hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            var refused = await other.GetAsync("/Account/Login");

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Contains("For mange forespørgsler", await refused.Content.ReadAsStringAsync());
            SecurityHeadersAssert.Present(refused);

            // The health probe is not counted: a busy instance answers it (here with its own verdict on the held database), never 429.
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.GetAsync("/health")).StatusCode);
        }
        finally
        {
            app.Hold.Open();
        }
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Account/Login")).StatusCode);
    }
}
