namespace Tilsyn.Web.Notifications;

/// <summary>The notifications feature's services: the notifier, the user's own list, and the background job.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<NotificationOptions>().Bind(config.GetSection(NotificationOptions.Section));
        services.AddScoped<Notifier>();
        services.AddScoped<Tilsyn.Web.Targets.ITargetSubmissionListener, TargetSubmissionNotifier>(); // replaces the targets' no-op default
        services.AddScoped<NotificationQueries>();
        services.AddSingleton<NotificationJob>();
        if (config.GetValue($"{NotificationOptions.Section}:Enabled", true))
            services.AddHostedService(sp => sp.GetRequiredService<NotificationJob>());
        return services;
    }
}
