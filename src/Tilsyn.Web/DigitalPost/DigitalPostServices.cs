using Microsoft.Extensions.Options;

namespace Tilsyn.Web.DigitalPost;

public static class DigitalPostServices
{
    /// <summary>Digital Post: settings (checked at start), the outbox, the transport chosen by <c>DigitalPost:Transport</c> and its dispatcher.</summary>
    public static IServiceCollection AddDigitalPost(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DigitalPostOptions>().Bind(config.GetSection(DigitalPostOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigitalPostOptions>, Validator>();
        services.AddScoped<DigitalPostOutbox>();
        services.AddSingleton<IDigitalPostTransport>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DigitalPostOptions>>().Value;
            return o.Kind switch
            {
                DigitalPostTransportKind.Folder => new FolderTransport(o.Folder!),
                DigitalPostTransportKind.Http => new HttpTransport(o),
                _ => NoTransport.Instance,
            };
        });
        services.AddSingleton<DigitalPostDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DigitalPostDispatcher>());
        return services;
    }

    /// <summary>Refuses to start with settings that cannot work, naming the setting.</summary>
    private sealed class Validator : IValidateOptions<DigitalPostOptions>
    {
        public ValidateOptionsResult Validate(string? name, DigitalPostOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }

    /// <summary>Digital Post is off (<c>DigitalPost:Transport=None</c>).</summary>
    private sealed class NoTransport : IDigitalPostTransport
    {
        public static readonly NoTransport Instance = new();
        public Task DeliverAsync(Guid messageUuid, byte[] memoXml, CancellationToken ct) => throw new InvalidOperationException("Digital Post er ikke slået til (DigitalPost:Transport=None).");
    }
}
