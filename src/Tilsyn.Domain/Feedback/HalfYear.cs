using Tilsyn.Calendar;

namespace Tilsyn.Feedback;

/// <summary>A Copenhagen calendar half-year (<i>halvår</i>): 1 = January–June, 2 = July–December.</summary>
public readonly record struct HalfYear(int Year, int Half) : IComparable<HalfYear>
{
    /// <summary>The half-year of a Copenhagen date.</summary>
    public static HalfYear Of(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    /// <summary>The half-year of a moment, by its Copenhagen date (23:30 UTC on 30 June is already 1 July).</summary>
    public static HalfYear Of(DateTimeOffset at) => Of(DanishTime.LocalDate(at));

    /// <summary>A single sortable number: <c>2026 * 10 + 2</c> = 20262, as the answer stores it.</summary>
    public int Key => Year * 10 + Half;

    public static HalfYear FromKey(int key)
    {
        var h = new HalfYear(key / 10, key % 10);
        if (h.Half is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(key));
        return h;
    }

    /// <summary>"1. halvår 2026".</summary>
    public string Label => $"{Half}. halvår {Year}";

    public int CompareTo(HalfYear other) => Key.CompareTo(other.Key);

    public override string ToString() => Label;
}
