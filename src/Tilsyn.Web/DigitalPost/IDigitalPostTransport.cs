namespace Tilsyn.Web.DigitalPost;

/// <summary>
/// Hands one MeMo message to the municipality's Digital Post integration. Must be idempotent on the
/// message UUID: delivering the same message again (after a crash between delivery and recording it)
/// must not make a second letter.
/// </summary>
public interface IDigitalPostTransport
{
    /// <summary>Delivers <paramref name="memoXml"/>; returns normally only when the receiver has it. Throws on any failure.</summary>
    Task DeliverAsync(Guid messageUuid, byte[] memoXml, CancellationToken ct);
}
