using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer library), keeping what it receives,
/// so tests send mail the way production does (MailKit over SMTP) and read it back.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();
    public int Port { get; }

    public LocalSmtpServer()
    {
        Port = TilsynApp.FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    /// <summary>Waits (bounded) until a message to <paramref name="to"/> matching <paramref name="match"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool>? match = null, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            var found = Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address.Equals(to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true));
            if (found is not null) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} within {seconds} s; received: {string.Join("; ", Messages.Select(m => $"{m.To} '{m.Subject}'"))}");
    }

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class Store(LocalSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Messages.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
