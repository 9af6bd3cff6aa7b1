using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tilsyn.Web.Data;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Security;

/// <summary>Issue 12, point 1: an unexpected error on /klage keeps what the citizen wrote, says so in Danish, stores nothing, logs no personal data.</summary>
public sealed class RegistrationFailureTests(RegistrationFailureTests.FailingApp app) : IClassFixture<RegistrationFailureTests.FailingApp>
{
    /// <summary>The application whose database fails on demand while a registration is half done (the case saved, the search index not yet written).</summary>
    public sealed class FailingApp : TilsynApp
    {
        public FailOnSearchIndex Failure { get; } = new();
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                if (Database.Provider == "Postgres") services.ConfigureDbContext<PostgresTilsynDbContext>(o => o.AddInterceptors(Failure));
                else services.ConfigureDbContext<SqliteTilsynDbContext>(o => o.AddInterceptors(Failure));
                services.AddSingleton<ILoggerProvider>(Logs);
            });
        }
    }

    public sealed class FailOnSearchIndex : DbCommandInterceptor
    {
        public Func<Exception>? Throw { get; set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Throw is { } fail && command.CommandText.Contains("case_search", StringComparison.Ordinal) ? throw fail() : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Text)> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception)));
        }
    }

    [Theory]
    [InlineData(false, HttpStatusCode.InternalServerError)] // a fault in the code
    [InlineData(true, HttpStatusCode.ServiceUnavailable)]   // the database timed out: try again shortly
    public async Task An_unexpected_error_keeps_what_the_citizen_wrote_says_so_in_Danish_and_stores_nothing(bool database, HttpStatusCode status)
    {
        var client = app.NewClient();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var fields = ComplaintForms.ValidComplaint(name: $"Birthe Ærø {marker}", email: $"fejl-{marker}@borger.example");
        fields["Form.Phone"] = $"+45 {marker}";
        fields["Form.Address"] = $"Fejlvej {marker}, 2300 København S";
        fields["Form.Subject"] = $"Afslag på hjælp {marker}";
        fields["Form.Description"] = $"Jeg fik afslag uden begrundelse. Sag {marker}.";
        var bufId = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        fields["Form.AdministrationId"] = bufId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var failure = $"simulated failure {marker}";
        app.Failure.Throw = database ? () => new TimeoutException(failure) : () => new InvalidOperationException(failure);
        HttpResponseMessage response;
        try
        {
            response = await ComplaintForms.SubmitAsync(client, fields, ("bilag.pdf", TestFiles.Pdf()));
        }
        finally
        {
            app.Failure.Throw = null;
        }

        Assert.Equal(status, response.StatusCode);
        if (database) Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vi kunne ikke modtage din henvendelse lige nu på grund af en fejl hos os.", html);
        Assert.Contains("Det, du har skrevet, er bevaret herunder – prøv at sende igen om lidt. Bilag skal vælges igen", html);
        foreach (var field in new[] { "Form.Name", "Form.Email", "Form.Phone", "Form.Address", "Form.Subject" })
            Assert.Contains($"name=\"{field}\" value=\"{fields[field]}\"", html);
        Assert.Contains($">{fields["Form.Description"]}</textarea>", html);
        Assert.Contains($"<option value=\"{bufId}\" selected=\"selected\">", html);

        // Nothing of it is stored: no case, no receipt in the outbox.
        Assert.False(await app.WithDbAsync(db => db.Cases.AnyAsync(c => c.Subject == fields["Form.Subject"])));
        Assert.False(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.To == fields["Form.Email"])));

        // The failure is logged as an error, but neither the form's data nor the exception's message reach the log.
        Assert.Contains(app.Logs.Lines, l => l.Level == LogLevel.Error && l.Category.EndsWith("Klage.IndexModel", StringComparison.Ordinal));
        var ours = app.Logs.Lines.Where(l => l.Category.StartsWith("Tilsyn", StringComparison.Ordinal)).Select(l => l.Text).ToList();
        Assert.DoesNotContain(ours, l => l.Contains(failure, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Text.Contains(fields["Form.Name"], StringComparison.Ordinal) || l.Text.Contains(fields["Form.Email"], StringComparison.Ordinal)
            || l.Text.Contains(fields["Form.Address"], StringComparison.Ordinal) || l.Text.Contains(fields["Form.Description"], StringComparison.Ordinal));

        // Sent again once the fault is gone, it is registered.
        Assert.Equal(HttpStatusCode.Redirect, (await ComplaintForms.SubmitAsync(client, fields)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Subject == fields["Form.Subject"])));
    }
}
