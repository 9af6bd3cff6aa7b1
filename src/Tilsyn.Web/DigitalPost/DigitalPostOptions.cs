using Tilsyn.DigitalPost;

namespace Tilsyn.Web.DigitalPost;

/// <summary>Settings of section <c>DigitalPost</c> (environment: <c>DigitalPost__Transport</c> …).</summary>
public sealed class DigitalPostOptions
{
    public const string Section = "DigitalPost";

    /// <summary><c>None</c> (default: letters go by e-mail as before), <c>Folder</c> or <c>Http</c>.</summary>
    public string Transport { get; set; } = "None";

    /// <summary>For <c>Folder</c>: where one MeMo XML file per message is written, for the integration platform to collect.</summary>
    public string? Folder { get; set; }

    /// <summary>For <c>Http</c>: the HTTPS address the MeMo XML is POSTed to.</summary>
    public string? Endpoint { get; set; }

    /// <summary>For <c>Http</c>: the client certificate (PKCS#12, <c>.pfx</c>/<c>.p12</c>, with its private key).</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// For <c>Http</c>, optional: the SHA-256 thumbprint (hex) of the endpoint's own certificate, to trust
    /// an integration platform with a certificate from a private CA. Without it the system's trust decides.
    /// </summary>
    public string? ServerCertificateThumbprint { get; set; }

    /// <summary>MeMo <c>senderID</c>: the municipality's CVR number (8 digits) by default.</summary>
    public string? SenderCvr { get; set; }

    /// <summary>MeMo <c>Sender/idType</c>: <c>CVR</c> (default) or <c>MyndighedsID</c>, <c>Andet</c>.</summary>
    public string SenderIdType { get; set; } = "CVR";

    /// <summary>The sender name the citizen sees.</summary>
    public string SenderLabel { get; set; } = "Borgerrådgiveren";

    /// <summary>MeMo <c>CaseID/caseSystem</c>: the name of the system the case numbers belong to.</summary>
    public string CaseSystem { get; set; } = "Tilsyn";

    /// <summary>How often the outbox is looked at, in seconds; 0 stops the background delivery (tests run it by hand).</summary>
    public int PollSeconds { get; set; } = 5;

    public DigitalPostTransportKind Kind => Transport.Trim().ToLowerInvariant() switch
    {
        "" or "none" => DigitalPostTransportKind.None,
        "folder" => DigitalPostTransportKind.Folder,
        "http" => DigitalPostTransportKind.Http,
        _ => DigitalPostTransportKind.Invalid,
    };

    /// <summary>Letters to citizens with a CPR number go by Digital Post.</summary>
    public bool Enabled => Kind is DigitalPostTransportKind.Folder or DigitalPostTransportKind.Http;

    public MeMoSender Sender => new(SenderCvr?.Trim() ?? "", SenderIdType.Trim(), SenderLabel.Trim());

    /// <summary>What is wrong with the settings (the host refuses to start), or null.</summary>
    public string? Problem()
    {
        switch (Kind)
        {
            case DigitalPostTransportKind.Invalid: return "DigitalPost:Transport skal være None (standard), Folder eller Http.";
            case DigitalPostTransportKind.None: return null;
            case DigitalPostTransportKind.Folder when string.IsNullOrWhiteSpace(Folder): return "DigitalPost:Folder skal angive mappen, når DigitalPost:Transport er Folder.";
            case DigitalPostTransportKind.Http when !Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps:
                return "DigitalPost:Endpoint skal være en https-adresse, når DigitalPost:Transport er Http.";
            case DigitalPostTransportKind.Http when string.IsNullOrWhiteSpace(CertificatePath) || !File.Exists(CertificatePath):
                return "DigitalPost:CertificatePath skal pege på klientcertifikatet (.pfx), når DigitalPost:Transport er Http.";
        }
        if (!MeMoBuilder.SenderIdTypes.Contains(SenderIdType.Trim())) return $"DigitalPost:SenderIdType skal være en af {string.Join(", ", MeMoBuilder.SenderIdTypes)}.";
        var id = SenderCvr?.Trim() ?? "";
        if (id.Length == 0) return "DigitalPost:SenderCvr (afsenderens CVR-nummer) skal angives, når Digital Post er slået til.";
        if (SenderIdType.Trim() == "CVR" && (id.Length != 8 || !id.All(char.IsAsciiDigit))) return "DigitalPost:SenderCvr skal være 8 cifre.";
        if (string.IsNullOrWhiteSpace(SenderLabel)) return "DigitalPost:SenderLabel (afsenderens navn) skal angives.";
        return null;
    }
}

public enum DigitalPostTransportKind { None, Folder, Http, Invalid }
