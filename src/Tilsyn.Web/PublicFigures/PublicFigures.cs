using Microsoft.Extensions.Caching.Memory;
using Tilsyn.Complaints;
using Tilsyn.Publishing;
using Tilsyn.PublicFigures;
using Tilsyn.Statistics;

namespace Tilsyn.Web.PublicFigures;

/// <summary>The public site's settings (section <c>PublicSite</c>).</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "PublicSite";

    /// <summary>Counts from 1 to this − 1 are shown as "&lt;5" (default 5). At least 2.</summary>
    public int SmallNumberThreshold { get; set; } = 5;

    /// <summary>How long a year's computed figures are served from memory (default 10 minutes).</summary>
    public int CacheMinutes { get; set; } = 10;

    /// <summary>Requests per minute one client address may make to the public figures and open data (default 120).</summary>
    public int DataRequestsPerMinute { get; set; } = 120;

    /// <summary>The publisher named in the data catalog and on the pages (default "Borgerrådgiveren, " + <c>Processing:ControllerName</c>).</summary>
    public string? Publisher { get; set; }
}

/// <summary>One row of the public tables: an administration, or the cases not assigned to one (Id null).</summary>
public sealed record PublicRow(int? Id, string Code, string Name);

/// <summary>A derived figure (a rate, a share, a median): its value when published, else the text shown instead.</summary>
public sealed record PublicNumber(double? Value, string Display)
{
    public static PublicNumber Of(double value, string format) => new(value, value.ToString(format, Tilsyn.Calendar.DanishTime.Culture));
}

/// <summary>
/// A year's public figures of the advisor's own work (<see cref="CaseRegisters.AdvisorsOwn"/>, supervision cases only:
/// <see cref="SupervisionCases"/>), per administration, every count through <see cref="SuppressedTable"/>.
/// </summary>
public sealed class YearFigures
{
    public required int Year { get; init; }
    public required int Threshold { get; init; }
    public required DateTimeOffset? PublishedAt { get; init; }
    public required IReadOnlyList<PublicRow> Rows { get; init; }
    /// <summary>Received: inquiries, complaints, own-initiative cases.</summary>
    public required SuppressedTable Received { get; init; }
    public required IReadOnlyList<CategoryInfo> Categories { get; init; }
    /// <summary>Complaints per category (a complaint about two things counts in both; the row total counts matters, not complaints).</summary>
    public required SuppressedTable ByCategory { get; init; }
    public required IReadOnlyList<Outcome> Outcomes { get; init; }
    /// <summary>Cases received in the year and concluded, per outcome.</summary>
    public required SuppressedTable ByOutcome { get; init; }
    /// <summary>Cases whose first answer was due in the year: answered by the due date, not answered by it.</summary>
    public required SuppressedTable ServiceGoal { get; init; }
    /// <summary>Per row and the total (last): share on time, median days to first answer.</summary>
    public required IReadOnlyList<(PublicNumber Share, PublicNumber MedianDays)> ServiceGoalFigures { get; init; }
    /// <summary>Per row: the volume of cases in the administration's systems (extracts), the complaints and the rate per 1,000 cases.</summary>
    public required IReadOnlyList<(PublicNumber Volume, PublicCell Complaints, PublicNumber PerThousand)> PerThousand { get; init; }

    public const string NotMeasured = "ikke opgjort";
}

/// <summary>
/// The city-wide public figures per year, for the pages under <c>/offentlig/tal</c> and the open data.
/// <para><b>Years offered</b>: only years whose annual report (<i>beretning</i>) is published, so the
/// public figures belong to a closed, published year and are not a moving current-year count. They are
/// computed from the cases as they are now (a case re-classified later changes them), so they are cached
/// for <see cref="PublicSiteOptions.CacheMinutes"/> (10) per year and threshold, not frozen.</para>
/// <para>Nothing below the administration level is ever computed here (see <see cref="SuppressedTable"/>).</para>
/// </summary>
public sealed class PublicFiguresService(TilsynDbContext db, IMemoryCache cache, Microsoft.Extensions.Options.IOptions<PublicSiteOptions> options)
{
    public int Threshold => Math.Max(2, options.Value.SmallNumberThreshold);
    private TimeSpan CacheTime => TimeSpan.FromMinutes(Math.Max(0, options.Value.CacheMinutes));

    /// <summary>The years offered, newest first, with when the report was published.</summary>
    public async Task<IReadOnlyList<(int Year, DateTimeOffset PublishedAt)>> YearsAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("public-figures:years", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var years = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.PublishedAt != null).Select(r => new { r.Year, r.PublishedAt }).ToListAsync(ct);
            return (IReadOnlyList<(int, DateTimeOffset)>)[.. years.Select(y => (y.Year, y.PublishedAt!.Value)).OrderByDescending(y => y.Item1)];
        }))!;

    /// <summary>The figures of an offered year, or null when the year is not offered.</summary>
    public async Task<YearFigures?> ForYearAsync(int year, CancellationToken ct)
    {
        var offered = (await YearsAsync(ct)).Where(y => y.Year == year).Select(y => (DateTimeOffset?)y.PublishedAt).FirstOrDefault();
        if (offered is null) return null;
        var threshold = Threshold;
        return await cache.GetOrCreateAsync($"public-figures:{year}:{threshold}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheTime;
            return await ComputeAsync(year, threshold, offered, ct);
        });
    }

    /// <summary>Every offered year's figures, newest first.</summary>
    public async Task<IReadOnlyList<YearFigures>> AllAsync(CancellationToken ct)
    {
        var list = new List<YearFigures>();
        foreach (var (year, _) in await YearsAsync(ct))
            if (await ForYearAsync(year, ct) is { } f) list.Add(f);
        return list;
    }

    private async Task<YearFigures> ComputeAsync(int year, int threshold, DateTimeOffset? publishedAt, CancellationToken ct)
    {
        // Years are Copenhagen's, as in the annual report (CaseFiguresPart). A case whose first answer was due in the year may be received the year before.
        var from = Tilsyn.Calendar.DanishTime.YearBounds(year - 1).From;
        var to = Tilsyn.Calendar.DanishTime.YearBounds(year).To;
        var cases = await db.Cases.AsNoTracking().Supervision().Where(c => c.ReceivedAt >= from && c.ReceivedAt < to)
            .Select(c => new { c.ReceivedAt, c.AdministrationId, c.Type, c.Outcome, c.FirstAnswerDue, c.FirstAnsweredAt, Categories = c.Categories.Select(x => x.Category).ToList() })
            .ToListAsync(ct);
        static DateOnly Day(DateTimeOffset at) => Tilsyn.Calendar.DanishTime.LocalDate(at);

        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).Select(a => new PublicRow(a.Id, a.Code, a.Name)).ToListAsync(ct);
        var rows = admins.ToList();
        if (cases.Any(c => c.AdministrationId == null && (Day(c.ReceivedAt).Year == year || c.FirstAnswerDue.Year == year)))
            rows.Add(new PublicRow(null, "–", "Ikke henført til en forvaltning"));
        var index = rows.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id ?? 0, x => x.i);
        int Row(int? admin) => index.TryGetValue(admin ?? 0, out var i) ? i : throw new InvalidOperationException("Unknown administration.");

        var categories = ComplaintCategories.All;
        var catIndex = categories.Select((c, i) => (c.Category, i)).ToDictionary(x => x.Category, x => x.i);
        var outcomes = Enum.GetValues<Outcome>();
        var received = new long[rows.Count, 3];
        var byCategory = new long[rows.Count, categories.Count];
        var byOutcome = new long[rows.Count, outcomes.Length];
        var service = new long[rows.Count, 2];
        var answerDays = rows.Select(_ => new List<int>()).ToList();
        var allAnswerDays = new List<int>();
        foreach (var c in cases)
        {
            var day = Day(c.ReceivedAt);
            if (c.FirstAnswerDue.Year == year)
            {
                var r = Row(c.AdministrationId);
                var onTime = c.FirstAnsweredAt is { } a && Day(a) <= c.FirstAnswerDue;
                service[r, onTime ? 0 : 1]++;
                if (c.FirstAnsweredAt is { } answered)
                {
                    answerDays[r].Add(Day(answered).DayNumber - day.DayNumber);
                    allAnswerDays.Add(Day(answered).DayNumber - day.DayNumber);
                }
            }
            if (day.Year != year) continue;
            var row = Row(c.AdministrationId);
            received[row, c.Type switch { CaseType.Inquiry => 0, CaseType.Complaint => 1, _ => 2 }]++;
            if (c.Outcome is { } o) byOutcome[row, Array.IndexOf(outcomes, o)]++;
            if (c.Type == CaseType.Complaint)
                foreach (var cat in c.Categories.Distinct()) byCategory[row, catIndex[cat]]++;
        }
        var labels = rows.Select(r => r.Code).ToList();
        var receivedTable = SuppressedTable.Suppress(labels, ["Henvendelser", "Klager", "Egen drift"], received, threshold);
        var serviceTable = SuppressedTable.Suppress(labels, ["Besvaret inden fristen", "Ikke besvaret inden fristen"], service, threshold);

        PublicNumber Share(int r)
        {
            var (onTime, late, due) = r < rows.Count ? (serviceTable.Cell(r, 0), serviceTable.Cell(r, 1), serviceTable.RowTotal(r))
                : (serviceTable.ColumnTotal(0), serviceTable.ColumnTotal(1), serviceTable.GrandTotal);
            if (due.Value == 0) return new PublicNumber(null, "–");
            // A share would reveal a hidden count next to its published total: shown only when the whole line is published.
            if (onTime.Suppressed || late.Suppressed || due.Suppressed) return new PublicNumber(null, "skjult (små tal)");
            return PublicNumber.Of(100.0 * onTime.Value / due.Value, "0");
        }
        PublicNumber Median(List<int> days)
        {
            if (days.Count < threshold) return new PublicNumber(null, days.Count == 0 ? "–" : $"færre end {threshold} besvarede sager");
            days.Sort();
            var m = days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2.0;
            return PublicNumber.Of(m, "0.#");
        }
        var serviceFigures = rows.Select((_, r) => (Share(r), Median(answerDays[r]))).Append((Share(rows.Count), Median(allAnswerDays))).ToList();

        // Complaints per 1,000 cases: the volume of an administration's own case systems from the extracts (KPI cube), known only
        // when its quarters cover the whole year (CaseVolumes). A rate is never shown next to a hidden complaint count: it would reveal it.
        var cells = await db.KpiCells.AsNoTracking().Where(c => c.Year == year)
            .GroupBy(c => new { c.AdministrationId, c.Quarter }).Select(g => new { g.Key.AdministrationId, g.Key.Quarter, Opened = g.Sum(x => x.Opened) }).ToListAsync(ct);
        var perThousand = rows.Select((r, i) =>
        {
            var complaints = receivedTable.Cell(i, 1);
            var volumes = new CaseVolumes(cells.Where(c => c.AdministrationId == r.Id).Select(c => (Tilsyn.Calendar.ReportingPeriod.ForQuarter(year, c.Quarter), c.Opened)));
            var volume = r.Id is null ? null : volumes.For(Tilsyn.Calendar.ReportingPeriod.ForYear(year));
            var volumeText = volume is null ? new PublicNumber(null, YearFigures.NotMeasured)
                : volume > 0 && volume < threshold ? new PublicNumber(null, SuppressedTable.SmallText(threshold)) : PublicNumber.Of(volume.Value, "N0");
            PublicNumber rate = volume is not > 0 ? new PublicNumber(null, YearFigures.NotMeasured)
                : complaints.Reason == Tilsyn.PublicFigures.SuppressionReason.Primary ? new PublicNumber(null, $"færre end {threshold} klager")
                : complaints.Suppressed ? new PublicNumber(null, PublicCell.SecondaryMarker)
                : volumeText.Value is null ? new PublicNumber(null, volumeText.Display)
                : PublicNumber.Of(CaseVolumes.PerThousand(complaints.Value, volume)!.Value, "0.00");
            return (volumeText, complaints, rate);
        }).ToList();

        return new YearFigures
        {
            Year = year,
            Threshold = threshold,
            PublishedAt = publishedAt,
            Rows = rows,
            Received = receivedTable,
            Categories = categories,
            ByCategory = SuppressedTable.Suppress(labels, [.. categories.Select(c => c.Name)], byCategory, threshold),
            Outcomes = outcomes,
            ByOutcome = SuppressedTable.Suppress(labels, [.. outcomes.Select(CaseTexts.Name)], byOutcome, threshold),
            ServiceGoal = serviceTable,
            ServiceGoalFigures = serviceFigures,
            PerThousand = perThousand,
        };
    }
}
