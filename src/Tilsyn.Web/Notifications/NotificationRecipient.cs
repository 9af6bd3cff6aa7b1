namespace Tilsyn.Web.Notifications;

/// <summary>A staff user a notification goes to; <see cref="Email"/> null: in the list only.</summary>
public sealed record NotificationRecipient(string Id, string? Email);
