using Tilsyn.Complaints;
using Microsoft.Extensions.Options;

namespace Tilsyn.Web.DigitalPost;

/// <summary>Queues letters for Digital Post (the caller saves them with its own change, in its transaction).</summary>
public sealed class DigitalPostOutbox(TilsynDbContext db, TimeProvider clock, IOptions<DigitalPostOptions> options)
{
    /// <summary>A Digital Post transport is configured: letters to citizens with a CPR number go by Digital Post.</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>Queues the letter and returns its MeMo message UUID, fixed from now on.</summary>
    public Guid Enqueue(ComplaintCase c, CaseDocument letter, string label, byte[] pdf, bool legalNotification,
        string? additionalFileName = null, byte[]? additionalPdf = null)
    {
        if (c.Citizen?.ProtectedCpr is not { } cpr) throw new DomainException("Borgeren har intet CPR-nummer på sagen; brevet kan ikke sendes med Digital Post.");
        var now = clock.GetUtcNow();
        var uuid = Guid.NewGuid();
        db.OutgoingDigitalPost.Add(new OutgoingDigitalPost
        {
            MessageUuid = uuid, CreatedAt = now, NextAttemptAt = now, CaseNumber = c.Number, DocumentSequence = letter.Sequence,
            Label = label, LegalNotification = legalNotification, ProtectedCpr = cpr, RecipientName = c.Citizen.Name,
            FileName = $"{CaseNumber.FormatDocument(c.Number, letter.Sequence)}.pdf", Content = pdf,
            AdditionalFileName = additionalPdf is null ? null : additionalFileName, AdditionalContent = additionalPdf,
        });
        return uuid;
    }
}
