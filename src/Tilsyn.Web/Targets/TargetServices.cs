using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tilsyn.Web.Targets;

public static class TargetServices
{
    /// <summary>The administrations' own targets: the service, the status query and the default submission listener.</summary>
    public static IServiceCollection AddOwnTargets(this IServiceCollection services)
    {
        services.AddScoped<OwnTargetService>();
        services.AddScoped<OwnTargetStatusQuery>();
        services.TryAddScoped<ITargetSubmissionListener, NoTargetSubmissionListener>();
        return services;
    }
}
