namespace Tilsyn.Notifications;

/// <summary>What a notification (<i>underretning</i>) is about. Stored by number; append new kinds at the end.</summary>
public enum NotificationKind
{
    /// <summary>A recommendation was created for the administration (to its contacts).</summary>
    RecommendationCreated = 1,
    /// <summary>A recommendation passed its due date without being closed (to the administration's contacts).</summary>
    RecommendationOverdue = 2,
    /// <summary>An early-warning flag (<i>tidlig varsling</i>) was raised on one of the administration's units (to its contacts).</summary>
    EarlyWarning = 3,
    /// <summary>The administration answered a statement request (<i>redegørelse</i>) (to the case's caseworker).</summary>
    StatementAnswered = 4,
    /// <summary>The advisor completed a FOKUS assessment of the administration (to the administration).</summary>
    FokusAssessmentCompleted = 5,
    /// <summary>An administration submitted its targets or "no target" decisions (to the advisor).</summary>
    TargetsSubmitted = 6,
}

/// <summary>How a user wants a kind of notification by e-mail (<i>leveringsform</i>).</summary>
public enum DeliveryChoice
{
    /// <summary><i>Straks</i>: one e-mail as soon as it happens.</summary>
    Immediately = 1,
    /// <summary><i>Daglig oversigt</i>: gathered into one e-mail a day (07:00 Copenhagen time).</summary>
    DailyDigest = 2,
    /// <summary><i>Fra</i>: no e-mail (the in-app list still shows it).</summary>
    Off = 3,
}

/// <summary>Who a kind of notification goes to; the web layer resolves the users.</summary>
public enum NotificationAudience
{
    /// <summary>The AdministrationContacts of the administration concerned.</summary>
    AdministrationContacts = 1,
    /// <summary>The advisor's caseworker responsible for the case.</summary>
    Caseworker = 2,
    /// <summary>The advisor's staff (Advisor and AdvisorLead).</summary>
    AdvisorStaff = 3,
}

public static class NotificationKinds
{
    public static readonly IReadOnlyList<NotificationKind> All = Enum.GetValues<NotificationKind>();

    public static NotificationAudience Audience(NotificationKind kind) => kind switch
    {
        NotificationKind.StatementAnswered => NotificationAudience.Caseworker,
        NotificationKind.TargetsSubmitted => NotificationAudience.AdvisorStaff,
        _ => NotificationAudience.AdministrationContacts,
    };

    /// <summary>
    /// The kinds a user with these roles can receive, in order: what the preferences page offers. An
    /// administration's contacts receive the administration's kinds; the advisor's staff (Advisor,
    /// AdvisorLead) the caseworker's and the advisor's. Other roles (Leadership, and an administration's
    /// own caseworkers, who handle its register rather than the follow-up of the advisor's findings) receive none.
    /// </summary>
    public static IReadOnlyList<NotificationKind> For(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        var staff = held.Contains(Tilsyn.Identity.Roles.Advisor) || held.Contains(Tilsyn.Identity.Roles.AdvisorLead);
        var contact = held.Contains(Tilsyn.Identity.Roles.AdministrationContact);
        return [.. All.Where(k => Audience(k) switch
        {
            NotificationAudience.AdministrationContacts => contact,
            NotificationAudience.Caseworker or NotificationAudience.AdvisorStaff => staff,
            _ => false,
        })];
    }

    /// <summary>Danish name for the preferences page and the e-mails.</summary>
    public static string Name(NotificationKind kind) => kind switch
    {
        NotificationKind.RecommendationCreated => "Ny henstilling til forvaltningen",
        NotificationKind.RecommendationOverdue => "Henstilling har overskredet fristen",
        NotificationKind.EarlyWarning => "Tidlig varsling for en enhed",
        NotificationKind.StatementAnswered => "Svar på anmodning om redegørelse",
        NotificationKind.FokusAssessmentCompleted => "FOKUS-vurdering afsluttet",
        NotificationKind.TargetsSubmitted => "Måltal indsendt",
        _ => kind.ToString(),
    };

    public static string Name(DeliveryChoice choice) => choice switch
    {
        DeliveryChoice.Immediately => "Straks",
        DeliveryChoice.DailyDigest => "Daglig oversigt",
        DeliveryChoice.Off => "Fra",
        _ => choice.ToString(),
    };
}
