using System.Runtime.InteropServices;
using Tilsyn.Statistics;

namespace Tilsyn.Extracts;

/// <summary>One row's fields as text, straight from the parser's buffer (nothing copied). An unmapped optional column is empty.</summary>
public ref struct RowSpans
{
    public ReadOnlySpan<char> CaseId, Administration, Unit, Kle, CaseType, Opened, Decided, Closed;
}

/// <summary>
/// Folds the rows of one part of an extract into a KPI cube, with every name turned into a number
/// once. An extract repeats a few hundred names millions of times, so a row whose fields are all
/// known, well-formed and in order is checked and counted without making a string
/// (<see cref="TryFold"/>). Any other row is left to <see cref="ExtractRowValidator"/>, the one
/// authority on what is wrong with a row; the rows it accepts are counted with <see cref="Fold"/>.
/// The fast check accepts exactly the rows the validator accepts, and reads them the same way (tested
/// row by row against it). Not thread-safe: one folder per worker, merged with <see cref="AddTo"/>.
/// </summary>
public sealed class ExtractFolder
{
    /// <summary>No more distinct texts per column than this are remembered (a file of all-different bad names must not fill memory).</summary>
    private const int MaxRemembered = 100_000;
    /// <summary>A longer text is not remembered (no name is this long; a file of megabyte cells must not fill memory).</summary>
    internal const int MaxRememberedLength = 256;
    private const int Unknown = -1;

    private readonly OrganisationLookup org;
    private readonly DateOnly from, to;
    private readonly Func<int, string, int?> deadlineDays;

    // Raw field text → what it means (Unknown: the validator must look at the row).
    private readonly Memo administrations = new(), unitTexts = new(), kleTexts = new(), caseTypeTexts = new();
    // Trimmed unit names (index from unitTexts), then (administration, that index) → unit id.
    private readonly List<string> unitNames = [];
    private readonly Dictionary<(int Administration, int Name), int> units = [];
    // The strings the cube keeps: KLE groups (0 = none) and case types.
    private readonly List<string?> kleGroups = [null];
    private readonly Dictionary<string, int> kleGroupIndex = new(StringComparer.Ordinal);
    private readonly List<string> caseTypes = [];
    private readonly Dictionary<string, int> caseTypeIndex = new(StringComparer.Ordinal);

    public ExtractFolder(OrganisationLookup org, DateOnly from, DateOnly to, Func<int, string, int?> deadlineDays)
    {
        (this.org, this.from, this.to, this.deadlineDays) = (org, from, to, deadlineDays);
        firstQuarter = QuarterNumber(from);
        quarterSlots = Math.Clamp(QuarterNumber(to) - firstQuarter + 1 + 8, 1, 64);
        firstDay = from.DayNumber;
        quarterOfDay = new int[Math.Clamp(Math.Min(to.DayNumber + 3653, DateOnly.MaxValue.DayNumber) - firstDay + 1, 1, 40_000)];
        for (var i = 0; i < quarterOfDay.Length; i++) quarterOfDay[i] = QuarterNumber(DateOnly.FromDayNumber(firstDay + i));
    }

    /// <summary>
    /// Checks and counts a row whose every field is known and well-formed. False means nothing was
    /// counted and the row must go through <see cref="ExtractRowValidator"/> (it may still be valid,
    /// e.g. a date in a rarer format).
    /// </summary>
    public bool TryFold(scoped in RowSpans row, out ExtractRow folded)
    {
        folded = default;
        if (row.CaseId.Trim().IsEmpty) return false;
        var admin = administrations.Get(row.Administration, this, static (f, t) => f.AdministrationOf(t));
        if (admin == Unknown) return false;
        var unitName = unitTexts.Get(row.Unit, this, static (f, t) => f.UnitNameOf(t));
        if (unitName == Unknown) return false;
        if (!units.TryGetValue((admin, unitName), out var unit))
            units[(admin, unitName)] = unit = org.Unit(admin, unitNames[unitName]) ?? Unknown;
        if (unit == Unknown) return false;
        var kle = row.Kle.IsEmpty ? 0 : kleTexts.Get(row.Kle, this, static (f, t) => f.KleOf(t));
        if (kle == Unknown) return false;
        var caseType = caseTypeTexts.Get(row.CaseType, this, static (f, t) => f.CaseTypeOf(t));
        if (caseType == Unknown) return false;
        if (!ExtractDates.TryParse(row.Opened, out var opened) || opened < from || opened > to) return false;
        DateOnly? decided = null, closed = null;
        if (!row.Decided.Trim().IsEmpty)
        {
            if (!ExtractDates.TryParse(row.Decided, out var d) || d < opened) return false;
            decided = d;
        }
        if (!row.Closed.Trim().IsEmpty)
        {
            if (!ExtractDates.TryParse(row.Closed, out var c) || c < opened) return false;
            closed = c;
        }
        Count(admin, unit, kle, caseType, opened, decided);
        folded = new ExtractRow(admin, unit, kleGroups[kle], caseTypes[caseType], opened, decided, closed);
        return true;
    }

    /// <summary>Counts a row the validator has accepted.</summary>
    public void Fold(in ExtractRow row) =>
        Count(row.AdministrationId, row.UnitId, row.KleGroup is null ? 0 : KleIndex(row.KleGroup), CaseTypeIndex(row.CaseType), row.Opened, row.Decided);

    /// <summary>Adds another part of the same file (folded by another worker) into this one.</summary>
    public void Merge(ExtractFolder other)
    {
        var into = new int[other.cellCount]; // the other part's cell → this part's cell
        for (var c = 0; c < other.cellCount; c++)
        {
            var (otherGroup, quarter) = other.cellKeys[c];
            var ids = other.groupKeys[otherGroup];
            var group = GroupOf(new GroupIds(ids.Administration, ids.Unit,
                other.kleGroups[ids.Kle] is { } kle ? KleIndex(kle) : 0, CaseTypeIndex(other.caseTypes[ids.CaseType])));
            var cell = into[c] = CellOf(group, quarter);
            opened[cell] += other.opened[c];
            ref var mine = ref decisions[cell];
            var theirs = other.decisions[c];
            (mine.Decided, mine.WithDeadline, mine.WithinDeadline) = (mine.Decided + theirs.Decided, mine.WithDeadline + theirs.WithDeadline, mine.WithinDeadline + theirs.WithinDeadline);
            var from = other.DenseOf(c);
            var to = DenseOf(cell);
            for (var d = 0; d < DenseDays; d++)
            {
                var sum = to[d] + from[d];
                if (sum > ushort.MaxValue)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(wrapped, (long)cell << 32 | (uint)d, out _) += Wrap;
                    sum -= Wrap;
                }
                to[d] = (ushort)sum;
            }
        }
        foreach (var (key, n) in other.tail) CollectionsMarshal.GetValueRefOrAddDefault(tail, (long)into[(int)(key >> 32)] << 32 | (uint)key, out _) += n;
        foreach (var (key, n) in other.wrapped) CollectionsMarshal.GetValueRefOrAddDefault(wrapped, (long)into[(int)(key >> 32)] << 32 | (uint)key, out _) += n;
    }

    /// <summary>Adds the cells to a cube.</summary>
    public void AddTo(KpiCube cube)
    {
        // The long processing times in order of cell, then days: each cell's share is one slice.
        var longer = tail.Select(kv => (Key: kv.Key, Count: kv.Value)).ToArray();
        Array.Sort(longer, (a, b) => a.Key.CompareTo(b.Key));
        var next = 0;
        var slice = new List<(int Days, long Count)>();
        var days = new long[DenseDays];
        for (var c = 0; c < cellCount; c++)
        {
            slice.Clear();
            for (; next < longer.Length && (int)(longer[next].Key >> 32) == c; next++) slice.Add(((int)longer[next].Key, longer[next].Count));
            var dense = DenseOf(c);
            for (var d = 0; d < DenseDays; d++) days[d] = dense[d];
            if (wrapped.Count > 0)
                for (var d = 0; d < DenseDays; d++) days[d] += wrapped.GetValueOrDefault((long)c << 32 | (uint)d);
            var (group, quarter) = cellKeys[c];
            var ids = groupKeys[group];
            var counted = decisions[c];
            var stats = new CellStats(new DayHistogram(days, CollectionsMarshal.AsSpan(slice)))
            {
                Opened = opened[c], Decided = counted.Decided, WithDeadline = counted.WithDeadline, WithinDeadline = counted.WithinDeadline,
            };
            cube.Add(new CellKey(ids.Administration, ids.Unit, kleGroups[ids.Kle] ?? KpiCube.NoKle, caseTypes[ids.CaseType], new Quarter(quarter / 4, quarter % 4 + 1)), stats);
        }
    }

    // The cells, kept flat and small for speed: ten million rows touch the same tens of thousands of
    // cells at random, so each row should reach its counters in few memory loads, and the counters
    // should fit in the processor's caches. A group is a cell without its quarter; each group has a
    // slot per quarter of the period (and two years after it) holding its cell's number, so the
    // opening and the decision quarter of a row share one group look-up.
    private const int DenseDays = DayHistogram.DenseDays, PageBits = 8, PageMask = (1 << PageBits) - 1, Wrap = ushort.MaxValue + 1, NoDeadline = int.MinValue;
    private readonly Dictionary<GroupIds, int> groups = [];
    private readonly List<GroupIds> groupKeys = [];
    private int[] groupDeadline = new int[64];
    private int[] slots = [];
    private readonly int firstQuarter, quarterSlots;
    private readonly Dictionary<(int Group, int Quarter), int> otherQuarters = [];
    // Per cell: openings; decisions; which group and quarter it is (only read at the end).
    private long[] opened = new long[256];
    private Decisions[] decisions = new Decisions[256];
    private (int Group, int Quarter)[] cellKeys = new (int, int)[256];
    // Cases per processing time below DenseDays, per cell, as 16-bit counts in pages of 256 cells (a page
    // is allocated once and never copied); each time a count passes 65,535 it starts again from 0 and
    // 'wrapped' keeps the 65,536. Longer times are in 'tail'. Both keyed by cell << 32 | days.
    private ushort[][] dense = [];
    private readonly Dictionary<long, long> wrapped = new(MixedKey.Instance);
    private readonly Dictionary<long, long> tail = new(MixedKey.Instance);
    private int cellCount;
    // The quarter of each day from the period's start to ten years after its end (dates beyond are worked out).
    private readonly int firstDay;
    private readonly int[] quarterOfDay;

    private void Count(int admin, int unit, int kle, int caseType, DateOnly openedOn, DateOnly? decidedOn)
    {
        var group = GroupOf(new GroupIds(admin, unit, kle, caseType));
        var openedIn = CellOf(group, QuarterOf(openedOn)); // before indexing: a new cell may grow the arrays
        opened[openedIn]++;
        if (decidedOn is not { } d) return;
        var cell = CellOf(group, QuarterOf(d));
        var days = d.DayNumber - openedOn.DayNumber;
        ref var c = ref decisions[cell];
        c.Decided++;
        if (days < DenseDays)
        {
            ref var n = ref dense[cell >> PageBits][(cell & PageMask) * DenseDays + days];
            if (++n == 0) CollectionsMarshal.GetValueRefOrAddDefault(wrapped, (long)cell << 32 | (uint)days, out _) += Wrap;
        }
        else CollectionsMarshal.GetValueRefOrAddDefault(tail, (long)cell << 32 | (uint)days, out _)++;
        if (groupDeadline[group] is not NoDeadline and var limit)
        {
            c.WithDeadline++;
            if (days <= limit) c.WithinDeadline++;
        }
    }

    private int QuarterOf(DateOnly d) => (uint)(d.DayNumber - firstDay) < (uint)quarterOfDay.Length ? quarterOfDay[d.DayNumber - firstDay] : QuarterNumber(d);

    private static int QuarterNumber(DateOnly d)
    {
        d.Deconstruct(out var year, out var month, out _);
        return year * 4 + (month - 1) / 3;
    }

    private int GroupOf(GroupIds ids)
    {
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, ids, out var exists);
        if (exists) return group;
        group = groupKeys.Count;
        groupKeys.Add(ids);
        if (group == groupDeadline.Length) Array.Resize(ref groupDeadline, group * 2);
        groupDeadline[group] = deadlineDays(ids.Administration, caseTypes[ids.CaseType]) ?? NoDeadline;
        if ((group + 1) * quarterSlots > slots.Length)
        {
            var old = slots.Length;
            Array.Resize(ref slots, Math.Max(64, (group + 1) * 2) * quarterSlots);
            slots.AsSpan(old).Fill(-1);
        }
        return group;
    }

    private int CellOf(int group, int quarter)
    {
        var slot = quarter - firstQuarter;
        if ((uint)slot < (uint)quarterSlots)
        {
            ref var at = ref slots[group * quarterSlots + slot];
            return at >= 0 ? at : at = NewCell(group, quarter);
        }
        ref var other = ref CollectionsMarshal.GetValueRefOrAddDefault(otherQuarters, (group, quarter), out var exists);
        return exists ? other : other = NewCell(group, quarter);
    }

    private int NewCell(int group, int quarter)
    {
        if (cellCount == opened.Length)
        {
            Array.Resize(ref opened, cellCount * 2);
            Array.Resize(ref decisions, cellCount * 2);
            Array.Resize(ref cellKeys, cellCount * 2);
        }
        if ((cellCount & PageMask) == 0)
        {
            Array.Resize(ref dense, dense.Length + 1);
            dense[^1] = new ushort[(PageMask + 1) * DenseDays];
        }
        cellKeys[cellCount] = (group, quarter);
        return cellCount++;
    }

    private Span<ushort> DenseOf(int cell) => dense[cell >> PageBits].AsSpan((cell & PageMask) * DenseDays, DenseDays);

    /// <summary>(cell, days) packed in a long: the default hash (high XOR low half) would put most of them in a few buckets.</summary>
    private sealed class MixedKey : IEqualityComparer<long>
    {
        public static readonly MixedKey Instance = new();
        public bool Equals(long x, long y) => x == y;
        public int GetHashCode(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32);
    }

    private readonly record struct GroupIds(int Administration, int Unit, int Kle, int CaseType);

    private struct Decisions
    {
        public long Decided, WithDeadline, WithinDeadline;
    }

    // What a field's text means, as the validator reads it (trimmed; blank is missing).
    private int AdministrationOf(string text) => text.Trim() is { Length: > 0 } t ? org.Administration(t) ?? Unknown : Unknown;

    private int UnitNameOf(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return Unknown;
        unitNames.Add(t);
        return unitNames.Count - 1;
    }

    private int KleOf(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return 0;
        var (ok, group) = org.KleGroup(t);
        return ok ? group is null ? 0 : KleIndex(group) : Unknown;
    }

    private int CaseTypeOf(string text) => text.Trim() is { Length: > 0 and <= ExtractRowValidator.MaxCaseTypeLength } t ? CaseTypeIndex(t) : Unknown;

    private int KleIndex(string group)
    {
        if (!kleGroupIndex.TryGetValue(group, out var i))
        {
            kleGroupIndex[group] = i = kleGroups.Count;
            kleGroups.Add(group);
        }
        return i;
    }

    private int CaseTypeIndex(string caseType)
    {
        if (!caseTypeIndex.TryGetValue(caseType, out var i))
        {
            caseTypeIndex[caseType] = i = caseTypes.Count;
            caseTypes.Add(caseType);
        }
        return i;
    }

    /// <summary>Raw text → number, looked up by span so a known text costs one hash and no string.</summary>
    private sealed class Memo
    {
        private readonly Dictionary<string, int> map = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public Memo() => lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Get(ReadOnlySpan<char> text, ExtractFolder folder, Func<ExtractFolder, string, int> meaning)
        {
            if (lookup.TryGetValue(text, out var value)) return value;
            // Full, or a text longer than any name: the validator reads the row (slower, but memory stays bounded).
            if (map.Count >= MaxRemembered || text.Length > MaxRememberedLength) return Unknown;
            var s = text.ToString();
            return map[s] = meaning(folder, s);
        }
    }
}
