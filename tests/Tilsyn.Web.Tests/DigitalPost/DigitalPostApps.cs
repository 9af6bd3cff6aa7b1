using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Web.DigitalPost;

namespace Tilsyn.Web.Tests.DigitalPost;

/// <summary>What every Digital Post test app shares: the sender, no background delivery (tests deliver by hand), a CPR to write to.</summary>
public static class DigitalPostTest
{
    public const string SenderCvr = "64942212";
    public const string SenderLabel = "Borgerrådgiveren, Testrup Kommune";
    public const string Cpr = "0101901234";
    public static readonly XNamespace M = "https://DigitalPost.dk/MeMo-1";

    public static Dictionary<string, string?> Settings(string transport) => new()
    {
        ["DigitalPost:Transport"] = transport,
        ["DigitalPost:SenderCvr"] = SenderCvr,
        ["DigitalPost:SenderLabel"] = SenderLabel,
        ["DigitalPost:PollSeconds"] = "0",
    };

    public static Task<int> DeliverAsync(this TilsynApp app) => app.Services.GetRequiredService<DigitalPostDispatcher>().SendPendingAsync(default);

    /// <summary>A complaint from the public form, with a CPR number (and optionally without e-mail).</summary>
    public static Dictionary<string, string> ComplaintWithCpr(string? email = "dp@borger.example")
    {
        var form = Complaints.ComplaintForms.ValidComplaint(email: email ?? "");
        form["Form.Cpr"] = "010190-1234";
        return form;
    }

    /// <summary>The case's letters to the citizen: sequence, channel, message id and the journalised PDF.</summary>
    public static Task<List<(int Sequence, Tilsyn.DigitalPost.LetterChannel? Channel, Guid? MessageId, byte[]? Pdf, DateTimeOffset? PrintedAt)>> LettersAsync(this TilsynApp app, string number) =>
        app.WithDbAsync(async db => (await db.CaseDocuments.AsNoTracking()
                .Where(d => db.Cases.Any(c => c.Id == d.CaseId && c.Number == number) && d.Channel != null)
                .OrderBy(d => d.Sequence).ToListAsync())
            .Select(d => (d.Sequence, d.Channel, d.DigitalPostMessageId, d.Content, d.PrintedAt)).ToList());
}

/// <summary>The application with the folder transport into a private temporary folder.</summary>
public class FolderDigitalPostApp : TilsynApp
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("tilsyn-digitalpost-").FullName;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(DigitalPostTest.Settings("Folder")) { ["DigitalPost:Folder"] = Folder };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>
/// A small Digital Post receiver on a real HTTPS port (Kestrel) that REQUIRES a client certificate and
/// accepts only the one made for the test; it answers 500 while <see cref="Fail"/> is set.
/// </summary>
public sealed class DigitalPostEndpoint : IAsyncDisposable
{
    public const string Password = "test-kodeord";
    private readonly WebApplication app;

    public X509Certificate2 ClientCertificate { get; }
    public X509Certificate2 ServerCertificate { get; }
    public string ClientPfxPath { get; } = Path.Combine(Path.GetTempPath(), $"tilsyn-dp-client-{Guid.NewGuid():N}.pfx");
    public Uri Url { get; }
    public volatile bool Fail;

    /// <summary>Every request that reached the handler: the Idempotency-Key, the answer and the body.</summary>
    public ConcurrentQueue<(string? Key, int Status, byte[] Body)> Requests { get; } = new();

    public DigitalPostEndpoint()
    {
        ClientCertificate = SelfSigned("CN=Tilsyn testklient", client: true);
        File.WriteAllBytes(ClientPfxPath, ClientCertificate.Export(X509ContentType.Pfx, Password));
        ServerCertificate = SelfSigned("CN=localhost", client: false);
        var port = TilsynApp.FreePort();
        Url = new Uri($"https://127.0.0.1:{port}/memo");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(h =>
        {
            h.ServerCertificate = ServerCertificate;
            h.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            h.ClientCertificateValidation = (cert, _, _) => cert.Thumbprint == ClientCertificate.Thumbprint;
        })));
        app = builder.Build();
        app.MapPost("/memo", async (HttpContext context) =>
        {
            if (context.Connection.ClientCertificate?.Thumbprint != ClientCertificate.Thumbprint) return Results.StatusCode(403);
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var status = Fail ? 500 : 202;
            Requests.Enqueue((context.Request.Headers["Idempotency-Key"].ToString(), status, body.ToArray()));
            return Results.StatusCode(status);
        });
        app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>The messages the receiver accepted, by Idempotency-Key.</summary>
    public List<(string? Key, byte[] Body)> Accepted => Requests.Where(r => r.Status < 300).Select(r => (r.Key, r.Body)).ToList();

    private static X509Certificate2 SelfSigned(string subject, bool client)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(client ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], false));
        if (!client)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        // Real time: TLS checks validity against the machine's clock, not the application's fake one.
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        File.Delete(ClientPfxPath);
    }
}

/// <summary>The application with the HTTP transport to <see cref="DigitalPostEndpoint"/>.</summary>
public class HttpDigitalPostApp : TilsynApp
{
    public DigitalPostEndpoint Endpoint { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(DigitalPostTest.Settings("Http"))
    {
        ["DigitalPost:Endpoint"] = Endpoint.Url.ToString(),
        ["DigitalPost:CertificatePath"] = Endpoint.ClientPfxPath,
        ["DigitalPost:CertificatePassword"] = DigitalPostEndpoint.Password,
        ["DigitalPost:ServerCertificateThumbprint"] = Endpoint.ServerCertificate.GetCertHashString(HashAlgorithmName.SHA256),
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Endpoint.DisposeAsync();
    }

    /// <summary>Parses a posted message.</summary>
    public static XElement Parse(byte[] body) => XDocument.Parse(Encoding.UTF8.GetString(body)).Root!;
}
