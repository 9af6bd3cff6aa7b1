using Microsoft.Extensions.Time.Testing;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// The web tests' clock: <see cref="FakeTimeProvider"/> starts at <see cref="Start"/> and moves only
/// when a test calls <c>Advance</c>, so no test depends on the day it runs.
/// </summary>
public static class TestClock
{
    /// <summary>
    /// Tuesday 3 November 2026, 09:00 in Copenhagen (08:00 UTC, winter time): an ordinary working
    /// day morning, away from holidays, closing days and the change to or from summer time.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New(DateTimeOffset? start = null) => new(start ?? Start) { AutoAdvanceAmount = TimeSpan.Zero };
}

/// <summary>
/// The test clock's "now" with real timers: for background loops (the mail dispatcher's polling)
/// that must keep running while the test clock stands still, but should stamp the test clock's time.
/// </summary>
public sealed class RealTimersClock(TimeProvider now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.GetUtcNow();
    public override TimeZoneInfo LocalTimeZone => now.LocalTimeZone;
    public override long TimestampFrequency => System.TimestampFrequency;
    public override long GetTimestamp() => System.GetTimestamp();
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => System.CreateTimer(callback, state, dueTime, period);
}
