using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tilsyn.Web.DigitalPost;

/// <summary>
/// POSTs each message (<c>application/xml</c>) to <see cref="DigitalPostOptions.Endpoint"/> over HTTPS,
/// authenticated by the client certificate <see cref="DigitalPostOptions.CertificatePath"/>. The header
/// <c>Idempotency-Key</c> carries the message UUID (as does the message itself); the receiver must treat a
/// second POST of a UUID it has as a success (2xx or 409 Conflict), which this transport also accepts.
/// </summary>
public sealed class HttpTransport : IDigitalPostTransport, IDisposable
{
    private readonly HttpClient http;
    private readonly Uri endpoint;

    public HttpTransport(DigitalPostOptions o)
    {
        endpoint = new Uri(o.Endpoint!);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath!, o.CertificatePassword);
        if (!certificate.HasPrivateKey) throw new InvalidOperationException("DigitalPost:CertificatePath has no private key.");
        var pinned = string.IsNullOrWhiteSpace(o.ServerCertificateThumbprint) ? null : o.ServerCertificateThumbprint.Replace(":", "", StringComparison.Ordinal).Trim();
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = new X509CertificateCollection { certificate },
                RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                    errors == SslPolicyErrors.None
                    || (pinned is not null && cert is not null && errors == SslPolicyErrors.RemoteCertificateChainErrors
                        && string.Equals(cert.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase)),
            },
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        http = new HttpClient(handler) { Timeout = Tilsyn.Mail.MailDeliveryPolicy.SendTimeout };
    }

    public async Task DeliverAsync(Guid messageUuid, byte[] memoXml, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(memoXml) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", messageUuid.ToString("D"));
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict) return;
        throw new HttpRequestException($"Digital Post-modtageren svarede {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }

    public void Dispose() => http.Dispose();
}
