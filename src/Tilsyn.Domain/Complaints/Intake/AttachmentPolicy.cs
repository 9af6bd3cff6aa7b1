namespace Tilsyn.Complaints.Intake;

/// <summary>
/// The limits for the files (<i>bilag</i>) a citizen attaches to a complaint. The defaults fit
/// scanned letters and phone photos, and stay below what the municipality's mail and case systems
/// take, so a complaint can be passed on to the administration as it is.
/// </summary>
public sealed record AttachmentPolicy
{
    public const long MiB = 1024 * 1024;

    public static AttachmentPolicy Default { get; } = new();

    public long MaxFileBytes { get; init; } = 10 * MiB;

    public int MaxFiles { get; init; } = 5;

    public long MaxTotalBytes { get; init; } = 25 * MiB;
}
