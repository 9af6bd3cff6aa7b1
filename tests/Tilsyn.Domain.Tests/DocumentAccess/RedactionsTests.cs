using Tilsyn.DocumentAccess;

namespace Tilsyn.Tests.DocumentAccess;

public sealed class RedactionsTests
{
    private static RedactionSpan S(int start, int end) => new(start, end);

    [Fact]
    public void Overlapping_spans_merge_into_one()
    {
        var r = Redactions.Of(100, [S(10, 20), S(15, 30)]);
        Assert.Equal([S(10, 30)], r.Spans);
    }

    [Fact]
    public void Touching_spans_merge_and_separate_spans_stay_sorted()
    {
        var r = Redactions.Of(100, [S(50, 60), S(0, 5), S(5, 8), S(20, 25)]);
        Assert.Equal([S(0, 8), S(20, 25), S(50, 60)], r.Spans);
    }

    [Fact]
    public void A_span_inside_another_disappears_into_it()
    {
        Assert.Equal([S(0, 40)], Redactions.Of(40, [S(0, 40), S(3, 7)]).Spans);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(5, 11)]
    [InlineData(11, 12)]
    public void A_span_outside_the_text_is_refused(int start, int end)
    {
        var e = Assert.Throws<DomainException>(() => Redactions.Of(10, [S(start, end)]));
        Assert.Contains("uden for teksten", e.Message);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(6, 4)]
    public void An_empty_or_reversed_span_is_refused(int start, int end)
    {
        var e = Assert.Throws<DomainException>(() => Redactions.Of(10, [S(start, end)]));
        Assert.Contains("tom", e.Message);
    }

    [Fact]
    public void Applying_replaces_each_passage_with_the_marker_and_keeps_the_rest()
    {
        const string text = "Borgeren Hans Jensen bor på Vesterbro og klager over Hans Jensens sag.";
        var spans = Redactions.FindPassages(text, ["Hans Jensen", "Vesterbro"]);
        var result = Redactions.Of(text.Length, spans).Apply(text);
        Assert.Equal("Borgeren [undtaget] bor på [undtaget] og klager over [undtaget]s sag.", result);
        Assert.DoesNotContain("Jensen", result);
    }

    [Fact]
    public void The_marker_has_the_same_length_whatever_was_removed()
    {
        const string text = "A kort B en meget meget lang passage C";
        var r = Redactions.Of(text.Length, [.. Redactions.FindPassages(text, ["kort", "en meget meget lang passage"])]);
        Assert.Equal("A [undtaget] B [undtaget] C", r.Apply(text));
    }

    [Fact]
    public void A_passage_not_in_the_text_is_refused_without_repeating_it()
    {
        var e = Assert.Throws<DomainException>(() => Redactions.FindPassages("Intet navn her", ["Fortrolig Person"]));
        Assert.DoesNotContain("Fortrolig", e.Message);
        Assert.Contains("nr. 1", e.Message);
    }

    [Fact]
    public void A_passage_is_matched_case_sensitively_as_written()
    {
        Assert.Throws<DomainException>(() => Redactions.FindPassages("hans jensen", ["Hans Jensen"]));
    }

    [Fact]
    public void Blank_passages_are_ignored()
    {
        Assert.Empty(Redactions.FindPassages("tekst", ["", "  "]));
    }

    [Fact]
    public void Character_ranges_count_from_one_and_include_both_ends()
    {
        Assert.Equal([S(0, 5), S(9, 12)], Redactions.ParseRanges("1-5, 10-12"));
        Assert.Equal("[undtaget] er [undtaget]", Redactions.Of(11, Redactions.ParseRanges("1-3;8-11")).Apply("Ole er her."));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("a-b")]
    [InlineData("0-3")]
    [InlineData("-3")]
    public void A_malformed_range_is_refused(string ranges)
    {
        Assert.Throws<DomainException>(() => Redactions.ParseRanges(ranges));
    }

    [Fact]
    public void Spans_made_for_another_text_length_are_refused_on_apply()
    {
        var r = Redactions.Of(10, [S(0, 2)]);
        Assert.Throws<DomainException>(() => r.Apply("længere tekst end ti"));
    }

    [Fact]
    public void More_spans_merge_with_those_already_marked()
    {
        var r = Redactions.Of(50, [S(0, 10)]).With([S(8, 12), S(30, 31)]);
        Assert.Equal([S(0, 12), S(30, 31)], r.Spans);
    }

    [Fact]
    public void Too_many_spans_are_refused()
    {
        Assert.Throws<DomainException>(() => Redactions.Of(10_000, Enumerable.Range(0, Redactions.MaxSpans + 1).Select(i => S(i * 2, i * 2 + 1))));
    }
}
