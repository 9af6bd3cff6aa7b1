namespace Tilsyn.DigitalPost;

/// <summary>
/// Which channel a letter to the citizen goes by: the one rule, used for every letter.
/// </summary>
/// <remarks>
/// Public authorities deliver letters to citizens through Digital Post (lov om Digital Post fra offentlige
/// afsendere § 3), addressed by CPR number. A citizen without a known CPR number cannot be reached there,
/// and a citizen exempt from Digital Post (<i>fritaget for Digital Post</i>, § 5) must not be; they get
/// the letter by e-mail when they gave an address, otherwise on paper. Without a configured Digital Post
/// transport the installation keeps e-mail for everyone.
/// </remarks>
public static class DeliveryChannel
{
    /// <param name="cprKnown">The case holds the citizen's CPR number.</param>
    /// <param name="exemptFromDigitalPost">The citizen is marked exempt from Digital Post on the case.</param>
    /// <param name="digitalPostEnabled">A Digital Post transport is configured.</param>
    /// <param name="email">The citizen's e-mail address, if any.</param>
    public static LetterChannel Choose(bool cprKnown, bool exemptFromDigitalPost, bool digitalPostEnabled, string? email)
    {
        if (cprKnown && !exemptFromDigitalPost && digitalPostEnabled) return LetterChannel.DigitalPost;
        if (!string.IsNullOrWhiteSpace(email)) return LetterChannel.Email;
        return LetterChannel.Print;
    }
}
