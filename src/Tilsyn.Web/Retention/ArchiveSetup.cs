namespace Tilsyn.Web.Retention;

public static class ArchiveSetup
{
    /// <summary>The archive export (<see cref="IArchiveExporter"/>) with its settings (<c>Archive:Folder</c>).</summary>
    public static IServiceCollection AddTilsynArchive(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ArchiveOptions>().Bind(config.GetSection("Archive"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), "Archive:Folder må ikke være tom.");
        services.AddSingleton<IArchiveFileWriter, ArchiveFileWriter>();
        services.AddScoped<ArchiveExporter>();
        services.AddScoped<IArchiveExporter>(sp => sp.GetRequiredService<ArchiveExporter>());
        return services;
    }
}
