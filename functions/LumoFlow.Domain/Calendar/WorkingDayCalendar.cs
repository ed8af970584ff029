using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace LumoFlow.Domain.Calendar;

/// <summary>
/// Working days (arkipäivät) in Finland: Monday to Friday, except the holidays and, by default,
/// the two eves. THL: "Arkipäivänä ei pidetä pyhäpäiviä eikä arkilauantaita."
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly CalendarOptions _options;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _holidaysByYear = new();

    public WorkingDayCalendar(CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The calendar with <see cref="CalendarOptions.Default"/> (eves are not working days).</summary>
    public static WorkingDayCalendar Default { get; } = new(CalendarOptions.Default);

    /// <summary>Whether <paramref name="date"/> is an arkipäivä.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !HolidaysOf(date.Year).Contains(date);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="from"/> (before it when negative).
    /// <paramref name="from"/> itself never counts, so day 1 is the next working day
    /// (Laki säädettyjen määräaikain laskemisesta 150/1930 § 2; backwards § 4). Zero returns <paramref name="from"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var remaining = Math.Abs(workingDays);
        var date = from;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>];
    /// zero when <paramref name="toInclusive"/> is not after <paramref name="fromExclusive"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var date = fromExclusive.AddDays(1); date <= toInclusive; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    private FrozenSet<DateOnly> HolidaysOf(int year) =>
        _holidaysByYear.GetOrAdd(
            year,
            static (y, options) => FinnishHolidays.NonWorkingDaysOf(y, options).Select(h => h.Date).ToFrozenSet(),
            _options);
}
