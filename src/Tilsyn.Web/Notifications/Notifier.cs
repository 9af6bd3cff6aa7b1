using Microsoft.Extensions.Options;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Evaluations;
using Tilsyn.Notifications;
using Tilsyn.Recommendations;
using Tilsyn.Statistics;
using Tilsyn.Web.Mail;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Notifications;

/// <summary>
/// Raises notifications (<i>notifikationer</i>) for the events of issue 15 and decides their mail with
/// <see cref="NotificationPlanner"/>: "straks" puts one mail in the outbox now, "daglig oversigt" leaves the
/// notice for <see cref="NotificationJob"/>'s 07:00 digest, "fra" lists it only. Every method only
/// <b>adds</b> rows (notifications, outbox mails, <see cref="NotificationMail"/> keys) to the context: the
/// caller's <c>SaveChanges</c> stores them with its own change, in its transaction. A notice whose key
/// (<see cref="NotificationKey.For"/>) exists already is skipped, so an event raised twice notifies and mails once.
/// Recipients are active users only: an administration's kinds go to its AdministrationContacts.
/// </summary>
public sealed class Notifier(TilsynDbContext db, MailOutbox outbox, TimeProvider clock, IOptions<NotificationOptions> options, IConfiguration config)
{
    /// <summary>A recommendation (<i>henstilling</i>) was created for an administration: to its contacts. Call after the recommendation is saved (its id is the key).</summary>
    public async Task<int> RecommendationCreatedAsync(Recommendation r, CancellationToken ct)
    {
        EnsureSaved(r.Id);
        var code = await AdministrationCodeAsync(r.AdministrationId, ct);
        // The source reference is not repeated: a complaint case's number is shown to the administration only once shared (need-to-know).
        return await RaiseAsync(new(NotificationKind.RecommendationCreated, $"recommendation:{r.Id}", "", r.AdministrationId,
            $"Ny henstilling til {code}",
            $"Borgerrådgiveren har givet {code} en henstilling (kilde: {Recommendation.Name(r.Source)}). Frist for opfølgning: {Date(r.DueDate)}.",
            $"/Recommendations/Details?id={r.Id}"), await AdministrationContactsAsync(r.AdministrationId, ct), ct);
    }

    /// <summary>A recommendation passed its due date without being closed: to the administration's contacts, once per due date.</summary>
    public async Task<int> RecommendationOverdueAsync(Recommendation r, CancellationToken ct)
    {
        EnsureSaved(r.Id);
        var code = await AdministrationCodeAsync(r.AdministrationId, ct);
        return await RaiseAsync(new(NotificationKind.RecommendationOverdue, $"recommendation:{r.Id}", r.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.AdministrationId,
            $"Henstilling til {code} har overskredet fristen",
            $"Fristen for opfølgning på en henstilling til {code} (kilde: {Recommendation.Name(r.Source)}) var {Date(r.DueDate)}, og henstillingen er ikke lukket. Beskriv, hvad forvaltningen har gjort.",
            $"/Recommendations/Details?id={r.Id}"), await AdministrationContactsAsync(r.AdministrationId, ct), ct);
    }

    /// <summary>An early-warning flag (<i>tidlig varsling</i>) on one of an administration's units: to its contacts, once per unit, category and quarter.</summary>
    public async Task<int> EarlyWarningAsync(WarningRow w, Quarter quarter, CancellationToken ct)
    {
        var category = ComplaintCategories.Name(w.Category);
        return await RaiseAsync(new(NotificationKind.EarlyWarning, $"unit:{w.UnitId}:{w.Category}", $"{quarter.Year}-Q{quarter.Number}", w.AdministrationId,
            $"Tidlig varsling: {w.Unit} ({w.Administration})",
            $"{w.Unit} har {w.Latest} klager om \"{category}\" i {quarter} mod {w.Expected.ToString("0.0", DanishTime.Culture)} ventet ud fra de foregående kvartaler. En varsling er en anledning til at se nærmere, ikke en konklusion.",
            "/Statistics"), await AdministrationContactsAsync(w.AdministrationId, ct), ct);
    }

    /// <summary>The administration answered a statement request (<i>udtalelse</i>): to the case's caseworker (on an unassigned case, every active Advisor).</summary>
    public async Task<int> StatementAnsweredAsync(ComplaintCase c, StatementRequest request, CancellationToken ct)
    {
        EnsureSaved(request.Id);
        var code = await AdministrationCodeAsync(request.AdministrationId, ct);
        var recipients = c.CaseworkerId is { } w ? await ActiveAsync(db.Users.Where(u => u.Id == w), ct) : [];
        if (recipients.Count == 0) recipients = await InRolesAsync([Roles.Advisor], ct);
        return await RaiseAsync(new(NotificationKind.StatementAnswered, $"case:{c.Number}", $"statement:{request.Id}", request.AdministrationId,
            $"Udtalelse modtaget på sag {c.Number}",
            $"{code} har afgivet udtalelse på anmodningen af {Date(DanishTime.LocalDate(request.RequestedAt))} på sag {c.Number}.",
            $"/Cases/{c.Number}"), recipients, ct);
    }

    /// <summary>The advisor completed the FOKUS assessment (<i>vurdering</i>) of an administration's answer (the overall score is given): to its contacts, once per round.</summary>
    public async Task<int> FokusAssessmentCompletedAsync(EvaluationAnswerRecord record, CancellationToken ct)
    {
        if (record.Assessment?.Overall is null) return 0; // scores of single initiatives or sections are work in progress
        var year = await db.Set<EvaluationRound>().Where(r => r.Id == record.RoundId).Select(r => r.Year).FirstAsync(ct);
        var code = await AdministrationCodeAsync(record.AdministrationId, ct);
        return await RaiseAsync(new(NotificationKind.FokusAssessmentCompleted, $"evaluation:{year}:{record.AdministrationId}", "", record.AdministrationId,
            $"FOKUS {year}: vurderingen af {code}s besvarelse er afsluttet",
            $"Borgerrådgiveren har afsluttet vurderingen af {code}s FOKUS-besvarelse for {year}.",
            $"/Evaluations/Answer?year={year}&administration={record.AdministrationId}"), await AdministrationContactsAsync(record.AdministrationId, ct), ct);
    }

    /// <summary>
    /// An administration submitted its targets or reasoned "no target" decisions (<i>måltal</i>) for a year: to the advisor's
    /// staff (Advisor, AdvisorLead). <paramref name="submittedAt"/> identifies the submission: calling again for the same one
    /// does nothing, a later resubmission notifies again. <paramref name="link"/> is the path of the submitted targets.
    /// </summary>
    public async Task<int> TargetsSubmittedAsync(int administrationId, int year, DateTimeOffset submittedAt, string link, CancellationToken ct)
    {
        var code = await AdministrationCodeAsync(administrationId, ct);
        return await RaiseAsync(new(NotificationKind.TargetsSubmitted, $"targets:{administrationId}:{year}", submittedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), administrationId,
            $"{code} har indsendt måltal for {year}",
            $"{code} har indsendt sine måltal og begrundelser for områder uden måltal for {year} ({Date(DanishTime.LocalDate(submittedAt))}).",
            link), await InRolesAsync([Roles.Advisor, Roles.AdvisorLead], ct), ct);
    }

    /// <summary>
    /// One notification per recipient that has none with this key yet; with "straks" its mail goes in the outbox and its
    /// key in <see cref="NotificationMail"/> (both saved with the caller's change). Returns how many notifications it added.
    /// </summary>
    public async Task<int> RaiseAsync(NotificationEvent e, IReadOnlyCollection<NotificationRecipient> recipients, CancellationToken ct)
    {
        if (!e.Link.StartsWith('/') || e.Link.StartsWith("//", StringComparison.Ordinal) || e.Link.Length > Notification.LinkMaxLength)
            throw new ArgumentException("A notification links to a path inside Tilsyn.", nameof(e));
        if (e.Title.Length > Notification.TitleMaxLength || e.Text.Length > Notification.TextMaxLength)
            throw new ArgumentException("A notification's title or text is too long.", nameof(e));
        var now = clock.GetUtcNow();
        var byKey = recipients.DistinctBy(r => r.Id).ToDictionary(r => NotificationKey.For(e.Kind, e.Subject, e.Occasion, r.Id));
        if (byKey.Count == 0) return 0;
        var keys = byKey.Keys.ToList();
        var known = (await db.Set<Notification>().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(db.ChangeTracker.Entries<Notification>().Select(x => x.Entity.Key)); // raised twice in one unit of work
        var mailed = (await db.Set<NotificationMail>().Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var ids = byKey.Values.Select(r => r.Id).ToList();
        var choices = await db.Set<NotificationPreference>().Where(p => ids.Contains(p.UserId) && p.Kind == e.Kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Choice, ct);

        var added = 0;
        foreach (var (key, recipient) in byKey)
        {
            if (known.Contains(key)) continue;
            var n = new Notification
            {
                Key = key, RecipientId = recipient.Id, Kind = e.Kind, Subject = e.Subject, Occasion = e.Occasion, AdministrationId = e.AdministrationId,
                Title = e.Title, Text = e.Text, Link = e.Link, CreatedAt = now,
            };
            var preferences = new NotificationPreferences();
            if (choices.TryGetValue(recipient.Id, out var choice)) preferences.Set(e.Kind, choice);
            var plan = NotificationPlanner.Plan(recipient.Id, [n.AsPending()], preferences, now, options.Value.Schedule, mailed);
            if (plan.SendNow.Count > 0 && recipient.Email is { Length: > 0 } to)
            {
                outbox.Enqueue(to, MailSubject(n.Title), SingleMailBody(n));
                db.Add(new NotificationMail { Key = key, RecipientId = recipient.Id, QueuedAt = now });
                n.MarkMailed(now);
            }
            else if (plan.SendNow.Count > 0 || plan.NotMailed.Count > 0) n.MarkNotMailed();
            db.Add(n);
            added++;
        }
        return added;
    }

    internal static string MailSubject(string title) => $"Tilsyn: {title}";

    private string SingleMailBody(Notification n) =>
        $"{n.Text}\n\nSe mere i Tilsyn: {Url(n.Link)}\n\n" +
        $"Du får denne e-mail, fordi du har valgt \"{NotificationKinds.Name(DeliveryChoice.Immediately)}\" for \"{NotificationKinds.Name(n.Kind)}\". " +
        $"Alle dine notifikationer og dine valg: {Url("/Notifikationer/Indstillinger")}";

    /// <summary>An absolute address from <c>PublicBaseUrl</c> when it is set, else the path.</summary>
    internal string Url(string path) => $"{(config["PublicBaseUrl"] ?? "").TrimEnd('/')}{path}";

    private static string Date(DateOnly d) => d.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static void EnsureSaved(int id)
    {
        if (id == 0) throw new InvalidOperationException("Save the change before raising its notification: its id is part of the key.");
    }

    private async Task<string> AdministrationCodeAsync(int administrationId, CancellationToken ct) =>
        await db.Administrations.Where(a => a.Id == administrationId).Select(a => a.Code).FirstOrDefaultAsync(ct) ?? "Forvaltningen";

    /// <summary>The administration's active AdministrationContacts.</summary>
    public Task<List<NotificationRecipient>> AdministrationContactsAsync(int administrationId, CancellationToken ct) =>
        ActiveAsync(InRoles([Roles.AdministrationContact]).Where(u => u.AdministrationId == administrationId), ct);

    private Task<List<NotificationRecipient>> InRolesAsync(string[] roles, CancellationToken ct) => ActiveAsync(InRoles(roles), ct);

    private IQueryable<TilsynUser> InRoles(string[] roles) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));

    /// <summary>Deactivated users get nothing, not even a list entry.</summary>
    private static Task<List<NotificationRecipient>> ActiveAsync(IQueryable<TilsynUser> users, CancellationToken ct) =>
        users.Where(u => u.DeactivatedAt == null).OrderBy(u => u.Id).Select(u => new NotificationRecipient(u.Id, u.Email)).ToListAsync(ct);
}
