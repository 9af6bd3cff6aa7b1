namespace Tilsyn.Web.Feedback;

/// <summary>Wires the citizens' satisfaction survey (issue 16).</summary>
public static class FeedbackServices
{
    public static void AddFeedback(IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<FeedbackOptions>().Bind(config.GetSection(FeedbackOptions.Section));
        services.AddSingleton<FeedbackLinks>();
        services.AddScoped<FeedbackSurveys>();
        services.AddScoped<FeedbackQueries>();
    }
}
