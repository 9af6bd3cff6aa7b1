using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Notifications;
using Tilsyn.Web.Identity;
using Tilsyn.Web.Mail;
using Tilsyn.Web.Notifications;

namespace Tilsyn.Web.Tests.Notifications;

/// <summary>What the notification tests read and build: users' notifications, outbox mails, extra users.</summary>
internal static class NotificationTestData
{
    public const string Password = "Notifikation-test-2026";

    public static Task<int> AdminId(this TilsynApp app, string code) =>
        app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    public static Task<string> UserId(this TilsynApp app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>The user's notifications of a kind (all kinds when null), oldest first.</summary>
    public static async Task<List<Notification>> NotesAsync(this TilsynApp app, string userName, NotificationKind? kind = null)
    {
        var id = await app.UserId(userName);
        return await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.RecipientId == id && (kind == null || n.Kind == kind)).OrderBy(n => n.Id).ToListAsync());
    }

    /// <summary>The notification mails in the outbox to an address (single notices and digests: subjects start "Tilsyn:").</summary>
    public static Task<List<OutgoingMail>> MailsToAsync(this TilsynApp app, string to) =>
        app.WithDbAsync(db => db.OutgoingMail.AsNoTracking().Where(m => m.To == to && m.Subject.StartsWith("Tilsyn:")).OrderBy(m => m.Id).ToListAsync());

    /// <summary>A further staff user (the demo has one per role and administration).</summary>
    public static async Task<string> CreateUserAsync(this TilsynApp app, string userName, string role, string? administration = null, bool deactivated = false)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TilsynUser>>();
        var user = new TilsynUser
        {
            UserName = userName, Email = $"{userName}@tilsyn.example", EmailConfirmed = true, FullName = $"Test {userName}",
            AdministrationId = administration is null ? null : await app.AdminId(administration),
            DeactivatedAt = deactivated ? app.Clock.GetUtcNow() : null,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    public static async Task<T> WithNotifierAsync<T>(this TilsynApp app, Func<Notifier, Tilsyn.Web.Data.TilsynDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
        var result = await work(scope.ServiceProvider.GetRequiredService<Notifier>(), db);
        await db.SaveChangesAsync();
        return result;
    }

    public static NotificationJob Job(this TilsynApp app) => app.Services.GetRequiredService<NotificationJob>();
}
