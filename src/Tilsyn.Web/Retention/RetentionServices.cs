namespace Tilsyn.Web.Retention;

/// <summary>The retention feature's services: rules and holds, the run, on-demand erasure, and the nightly job.</summary>
public static class RetentionServices
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<RetentionQueries>();
        services.AddScoped<RetentionRun>();
        services.AddScoped<ICaseErasure, CaseErasure>();
        services.AddScoped<Tilsyn.Web.Processing.IRetentionRuleSummary, RetentionRuleSummary>();
        services.AddScoped<ICaseDataDeleter, CaseDataDeleter>();
        services.AddScoped<Tilsyn.Web.AccessLogging.AccessLogRetention>();
        services.AddScoped<IPreservedCaseFilter, PreservedCaseFilter>();
        services.AddSingleton<RetentionJob>();
        if (config.GetValue("Retention:Enabled", true))
            services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
