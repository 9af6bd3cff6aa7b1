namespace Tilsyn.PublicFigures;

/// <summary>Why a public cell is hidden.</summary>
public enum SuppressionReason
{
    /// <summary>Published.</summary>
    None = 0,
    /// <summary>The count itself is from 1 to threshold − 1: it could be a person.</summary>
    Primary = 1,
    /// <summary>Hidden so that a primary cell in the same row or column cannot be worked out from the totals.</summary>
    Secondary = 2,
}

/// <summary>One cell of a public table: its count (kept for the computation, never shown when suppressed), why it is hidden, and what is shown.</summary>
public readonly record struct PublicCell(long Value, SuppressionReason Reason, string Display)
{
    public bool Suppressed => Reason != SuppressionReason.None;

    /// <summary>The published count, or null when suppressed.</summary>
    public long? Published => Suppressed ? null : Value;

    /// <summary>The marker a secondary suppressed cell shows (the convention of Danmarks Statistik for "cannot be published").</summary>
    public const string SecondaryMarker = "..";
}

/// <summary>
/// Small-number suppression (<i>diskretionering</i>) of a table of counts with row and column
/// totals, for the public site and open data (issue 16: "small numbers are never a person").
/// <para><b>Primary</b>: every count from 1 to <c>threshold − 1</c> (default 5), the totals included,
/// is hidden and shown as "&lt;5" (built from the threshold). <b>0 stays 0</b>: a zero says that
/// nobody complained, which points at no person; hiding zeros would also hide most of the table
/// and make the other suppressions easier to undo by elimination.</para>
/// <para><b>Secondary</b>: a hidden cell must not be derivable from the published cells. The table
/// is read as a grid of (rows + 1) × (columns + 1) cells, the last row and column being the totals;
/// every row and every column of that grid is an equation (the cells add up to the total). A hidden
/// cell can be worked out exactly when it is the only hidden cell of a line, and more generally when
/// it is a <i>bridge</i> in the bipartite graph whose nodes are the lines and whose edges are the
/// hidden cells (a hidden cell on no cycle of hidden cells is fixed by the sums; one on a cycle can be
/// moved by +d/−d around the cycle without changing any published figure). So the rule is applied in
/// two steps, repeated until neither applies: (1) a line with exactly one hidden cell gets a second
/// one: its smallest non-zero published cell (ties: an inner cell before the total, then the first
/// in reading order; a zero only if nothing else is left); (2) a hidden cell that is still a bridge
/// gets a cycle: the smallest published cell joining the two sides of the bridge. The grand total
/// is part of both the total row and the total column, so a published grand total with a single
/// hidden cell elsewhere in the table is handled by the same rule. Secondary cells show
/// <see cref="PublicCell.SecondaryMarker"/> (".."), never "&lt;5", which would be untrue.</para>
/// <para><b>Below the administration</b> (units, institutions) nothing is published at all on the
/// public site: the public figures are built per administration only, so a unit's few cases can
/// never be read off a public table. This class does not know the level; the callers never give it units.</para>
/// <para>Not covered (a known limit of cell suppression): the ranges a reader can still infer (a
/// primary cell is 1–4; a secondary one is the total minus the others' possible values).</para>
/// </summary>
public sealed class SuppressedTable
{
    public int Threshold { get; }
    public IReadOnlyList<string> Rows { get; }
    public IReadOnlyList<string> Columns { get; }
    private readonly PublicCell[,] grid; // (Rows + 1) × (Columns + 1): last row and column are the totals

    private SuppressedTable(int threshold, IReadOnlyList<string> rows, IReadOnlyList<string> columns, PublicCell[,] grid) =>
        (Threshold, Rows, Columns, this.grid) = (threshold, rows, columns, grid);

    /// <summary>The inner cell of row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public PublicCell Cell(int row, int column) => grid[Check(row, Rows.Count), Check(column, Columns.Count)];

    /// <summary>The total of a row (the sum of its cells).</summary>
    public PublicCell RowTotal(int row) => grid[Check(row, Rows.Count), Columns.Count];

    /// <summary>The total of a column.</summary>
    public PublicCell ColumnTotal(int column) => grid[Rows.Count, Check(column, Columns.Count)];

    public PublicCell GrandTotal => grid[Rows.Count, Columns.Count];

    /// <summary>Any cell of the grid with its totals: row index <c>Rows.Count</c> is the total row, column index <c>Columns.Count</c> the total column.</summary>
    public PublicCell At(int row, int column) => grid[Check(row, Rows.Count + 1), Check(column, Columns.Count + 1)];

    /// <summary>The text shown for a primary suppressed cell: "&lt;5" for threshold 5.</summary>
    public static string SmallText(int threshold) => "<" + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int Check(int i, int count) => i >= 0 && i < count ? i : throw new ArgumentOutOfRangeException(nameof(i));

    /// <summary>
    /// Suppresses <paramref name="counts"/> (rows × columns, no totals: they are computed here) with
    /// <paramref name="threshold"/> (at least 2; 5 by default: 1–4 are hidden).
    /// </summary>
    public static SuppressedTable Suppress(IReadOnlyList<string> rows, IReadOnlyList<string> columns, long[,] counts, int threshold = 5)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (threshold < 2) throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold must be at least 2.");
        int r = rows.Count, c = columns.Count;
        if (counts.GetLength(0) != r || counts.GetLength(1) != c) throw new ArgumentException("The counts do not match the rows and columns.", nameof(counts));
        var values = new long[r + 1, c + 1];
        for (var i = 0; i < r; i++)
            for (var j = 0; j < c; j++)
            {
                if (counts[i, j] < 0) throw new ArgumentException("Counts cannot be negative.", nameof(counts));
                values[i, j] = counts[i, j];
                values[i, c] += counts[i, j];
                values[r, j] += counts[i, j];
                values[r, c] += counts[i, j];
            }
        var reasons = new SuppressionReason[r + 1, c + 1];
        for (var i = 0; i <= r; i++)
            for (var j = 0; j <= c; j++)
                if (values[i, j] >= 1 && values[i, j] < threshold) reasons[i, j] = SuppressionReason.Primary;
        new Secondary(values, reasons).Run();
        var small = SmallText(threshold);
        var grid = new PublicCell[r + 1, c + 1];
        for (var i = 0; i <= r; i++)
            for (var j = 0; j <= c; j++)
                grid[i, j] = new PublicCell(values[i, j], reasons[i, j], reasons[i, j] switch
                {
                    SuppressionReason.Primary => small,
                    SuppressionReason.Secondary => PublicCell.SecondaryMarker,
                    _ => values[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
        return new SuppressedTable(threshold, rows, columns, grid);
    }

    /// <summary>
    /// Whether the hidden cell at (<paramref name="row"/>, <paramref name="column"/>) of the grid (totals included)
    /// could be worked out exactly from the published figures: true when it is a bridge of the hidden cells' graph.
    /// </summary>
    public bool IsDerivable(int row, int column)
    {
        int r = Rows.Count, c = Columns.Count;
        var hidden = new bool[r + 1, c + 1];
        for (var i = 0; i <= r; i++) for (var j = 0; j <= c; j++) hidden[i, j] = grid[i, j].Suppressed;
        return hidden[row, column] && IsBridge(hidden, row, column);
    }

    /// <summary>Nodes 0..R are the row lines, R+1..R+1+C the column lines; a hidden cell (i, j) joins row i and column j.</summary>
    private static bool IsBridge(bool[,] hidden, int row, int column)
    {
        int rows = hidden.GetLength(0), cols = hidden.GetLength(1);
        // Is column `column` still reachable from row `row` without the edge (row, column)?
        var seenRow = new bool[rows];
        var seenCol = new bool[cols];
        var queue = new Queue<(bool IsRow, int Index)>();
        seenRow[row] = true;
        queue.Enqueue((true, row));
        while (queue.Count > 0)
        {
            var (isRow, k) = queue.Dequeue();
            if (isRow)
            {
                for (var j = 0; j < cols; j++)
                    if (hidden[k, j] && !(k == row && j == column) && !seenCol[j]) { seenCol[j] = true; queue.Enqueue((false, j)); }
            }
            else
            {
                for (var i = 0; i < rows; i++)
                    if (hidden[i, k] && !(i == row && k == column) && !seenRow[i]) { seenRow[i] = true; queue.Enqueue((true, i)); }
            }
        }
        return !seenCol[column];
    }

    private sealed class Secondary(long[,] values, SuppressionReason[,] reasons)
    {
        private readonly int rows = values.GetLength(0);
        private readonly int cols = values.GetLength(1);

        private bool Hidden(int i, int j) => reasons[i, j] != SuppressionReason.None;

        public void Run()
        {
            while (true)
            {
                if (FixLoneCell()) continue;
                if (FixBridge()) continue;
                return;
            }
        }

        /// <summary>Step 1: the first line (rows, then columns) with exactly one hidden cell gets a second.</summary>
        private bool FixLoneCell()
        {
            for (var i = 0; i < rows; i++)
            {
                var line = Enumerable.Range(0, cols).Select(j => (i, j)).ToList();
                if (line.Count(x => Hidden(x.i, x.j)) == 1 && HideBest(line)) return true;
            }
            for (var j = 0; j < cols; j++)
            {
                var line = Enumerable.Range(0, rows).Select(i => (i, j)).ToList();
                if (line.Count(x => Hidden(x.i, x.j)) == 1 && HideBest(line)) return true;
            }
            return false;
        }

        /// <summary>Step 2: the first hidden cell that is still a bridge gets a cycle through a cell joining its two sides.</summary>
        private bool FixBridge()
        {
            var hidden = new bool[rows, cols];
            for (var i = 0; i < rows; i++) for (var j = 0; j < cols; j++) hidden[i, j] = Hidden(i, j);
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < cols; j++)
                {
                    if (!hidden[i, j] || !IsBridge(hidden, i, j)) continue;
                    // The two sides of the bridge: what row i reaches without it, and what column j reaches.
                    var (rowsA, colsA) = Side(hidden, true, i, i, j);
                    var (rowsB, colsB) = Side(hidden, false, j, i, j);
                    var candidates = new List<(int, int)>();
                    for (var a = 0; a < rows; a++)
                        for (var b = 0; b < cols; b++)
                            if (!hidden[a, b] && ((rowsA[a] && colsB[b]) || (rowsB[a] && colsA[b]))) candidates.Add((a, b));
                    if (HideBest(candidates)) return true;
                }
            return false;
        }

        /// <summary>The lines reachable from a start line through hidden cells, without the cell (row, column).</summary>
        private (bool[] Rows, bool[] Cols) Side(bool[,] hidden, bool startIsRow, int start, int row, int column)
        {
            var seenRow = new bool[rows];
            var seenCol = new bool[cols];
            var queue = new Queue<(bool, int)>();
            if (startIsRow) seenRow[start] = true; else seenCol[start] = true;
            queue.Enqueue((startIsRow, start));
            while (queue.Count > 0)
            {
                var (isRow, k) = queue.Dequeue();
                if (isRow)
                {
                    for (var j = 0; j < cols; j++)
                        if (hidden[k, j] && !(k == row && j == column) && !seenCol[j]) { seenCol[j] = true; queue.Enqueue((false, j)); }
                }
                else
                {
                    for (var i = 0; i < rows; i++)
                        if (hidden[i, k] && !(i == row && k == column) && !seenRow[i]) { seenRow[i] = true; queue.Enqueue((true, i)); }
                }
            }
            return (seenRow, seenCol);
        }

        /// <summary>Hides the smallest non-zero published cell of <paramref name="cells"/> (inner cells before totals, then reading order); a zero only when nothing else is left.</summary>
        private bool HideBest(IEnumerable<(int i, int j)> cells)
        {
            var best = cells.Where(x => !Hidden(x.i, x.j))
                .OrderBy(x => values[x.i, x.j] == 0 ? 1 : 0)
                .ThenBy(x => values[x.i, x.j])
                .ThenBy(x => x.i == rows - 1 || x.j == cols - 1 ? 1 : 0)
                .ThenBy(x => x.i).ThenBy(x => x.j)
                .Select(x => ((int, int)?)x).FirstOrDefault();
            if (best is not { } b) return false;
            reasons[b.Item1, b.Item2] = SuppressionReason.Secondary;
            return true;
        }
    }
}
