using Tilsyn.Calendar;
using Tilsyn.Extracts;

namespace Tilsyn.Statistics;

/// <summary>A calendar quarter, e.g. 2025 Q3.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static Quarter Of(DateOnly d) => new(d.Year, (d.Month - 1) / 3 + 1);
    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);
    public int CompareTo(Quarter other) => (Year * 4 + Number).CompareTo(other.Year * 4 + other.Number);
    public override string ToString() => $"{Year} K{Number}";

    /// <summary>The quarter as a <see cref="ReportingPeriod"/> (e.g. to build <see cref="CaseVolumes"/> from the cube).</summary>
    public ReportingPeriod Period => ReportingPeriod.ForQuarter(Year, Number);

    /// <summary>
    /// The cube's quarters that make up <paramref name="period"/> exactly (a quarter, half-year, year, or
    /// a year to date or custom range from a quarter's first day to a quarter's last); null when the
    /// period starts or ends inside a quarter, which the cube cannot answer.
    /// </summary>
    public static (Quarter From, Quarter To)? Spanning(ReportingPeriod period)
    {
        var first = Of(period.From);
        var last = Of(period.To);
        return first.Period.From == period.From && last.Period.To == period.To ? (first, last) : null;
    }
}

/// <summary>The cube's keys: administration × unit × KLE group × case type × quarter.</summary>
public readonly record struct CellKey(int AdministrationId, int UnitId, string KleGroup, string CaseType, Quarter Quarter);

/// <summary>
/// One cell's measures. Cases opened count in the quarter they were opened; decisions, processing
/// times and deadline compliance in the quarter they were decided.
/// </summary>
public sealed class CellStats(DayHistogram days)
{
    public CellStats() : this(new DayHistogram()) { }

    public long Opened { get; set; }
    public long Decided { get; set; }
    public DayHistogram Days { get; } = days;
    /// <summary>Decided cases whose administration × case type has a published deadline.</summary>
    public long WithDeadline { get; set; }
    public long WithinDeadline { get; set; }

    /// <summary>Share of decided cases (with a deadline) decided within it; null when none had one.</summary>
    public double? OnTimeShare => WithDeadline == 0 ? null : (double)WithinDeadline / WithDeadline;

    public void Merge(CellStats o)
    {
        Opened += o.Opened;
        Decided += o.Decided;
        Days.Merge(o.Days);
        WithDeadline += o.WithDeadline;
        WithinDeadline += o.WithinDeadline;
    }
}

/// <summary>
/// The KPI cube: cells of counts and processing-time histograms. Memory grows with the number of
/// cells and the longest processing time, never with the number of rows. <see cref="Add(in ExtractRow, int?)"/>
/// is the cube's definition, row by row; the import folds rows faster with
/// <see cref="Extracts.ExtractFolder"/>, which the tests check against this definition.
/// </summary>
public sealed class KpiCube
{
    public const string NoKle = "";
    public Dictionary<CellKey, CellStats> Cells { get; } = [];

    /// <param name="deadlineDays">The published deadline in calendar days for the row's administration and case type, if any.</param>
    public void Add(in ExtractRow row, int? deadlineDays)
    {
        var kle = row.KleGroup ?? NoKle;
        Cell(new CellKey(row.AdministrationId, row.UnitId, kle, row.CaseType, Quarter.Of(row.Opened))).Opened++;
        if (row.Decided is { } decided)
        {
            var c = Cell(new CellKey(row.AdministrationId, row.UnitId, kle, row.CaseType, Quarter.Of(decided)));
            var days = decided.DayNumber - row.Opened.DayNumber;
            c.Decided++;
            c.Days.Add(days);
            if (deadlineDays is { } limit)
            {
                c.WithDeadline++;
                if (days <= limit) c.WithinDeadline++;
            }
        }
    }

    /// <summary>Adds one cell's measures (counted from other rows of the same file); the cube may keep <paramref name="stats"/> itself.</summary>
    public void Add(CellKey key, CellStats stats)
    {
        if (Cells.TryGetValue(key, out var c)) c.Merge(stats);
        else Cells[key] = stats;
    }

    private CellStats Cell(CellKey key)
    {
        if (!Cells.TryGetValue(key, out var c)) Cells[key] = c = new CellStats();
        return c;
    }
}
