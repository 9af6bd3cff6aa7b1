using Tilsyn.DigitalPost;

namespace Tilsyn.Complaints;

/// <summary>The case's part in delivering letters to the citizen: Digital Post, e-mail or paper.</summary>
public sealed partial class ComplaintCase
{
    /// <summary>
    /// Marks the citizen exempt from Digital Post (<i>fritaget for Digital Post</i>), or no longer exempt.
    /// Letters from then on go by e-mail, or on paper (<see cref="DeliveryChannel"/>); the change is in the history.
    /// </summary>
    public void SetDigitalPostExemption(bool exempt, DateTimeOffset at, Actor by)
    {
        EnsureNotErased();
        if (Citizen is null) throw new DomainException("Sagen har ingen borger.");
        if (Citizen.ExemptFromDigitalPost == exempt)
            throw new DomainException(exempt ? "Borgeren er allerede fritaget for Digital Post." : "Borgeren er ikke fritaget for Digital Post.");
        Citizen.ExemptFromDigitalPost = exempt;
        events.Add(new CaseEvent(at, by, exempt
            ? "Borgeren er markeret som fritaget for Digital Post; breve sendes med e-mail eller som papirpost."
            : "Borgeren er ikke længere fritaget for Digital Post."));
    }

    /// <summary>The channel for the next letter to the citizen (the rule is <see cref="DeliveryChannel.Choose"/>).</summary>
    public LetterChannel LetterChannelFor(bool digitalPostEnabled) =>
        DeliveryChannel.Choose(Citizen?.ProtectedCpr is not null, Citizen?.ExemptFromDigitalPost ?? false, digitalPostEnabled, Citizen?.Email);

    /// <summary>Records how an outgoing letter was delivered (and, for Digital Post, its message UUID).</summary>
    public void RecordLetterDelivery(CaseDocument letter, LetterChannel channel, Guid? digitalPostMessageId)
    {
        if (!documents.Contains(letter)) throw new DomainException("Brevet hører ikke til sagen.");
        letter.RecordDelivery(channel, digitalPostMessageId);
    }

    /// <summary>Marks a letter flagged for printing as printed and posted.</summary>
    public void MarkLetterPrinted(int sequence, DateTimeOffset at, Actor by)
    {
        var doc = documents.FirstOrDefault(d => d.Sequence == sequence) ?? throw new DomainException($"Dokument {CaseNumber.FormatDocument(Number, sequence)} findes ikke på sagen.");
        doc.MarkPrinted(at, by);
        events.Add(new CaseEvent(at, by, $"Dokument {CaseNumber.FormatDocument(Number, sequence)} er udskrevet og sendt som papirpost."));
    }
}
