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
        firstQuarter = QuarterOf(from);
        quarterSlots = Math.Clamp(QuarterOf(to) - firstQuarter + 1 + 8, 1, 64);
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
        for (var c = 0; c < other.cellCount; c++)
        {
            var o = other.counts[c];
            var ids = other.groupKeys[o.Group];
            var group = GroupOf(new GroupIds(ids.Administration, ids.Unit,
                other.kleGroups[ids.Kle] is { } kle ? KleIndex(kle) : 0, CaseTypeIndex(other.caseTypes[ids.CaseType])));
            var cell = CellOf(group, o.Quarter);
            ref var mine = ref counts[cell];
            mine.Opened += o.Opened;
            mine.Decided += o.Decided;
            mine.WithDeadline += o.WithDeadline;
            mine.WithinDeadline += o.WithinDeadline;
            var from = other.DenseOf(c);
            var to = DenseOf(cell);
            for (var d = 0; d < DenseDays; d++) to[d] += from[d];
            other.tailCells[c] = cell;
        }
        foreach (var (key, n) in other.tail)
            CollectionsMarshal.GetValueRefOrAddDefault(tail, (long)other.tailCells[(int)(key >> 32)] << 32 | (uint)key, out _) += n;
    }

    /// <summary>Adds the cells to a cube.</summary>
    public void AddTo(KpiCube cube)
    {
        // The long processing times in order of cell, then days: each cell's share is one slice.
        var longer = tail.Select(kv => (Key: kv.Key, Count: kv.Value)).ToArray();
        Array.Sort(longer, (a, b) => a.Key.CompareTo(b.Key));
        var next = 0;
        var slice = new List<(int Days, long Count)>();
        for (var c = 0; c < cellCount; c++)
        {
            slice.Clear();
            for (; next < longer.Length && (int)(longer[next].Key >> 32) == c; next++) slice.Add(((int)longer[next].Key, longer[next].Count));
            var cell = counts[c];
            var ids = groupKeys[cell.Group];
            var stats = new CellStats(new DayHistogram(DenseOf(c), CollectionsMarshal.AsSpan(slice)))
            {
                Opened = cell.Opened, Decided = cell.Decided, WithDeadline = cell.WithDeadline, WithinDeadline = cell.WithinDeadline,
            };
            cube.Add(new CellKey(ids.Administration, ids.Unit, kleGroups[ids.Kle] ?? KpiCube.NoKle, caseTypes[ids.CaseType], new Quarter(cell.Quarter / 4, cell.Quarter % 4 + 1)), stats);
        }
    }

    private Span<int> DenseOf(int cell) => dense[cell >> PageBits].AsSpan((cell & PageMask) * DenseDays, DenseDays);

    // The cells, kept flat for speed: ten million rows touch the same few thousand cells at random,
    // so each row should reach its cell in as few memory loads as possible. A group is a cell without
    // its quarter; each group has a slot per quarter of the period (and two years after it) holding
    // its cell's number, so the opening and the decision quarter of a row share one group look-up.
    private const int DenseDays = DayHistogram.DenseDays, PageBits = 8, PageMask = (1 << PageBits) - 1;
    private readonly Dictionary<GroupIds, int> groups = [];
    private readonly List<GroupIds> groupKeys = [];
    private int[] groupDeadline = new int[64];
    private int[] slots = [];
    private readonly int firstQuarter, quarterSlots;
    private readonly Dictionary<(int Group, int Quarter), int> otherQuarters = [];
    private CellCounts[] counts = new CellCounts[256];
    // Day counts below DenseDays, per cell, in pages of 256 cells (a page is allocated once and never copied).
    private int[][] dense = [];
    private readonly Dictionary<long, long> tail = new(MixedKey.Instance);
    private int[] tailCells = new int[256]; // used by Merge: this part's cell → the cell it was merged into
    private int cellCount;

    private void Count(int admin, int unit, int kle, int caseType, DateOnly opened, DateOnly? decided)
    {
        var group = GroupOf(new GroupIds(admin, unit, kle, caseType));
        var openedIn = CellOf(group, QuarterOf(opened)); // before indexing: a new cell may grow the arrays
        counts[openedIn].Opened++;
        if (decided is not { } d) return;
        var cell = CellOf(group, QuarterOf(d));
        var days = d.DayNumber - opened.DayNumber;
        ref var c = ref counts[cell];
        c.Decided++;
        if (days < DenseDays) dense[cell >> PageBits][(cell & PageMask) * DenseDays + days]++;
        else CollectionsMarshal.GetValueRefOrAddDefault(tail, (long)cell << 32 | (uint)days, out _)++;
        if (groupDeadline[group] is >= 0 and var limit)
        {
            c.WithDeadline++;
            if (days <= limit) c.WithinDeadline++;
        }
    }

    private static int QuarterOf(DateOnly d)
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
        groupDeadline[group] = deadlineDays(ids.Administration, caseTypes[ids.CaseType]) ?? -1;
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
        if (cellCount == counts.Length)
        {
            Array.Resize(ref counts, cellCount * 2);
            Array.Resize(ref tailCells, cellCount * 2);
        }
        if ((cellCount & PageMask) == 0)
        {
            Array.Resize(ref dense, dense.Length + 1);
            dense[^1] = new int[(PageMask + 1) * DenseDays];
        }
        counts[cellCount] = new CellCounts { Group = group, Quarter = quarter };
        return cellCount++;
    }

    /// <summary>(cell, days) packed in a long: the default hash (high XOR low half) would put most of them in a few buckets.</summary>
    private sealed class MixedKey : IEqualityComparer<long>
    {
        public static readonly MixedKey Instance = new();
        public bool Equals(long x, long y) => x == y;
        public int GetHashCode(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32);
    }

    private readonly record struct GroupIds(int Administration, int Unit, int Kle, int CaseType);

    private struct CellCounts
    {
        public long Opened, Decided, WithDeadline, WithinDeadline;
        public int Group, Quarter;
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

    private int CaseTypeOf(string text) => text.Trim() is { Length: > 0 } t ? CaseTypeIndex(t) : Unknown;

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
            // Full: the validator reads the row (slower, but memory stays bounded).
            if (map.Count >= MaxRemembered) return Unknown;
            var s = text.ToString();
            return map[s] = meaning(folder, s);
        }
    }
}
