using Tilsyn.Notifications;

namespace Tilsyn.Web.Notifications;

/// <summary>
/// What happened, once for all its recipients: <paramref name="Subject"/> and <paramref name="Occasion"/>
/// identify it (<see cref="NotificationKey.For"/>); title and text are Danish and free of personal data (they
/// are e-mailed); <paramref name="Link"/> is a path inside Tilsyn.
/// </summary>
public sealed record NotificationEvent(NotificationKind Kind, string Subject, string Occasion, int? AdministrationId, string Title, string Text, string Link);
