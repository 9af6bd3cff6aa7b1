using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Calendar;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Demo;
using Tilsyn.Web.Letters;
using Tilsyn.Web.Mail;
using Tilsyn.Web.Organisation;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web;

/// <summary>Every service of the product, in one place, so the web host and the benchmark wire it alike.</summary>
public static class TilsynServices
{
    public static IServiceCollection AddTilsynServices(this IServiceCollection services, IConfiguration config)
    {
        services.AddTilsynDatabase(config);
        services.AddTilsynIdentity();
        Tilsyn.Web.Citizens.CitizenAuth.AddCitizenSession(services);
        services.AddTilsynSingleSignOn(config);
        Tilsyn.Web.Citizens.CitizenLogin.AddCitizenOidc(services, config);
        Tilsyn.Web.Integration.IntegrationAuth.AddIntegrationApi(services, config);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<KleImporter>();
        services.AddScoped<DemoMunicipality>();
        services.AddScoped<DemoCases>();
        services.AddScoped<DemoOwnComplaints>();
        services.AddScoped<DemoEvaluations>();
        services.AddScoped<DemoPublishing>();
        services.AddScoped<IdentityBootstrap>();
        services.AddHttpContextAccessor();
        services.AddTilsynCalendar(config);
        services.AddScoped<AccessLog>();
        services.AddScoped<AccessLogVerifier>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseSearch>();
        services.AddScoped<CaseNumberAllocator>();
        services.AddScoped<Tilsyn.Web.CaseAudits.CaseAuditService>();
        services.AddScoped<Tilsyn.Web.AnnualReports.AnnualReportService>();
        services.AddScoped<Tilsyn.Web.AnnualReports.CaseExampleService>();
        services.AddScoped<Tilsyn.Web.Library.LibrarySearch>();
        services.AddScoped<CaseRegistration>();
        Tilsyn.Web.Targets.TargetServices.AddOwnTargets(services);
        services.AddScoped<LinkedEntries>();
        services.AddSingleton<Tilsyn.Web.DataSubjects.CprLookup>();
        services.AddScoped<Tilsyn.Web.DataSubjects.PersonSearch>();
        services.AddScoped<Tilsyn.Web.DataSubjects.AccessExport>();
        services.AddScoped<Tilsyn.Web.DataSubjects.DataSubjectRequests>();
        services.AddScoped<Tilsyn.Web.Security.ReceiptCap>();
        services.AddScoped<CaseLetters>();
        services.AddScoped<Tilsyn.Web.Citizens.CitizenCases>();
        services.AddScoped<Tilsyn.Web.DocumentAccess.DocumentAccessService>();
        services.AddScoped<MailOutbox>();
        Tilsyn.Web.DigitalPost.DigitalPostServices.AddDigitalPost(services, config);
        services.AddSingleton<StatusLinks>();
        Tilsyn.Web.Feedback.FeedbackServices.AddFeedback(services, config);
        services.AddOptions<MailOptions>().Bind(config.GetSection("Mail"))
            .Validate(o => o.SocketOptions() is not null, MailOptions.SecurityError).ValidateOnStart();
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        services.AddSingleton<DeadlineReminders>();
        services.AddScoped<Tilsyn.Web.Extracts.ExtractImporter>();
        services.AddSingleton<Tilsyn.Web.Extracts.ExtractJobs>();
        services.AddScoped<Tilsyn.Web.Statistics.StatisticsQueries>();
        services.AddScoped<Tilsyn.Web.Statistics.ComplaintFactQuery>();
        services.AddScoped<Tilsyn.Web.Statistics.QuarterlyReportService>();
        services.AddScoped<Tilsyn.Web.Statistics.TargetEvaluation>();
        services.AddScoped<Tilsyn.Web.Evaluations.EvaluationService>();
        services.AddScoped<Tilsyn.Web.PublicSite.PublicReports>();
        services.AddOptions<Tilsyn.Web.Processing.ProcessingOptions>().Bind(config.GetSection(Tilsyn.Web.Processing.ProcessingOptions.Section));
        Tilsyn.Web.PublicFigures.OpenDataApi.AddPublicFigures(services, config); // issue 16: public figures and open data
        services.AddScoped<Tilsyn.Web.Processing.ProcessingRecordService>();
        Tilsyn.Web.Retention.RetentionServices.AddRetention(services, config);
        services.AddTilsynArchive(config);
        Tilsyn.Web.Notifications.NotificationServices.AddNotifications(services, config);
        if (config.GetValue("Reminders:Enabled", true))
            services.AddHostedService(sp => sp.GetRequiredService<DeadlineReminders>());
        return services;
    }
}
