using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.Tests.AccessLogging;

/// <summary>Every action can be written to the access log on both databases, and is shown with a Danish name.</summary>
public sealed class AccessActionTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public void Every_action_as_stored_fits_the_column_which_postgresql_enforces_and_sqlite_does_not()
    {
        using var scope = app.Services.CreateScope();
        var property = scope.ServiceProvider.GetRequiredService<TilsynDbContext>().Model
            .FindEntityType(typeof(AccessLogEntry))!.FindProperty(nameof(AccessLogEntry.Action))!;
        var max = property.GetMaxLength()!.Value;
        var converter = property.GetValueConverter()!;
        var tooLong = Enum.GetValues<AccessAction>().Select(a => (string)converter.ConvertToProvider(a)!).Where(s => s.Length > max).ToList();
        Assert.True(tooLong.Count == 0, $"Longer than {max} characters: {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void Every_action_has_a_danish_label() => // "Login" is the Danish word too
        Assert.All(Enum.GetValues<AccessAction>().Where(a => a != AccessAction.Login), a => Assert.NotEqual(a.ToString(), AccessActionLabels.Label(a)));

    [Fact]
    public async Task Every_action_can_be_saved_and_read_back()
    {
        var actions = Enum.GetValues<AccessAction>();
        using (var scope = app.Services.CreateScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AccessLog>();
            foreach (var a in actions) log.AddFor(null, "Test af handlinger", a, null, "alle handlinger");
            await scope.ServiceProvider.GetRequiredService<TilsynDbContext>().SaveChangesAsync();
        }
        var stored = await app.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => e.UserName == "Test af handlinger").Select(e => e.Action).ToListAsync());
        Assert.Equal(actions.Order(), stored.Order());
    }
}
