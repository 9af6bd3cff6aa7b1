namespace Tilsyn.DigitalPost;

/// <summary>How a letter to the citizen left Tilsyn (<i>forsendelseskanal</i>).</summary>
public enum LetterChannel
{
    /// <summary><i>E-mail</i>: the letter PDF attached to a mail.</summary>
    Email = 1,
    /// <summary><i>Digital Post</i>: a MeMo message to the citizen's CPR number.</summary>
    DigitalPost = 2,
    /// <summary><i>Print</i>: the letter PDF is flagged for printing and posting on paper.</summary>
    Print = 3,
}

public static class LetterChannels
{
    /// <summary>The channel's Danish name, as the case page shows it.</summary>
    public static string Name(this LetterChannel channel) => channel switch
    {
        LetterChannel.Email => "E-mail",
        LetterChannel.DigitalPost => "Digital Post",
        LetterChannel.Print => "Print (papirpost)",
        _ => channel.ToString(),
    };
}
