using Tilsyn.Notifications;

namespace Tilsyn.Web.Notifications;

/// <summary>A user's delivery choice for one kind (<i>indstilling</i>); a kind without a row gets <see cref="NotificationPreferences.Default"/>.</summary>
public sealed class NotificationPreference
{
    public string UserId { get; init; } = "";
    public NotificationKind Kind { get; init; }
    public DeliveryChoice Choice { get; set; }
}
