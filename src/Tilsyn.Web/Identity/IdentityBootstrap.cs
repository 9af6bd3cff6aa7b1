using Microsoft.AspNetCore.Identity;

namespace Tilsyn.Web.Identity;

/// <summary>
/// Start-up set-up of identity: the four roles always exist, and a fresh production database gets
/// its first head of office from configuration (<c>Bootstrap:AdminUserName</c>, <c>Bootstrap:AdminEmail</c>,
/// <c>Bootstrap:AdminPassword</c>), who then creates everybody else in the UI. Nothing happens when
/// users already exist, so the settings can be removed after the first start.
/// </summary>
public sealed class IdentityBootstrap(UserManager<TilsynUser> users, RoleManager<IdentityRole> roles, IConfiguration config, ILogger<IdentityBootstrap> log)
{
    public async Task RunAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var name = config["Bootstrap:AdminUserName"];
        var password = config["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password) || users.Users.Any()) return;

        var admin = new TilsynUser
        {
            UserName = name.Trim(),
            Email = config["Bootstrap:AdminEmail"] ?? $"{name.Trim()}@localhost",
            EmailConfirmed = true,
            FullName = config["Bootstrap:AdminFullName"] ?? "Kontorchef",
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Bootstrap:Admin could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.AdvisorLead);
        log.LogWarning("Created the first head of office {User} from Bootstrap settings; remove Bootstrap:AdminPassword from the configuration.", admin.UserName);
    }
}
