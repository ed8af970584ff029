namespace LumoFlow.Domain.Calendar;

/// <summary>
/// The one place where instants become Helsinki local dates and back.
/// Deadlines are counted in local dates in Europe/Helsinki: a notification at 23:30 UTC
/// may already be the next day there.
/// </summary>
public static class HelsinkiTime
{
    /// <summary>The Europe/Helsinki time zone (EET/EEST).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    /// <summary>The date a Helsinki wall calendar shows at <paramref name="instant"/>, whatever its offset.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The instant at which the Helsinki wall clock shows <paramref name="date"/> <paramref name="time"/>.
    /// A time skipped by the spring-forward gap is moved forward by the length of the gap
    /// (03:30 becomes 04:30); a time repeated in autumn resolves to its first occurrence (summer time).
    /// </summary>
    public static DateTimeOffset AtLocalTime(DateOnly date, TimeOnly time)
    {
        var wallClock = date.ToDateTime(time, DateTimeKind.Unspecified);
        var instant = new DateTimeOffset(wallClock, OffsetFor(wallClock));

        // Re-expressed in Helsinki time so the offset is the one in force (04:30+03:00, not 03:30+02:00).
        return TimeZoneInfo.ConvertTime(instant, Zone);
    }

    /// <summary>The instant the Helsinki day <paramref name="date"/> begins (local midnight).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => AtLocalTime(date, TimeOnly.MinValue);

    private static TimeSpan OffsetFor(DateTime wallClock)
    {
        if (Zone.IsAmbiguousTime(wallClock))
        {
            // The larger offset is the earlier instant: the first time the clock shows this time.
            return Zone.GetAmbiguousTimeOffsets(wallClock).Max();
        }

        if (Zone.IsInvalidTime(wallClock))
        {
            // Reading the skipped wall time with the offset in force before the gap lands the
            // same distance past the gap. Helsinki's transitions are months apart, so a day
            // earlier is safely before it.
            return Zone.GetUtcOffset(wallClock.AddDays(-1));
        }

        return Zone.GetUtcOffset(wallClock);
    }
}
