using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;

namespace LumoFlow.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Theory]
    [InlineData("2026-03-10", true)]  // Tuesday
    [InlineData("2026-03-14", false)] // Saturday
    [InlineData("2026-03-15", false)] // Sunday
    [InlineData("2026-01-01", false)] // New Year's Day, Thursday
    [InlineData("2026-01-02", true)]
    [InlineData("2026-01-06", false)] // Epiphany, Tuesday
    [InlineData("2026-04-03", false)] // Good Friday
    [InlineData("2026-04-06", false)] // Easter Monday
    [InlineData("2026-04-07", true)]
    [InlineData("2026-05-01", false)] // May Day, Friday
    [InlineData("2026-05-14", false)] // Ascension Day
    [InlineData("2026-06-19", false)] // Midsummer Eve
    [InlineData("2026-12-24", false)] // Christmas Eve, Thursday
    [InlineData("2026-12-25", false)]
    [InlineData("2027-12-06", false)] // Independence Day, Monday
    [InlineData("2028-12-26", false)] // Boxing Day, Tuesday
    [InlineData("2028-12-27", true)]
    public void Working_day_by_default(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-06-19")] // Midsummer Eve, Friday
    [InlineData("2026-12-24")] // Christmas Eve, Thursday
    [InlineData("2027-12-24")] // Christmas Eve, Friday
    public void Eves_become_working_days_when_so_configured(string date)
    {
        var calendar = new WorkingDayCalendar(new CalendarOptions { EvesAreWorkingDays = true });

        Assert.True(calendar.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
        Assert.False(Calendar.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Eve_on_a_weekend_stays_non_working_even_when_eves_are_working_days()
    {
        var calendar = new WorkingDayCalendar(new CalendarOptions { EvesAreWorkingDays = true });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 12, 24))); // Sunday
    }

    [Theory]
    [InlineData("2026-03-10", 1, "2026-03-11")]
    [InlineData("2026-03-10", 7, "2026-03-19")]
    [InlineData("2026-03-13", 1, "2026-03-16")]  // Friday → Monday
    [InlineData("2026-03-14", 1, "2026-03-16")]  // Saturday → Monday
    [InlineData("2026-03-10", 0, "2026-03-10")]
    [InlineData("2026-03-14", 0, "2026-03-14")]
    [InlineData("2026-03-19", -7, "2026-03-10")]
    [InlineData("2026-03-16", -1, "2026-03-13")]
    [InlineData("2026-04-07", -1, "2026-04-02")] // back over Easter
    [InlineData("2026-04-02", 1, "2026-04-07")]  // over Easter
    public void Adds_working_days(string from, int workingDays, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), Calendar.AddWorkingDays(DateOnly.Parse(from, CultureInfo.InvariantCulture), workingDays));

    [Theory]
    [InlineData("2026-03-10", "2026-03-19", 7)]
    [InlineData("2026-03-10", "2026-03-10", 0)]
    [InlineData("2026-03-19", "2026-03-10", 0)]
    [InlineData("2026-03-13", "2026-03-15", 0)] // only the weekend
    [InlineData("2026-04-02", "2026-04-07", 1)] // Easter
    public void Counts_working_days_after_the_first_up_to_the_last(string fromExclusive, string toInclusive, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(DateOnly.Parse(fromExclusive, CultureInfo.InvariantCulture), DateOnly.Parse(toInclusive, CultureInfo.InvariantCulture)));

    [Property]
    public Property Adding_n_working_days_lands_on_the_nth_working_day_after() =>
        Prop.ForAll(Generators.DateAndWorkingDays, sample =>
        {
            var (date, n) = sample;
            var result = Calendar.AddWorkingDays(date, n);

            return Calendar.IsWorkingDay(result)
                && result > date
                && Calendar.WorkingDaysBetween(date, result) == n;
        });

    [Property]
    public Property Going_back_returns_to_the_latest_working_day_on_or_before_the_start() =>
        Prop.ForAll(Generators.DateAndWorkingDays, sample =>
        {
            var (date, n) = sample;
            var roundTrip = Calendar.AddWorkingDays(Calendar.AddWorkingDays(date, n), -n);

            return roundTrip <= date
                && (!Calendar.IsWorkingDay(date) || roundTrip == date)
                && Calendar.WorkingDaysBetween(roundTrip, date) == 0;
        });
}
