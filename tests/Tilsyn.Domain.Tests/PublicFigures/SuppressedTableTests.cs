using Tilsyn.PublicFigures;

namespace Tilsyn.Domain.Tests.PublicFigures;

public sealed class SuppressedTableTests
{
    private static SuppressedTable Table(long[,] counts, int threshold = 5) =>
        SuppressedTable.Suppress([.. Enumerable.Range(0, counts.GetLength(0)).Select(i => $"r{i}")], [.. Enumerable.Range(0, counts.GetLength(1)).Select(j => $"c{j}")], counts, threshold);

    /// <summary>
    /// The recomputation attack: for every hidden cell, solve the published equations (each row and
    /// column of the grid adds up to its total) by repeatedly filling a line with one unknown, and
    /// check by the graph rule that no hidden cell is fixed by the sums.
    /// </summary>
    private static void AssertNothingDerivable(SuppressedTable t)
    {
        int r = t.Rows.Count, c = t.Columns.Count;
        var known = new long?[r + 1, c + 1];
        for (var i = 0; i <= r; i++) for (var j = 0; j <= c; j++) known[i, j] = t.At(i, j).Published;
        bool progress;
        do
        {
            progress = false;
            for (var i = 0; i <= r; i++)
            {
                var unknown = Enumerable.Range(0, c + 1).Where(j => known[i, j] is null).ToList();
                if (unknown.Count != 1) continue;
                var j0 = unknown[0];
                long inner = Enumerable.Range(0, c).Where(j => j != j0).Sum(j => known[i, j]!.Value);
                known[i, j0] = j0 == c ? inner : known[i, c]!.Value - inner;
                progress = true;
            }
            for (var j = 0; j <= c; j++)
            {
                var unknown = Enumerable.Range(0, r + 1).Where(i => known[i, j] is null).ToList();
                if (unknown.Count != 1) continue;
                var i0 = unknown[0];
                long inner = Enumerable.Range(0, r).Where(i => i != i0).Sum(i => known[i, j]!.Value);
                known[i0, j] = i0 == r ? inner : known[r, j]!.Value - inner;
                progress = true;
            }
        } while (progress);
        for (var i = 0; i <= r; i++)
            for (var j = 0; j <= c; j++)
            {
                if (!t.At(i, j).Suppressed) continue;
                Assert.True(known[i, j] is null, $"The hidden cell ({i}, {j}) can be worked out from the published sums.");
                Assert.False(t.IsDerivable(i, j), $"The hidden cell ({i}, {j}) is fixed by the sums (a bridge).");
            }
        // Every line of the grid has no hidden cell or at least two.
        for (var i = 0; i <= r; i++) Assert.NotEqual(1, Enumerable.Range(0, c + 1).Count(j => t.At(i, j).Suppressed));
        for (var j = 0; j <= c; j++) Assert.NotEqual(1, Enumerable.Range(0, r + 1).Count(i => t.At(i, j).Suppressed));
    }

    [Fact]
    public void A_table_with_nothing_small_is_published_unchanged()
    {
        var t = Table(new long[,] { { 10, 0, 7 }, { 5, 20, 6 } });
        for (var i = 0; i <= 2; i++) for (var j = 0; j <= 3; j++) Assert.False(t.At(i, j).Suppressed);
        Assert.Equal("10", t.Cell(0, 0).Display);
        Assert.Equal("0", t.Cell(0, 1).Display);
        Assert.Equal(17, t.RowTotal(0).Published);
        Assert.Equal(20, t.ColumnTotal(1).Value);
        Assert.Equal(48, t.GrandTotal.Published);
    }

    [Fact]
    public void Counts_from_one_to_four_are_shown_as_less_than_five_and_zero_stays_zero()
    {
        var t = Table(new long[,] { { 1, 0, 40, 50 }, { 4, 0, 30, 60 }, { 20, 0, 9, 70 } });
        Assert.Equal(SuppressionReason.Primary, t.Cell(0, 0).Reason);
        Assert.Equal("<5", t.Cell(0, 0).Display);
        Assert.Null(t.Cell(0, 0).Published);
        Assert.Equal(SuppressionReason.Primary, t.Cell(1, 0).Reason);
        Assert.Equal("0", t.Cell(0, 1).Display);
        Assert.False(t.Cell(0, 1).Suppressed);
        AssertNothingDerivable(t);
    }

    [Fact]
    public void A_single_hidden_cell_in_a_row_gets_a_second_the_smallest_non_zero_cell()
    {
        // Row 0: 3 is small; without a second hidden cell it is 30 − 7 − 20 = 3.
        var t = Table(new long[,] { { 3, 7, 20 }, { 50, 60, 70 }, { 80, 90, 100 } });
        Assert.Equal(SuppressionReason.Primary, t.Cell(0, 0).Reason);
        Assert.Equal(SuppressionReason.Secondary, t.Cell(0, 1).Reason); // 7 is the smallest non-zero published cell of the row
        Assert.Equal("..", t.Cell(0, 1).Display);
        Assert.False(t.Cell(0, 2).Suppressed);
        AssertNothingDerivable(t);
    }

    [Fact]
    public void Secondary_suppression_iterates_across_rows_and_columns()
    {
        var t = Table(new long[,] { { 2, 8, 30 }, { 40, 9, 50 }, { 60, 70, 80 } });
        // Row 0 hides 8; column 0 hides 40 (its smallest non-zero); column 1 then has 8 hidden and needs... 9 in row 1 closes the rectangle.
        Assert.Equal(SuppressionReason.Primary, t.Cell(0, 0).Reason);
        Assert.True(t.Cell(0, 1).Suppressed);
        Assert.True(t.Cell(1, 0).Suppressed);
        Assert.True(t.Cell(1, 1).Suppressed);
        Assert.False(t.Cell(2, 2).Suppressed);
        AssertNothingDerivable(t);
    }

    [Fact]
    public void A_small_total_is_hidden_and_its_line_protected()
    {
        // Row 0 is 1 + 0 + 2 = 3: the total is small too, and so is the column total of the 1… no: columns are large.
        var t = Table(new long[,] { { 1, 0, 2 }, { 30, 40, 50 }, { 60, 70, 80 } });
        Assert.Equal(SuppressionReason.Primary, t.RowTotal(0).Reason);
        Assert.Equal("<5", t.RowTotal(0).Display);
        AssertNothingDerivable(t);
    }

    [Fact]
    public void A_published_grand_total_with_one_hidden_cell_across_the_table_is_protected()
    {
        // One row, one small cell: the column total equals the cell, so both are small; the grand total line (the total row) then needs care.
        var t = Table(new long[,] { { 3, 50, 60 } });
        Assert.True(t.Cell(0, 0).Suppressed);
        Assert.True(t.ColumnTotal(0).Suppressed);
        AssertNothingDerivable(t);
    }

    [Fact]
    public void A_hidden_cell_that_is_a_bridge_between_two_rectangles_gets_a_cycle()
    {
        var t = Table(new long[,]
        {
            { 2, 3, 0, 0, 90 },
            { 4, 1, 0, 0, 91 },
            { 0, 0, 2, 3, 92 },
            { 0, 0, 4, 1, 93 },
            { 95, 96, 97, 98, 99 },
        });
        AssertNothingDerivable(t);
    }

    [Fact]
    public void The_threshold_setting_decides_what_is_small()
    {
        var counts = new long[,] { { 3, 40, 50 }, { 60, 4, 70 }, { 80, 90, 6 } };
        var five = Table(counts);
        var three = Table(counts, threshold: 3);
        var ten = Table(counts, threshold: 10);
        Assert.Equal(SuppressionReason.Primary, five.Cell(0, 0).Reason);
        Assert.NotEqual(SuppressionReason.Primary, five.Cell(2, 2).Reason);
        Assert.NotEqual(SuppressionReason.Primary, three.Cell(0, 0).Reason);
        Assert.False(three.Cell(0, 0).Suppressed);
        Assert.Equal("<10", ten.Cell(2, 2).Display);
        Assert.Equal("<3", SuppressedTable.SmallText(3));
        AssertNothingDerivable(five);
        AssertNothingDerivable(three);
        AssertNothingDerivable(ten);
    }

    [Fact]
    public void Random_tables_never_leave_a_hidden_cell_that_can_be_worked_out()
    {
        var random = new Random(16);
        for (var n = 0; n < 300; n++)
        {
            int r = random.Next(1, 7), c = random.Next(1, 9);
            var counts = new long[r, c];
            for (var i = 0; i < r; i++) for (var j = 0; j < c; j++) counts[i, j] = random.Next(4) == 0 ? 0 : random.Next(0, 3) == 0 ? random.Next(1, 5) : random.Next(1, 40);
            var t = Table(counts);
            for (var i = 0; i < r; i++)
                for (var j = 0; j < c; j++)
                {
                    Assert.Equal(counts[i, j], t.Cell(i, j).Value);
                    if (counts[i, j] is >= 1 and <= 4) Assert.Equal("<5", t.Cell(i, j).Display);
                    if (counts[i, j] == 0 && !t.Cell(i, j).Suppressed) Assert.Equal("0", t.Cell(i, j).Display);
                }
            AssertNothingDerivable(t);
        }
    }

    [Fact]
    public void Suppression_is_deterministic()
    {
        var counts = new long[,] { { 2, 10, 10, 10 }, { 10, 10, 10, 10 }, { 10, 10, 10, 3 } };
        var a = Table(counts);
        var b = Table(counts);
        for (var i = 0; i <= 3; i++) for (var j = 0; j <= 4; j++) Assert.Equal(a.At(i, j), b.At(i, j));
        AssertNothingDerivable(a);
    }

    [Fact]
    public void A_threshold_below_two_or_negative_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Table(new long[,] { { 1 } }, threshold: 1));
        Assert.Throws<ArgumentException>(() => Table(new long[,] { { -1 } }));
    }
}
