using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;

namespace LumoFlow.Domain.Tests.Deadlines;

public sealed class DeadlineRulesTests
{
    private static readonly DeadlineRules Rules = new(WorkingDayCalendar.Default);

    private static StatutoryDeadlines ReceivedAt(string instant) => Rules.For(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    /// <summary>Received at noon Helsinki time on <paramref name="date"/>.</summary>
    private static StatutoryDeadlines ReceivedOn(string date) =>
        Rules.For(HelsinkiTime.AtLocalTime(DateOnly.Parse(date, CultureInfo.InvariantCulture), new TimeOnly(12, 0)));

    [Fact]
    public void THL_example_received_on_Tuesday_is_due_the_following_week_s_Thursday()
    {
        var deadlines = ReceivedOn("2026-03-10"); // Tuesday

        Assert.Equal(new DateOnly(2026, 3, 19), deadlines.DecisionDue);
        Assert.Equal(DayOfWeek.Thursday, deadlines.DecisionDue.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-03-13", "2026-03-24")] // Friday
    [InlineData("2026-03-14", "2026-03-24")] // Saturday
    [InlineData("2026-03-15", "2026-03-24")] // Sunday
    [InlineData("2026-03-16", "2026-03-25")] // Monday
    public void Receipt_at_the_end_of_the_week(string received, string decisionDue) =>
        Assert.Equal(DateOnly.Parse(decisionDue, CultureInfo.InvariantCulture), ReceivedOn(received).DecisionDue);

    [Theory]
    // Easter 2026: Good Friday 3.4, Easter Monday 6.4 skipped.
    [InlineData("2026-04-02", "2026-04-15")]
    [InlineData("2026-04-03", "2026-04-15")]
    // May Day (Fri 1.5) and Ascension Day (Thu 14.5).
    [InlineData("2026-04-28", "2026-05-08")]
    [InlineData("2026-05-12", "2026-05-22")]
    // Midsummer Eve 2026 is Friday 19.6.
    [InlineData("2026-06-16", "2026-06-26")]
    [InlineData("2026-06-18", "2026-06-30")]
    // Independence Day 2026 falls on a Sunday; 2027 on a Monday.
    [InlineData("2026-12-01", "2026-12-10")]
    [InlineData("2027-12-01", "2027-12-13")]
    // Christmas 2026: Eve Thu 24.12, Day Fri 25.12; New Year's Day Fri 1.1.2027; Epiphany Wed 6.1.2027.
    [InlineData("2026-12-22", "2027-01-05")]
    [InlineData("2026-12-30", "2027-01-12")]
    [InlineData("2027-01-01", "2027-01-13")]
    [InlineData("2027-01-04", "2027-01-14")]
    public void Decision_due_skips_holidays(string received, string decisionDue) =>
        Assert.Equal(DateOnly.Parse(decisionDue, CultureInfo.InvariantCulture), ReceivedOn(received).DecisionDue);

    [Fact]
    public void With_eves_as_working_days_Christmas_Eve_counts()
    {
        var rules = new DeadlineRules(new WorkingDayCalendar(new CalendarOptions { EvesAreWorkingDays = true }));

        var deadlines = rules.For(HelsinkiTime.AtLocalTime(new DateOnly(2026, 12, 22), new TimeOnly(12, 0)));

        Assert.Equal(new DateOnly(2027, 1, 4), deadlines.DecisionDue);
    }

    [Theory]
    // Spring switch: 2026-03-29 01:00 UTC; the local date turns at 22:00 UTC the evening before.
    [InlineData("2026-03-28T21:30:00Z", "2026-03-28", "2026-04-09")] // Saturday 23:30 local
    [InlineData("2026-03-28T22:30:00Z", "2026-03-29", "2026-04-09")] // Sunday 00:30 local
    [InlineData("2026-03-29T20:30:00Z", "2026-03-29", "2026-04-09")] // Sunday 23:30 local (+03:00)
    [InlineData("2026-03-29T21:30:00Z", "2026-03-30", "2026-04-10")] // Monday 00:30 local
    // Autumn switch: 2026-10-25 01:00 UTC; the local date turns at 21:00 UTC the evening before.
    [InlineData("2026-10-24T20:30:00Z", "2026-10-24", "2026-11-03")] // Saturday 23:30 local
    [InlineData("2026-10-24T21:30:00Z", "2026-10-25", "2026-11-03")] // Sunday 00:30 local
    [InlineData("2026-10-25T21:30:00Z", "2026-10-25", "2026-11-03")] // Sunday 23:30 local (+02:00)
    [InlineData("2026-10-25T22:30:00Z", "2026-10-26", "2026-11-04")] // Monday 00:30 local
    // New Year: 23:30 UTC on 31.12 is already 1.1 in Helsinki.
    [InlineData("2026-12-31T21:59:00Z", "2026-12-31", "2027-01-13")]
    [InlineData("2026-12-31T22:30:00Z", "2027-01-01", "2027-01-13")]
    // The offset of the timestamp does not matter, only the instant.
    [InlineData("2026-03-10T01:30:00+05:00", "2026-03-09", "2026-03-18")]
    [InlineData("2026-03-09T22:30:00+00:00", "2026-03-10", "2026-03-19")]
    public void Receipt_date_is_the_Helsinki_date_of_the_instant(string instant, string receivedOn, string decisionDue)
    {
        var deadlines = ReceivedAt(instant);

        Assert.Equal(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture), deadlines.ReceivedAt);
        Assert.Equal(DateOnly.Parse(receivedOn, CultureInfo.InvariantCulture), deadlines.ReceivedOn);
        Assert.Equal(DateOnly.Parse(decisionDue, CultureInfo.InvariantCulture), deadlines.DecisionDue);
    }

    [Theory]
    [InlineData("2026-11-30", "2027-02-28")]
    [InlineData("2027-11-30", "2028-02-29")] // leap year
    [InlineData("2026-01-31", "2026-04-30")]
    [InlineData("2026-12-31", "2027-03-31")]
    [InlineData("2026-08-29", "2026-11-29")] // a Sunday: not moved
    [InlineData("2025-11-28", "2026-02-28")] // a Saturday: not moved
    [InlineData("2026-03-10", "2026-06-10")]
    public void Assessment_due_three_months_later_on_the_same_day_or_the_month_s_last(string received, string assessmentDue) =>
        Assert.Equal(DateOnly.Parse(assessmentDue, CultureInfo.InvariantCulture), ReceivedOn(received).AssessmentDue);

    [Fact]
    public void Assessment_due_on_a_Saturday_stays_a_Saturday()
    {
        var due = ReceivedOn("2025-11-28").AssessmentDue;

        Assert.Equal(DayOfWeek.Saturday, due.DayOfWeek);
    }

    [Property]
    public Property Decision_due_is_a_working_day_9_to_18_days_after_receipt() =>
        // 7 working days always span a weekend (≥ 9 days); the longest in 2000–2100 is 18 days,
        // received Fri 20.12.2002 → due Tue 7.1.2003 (Christmas, New Year, Epiphany).
        Prop.ForAll(Generators.Dates, date =>
        {
            var deadlines = ReceivedOnDate(date);
            var days = deadlines.DecisionDue.DayNumber - deadlines.ReceivedOn.DayNumber;

            return WorkingDayCalendar.Default.IsWorkingDay(deadlines.DecisionDue)
                && WorkingDayCalendar.Default.WorkingDaysBetween(deadlines.ReceivedOn, deadlines.DecisionDue) == DeadlineRules.DecisionWorkingDays
                && days is >= 9 and <= 18;
        });

    [Fact]
    public void Longest_decision_period_in_2000_to_2100()
    {
        var deadlines = ReceivedOn("2002-12-20");

        Assert.Equal(new DateOnly(2003, 1, 7), deadlines.DecisionDue);
        Assert.Equal(18, deadlines.DecisionDue.DayNumber - deadlines.ReceivedOn.DayNumber);
    }

    [Property]
    public Property Assessment_due_keeps_the_day_of_month_or_the_month_s_last() =>
        Prop.ForAll(Generators.Dates, date =>
        {
            var due = ReceivedOnDate(date).AssessmentDue;
            var expectedMonth = new DateOnly(date.Year, date.Month, 1).AddMonths(DeadlineRules.AssessmentMonths);

            return due.Year == expectedMonth.Year
                && due.Month == expectedMonth.Month
                && due.Day == Math.Min(date.Day, DateTime.DaysInMonth(due.Year, due.Month));
        });

    [Property]
    public Property Receipt_date_is_the_Helsinki_date_from_its_first_to_its_last_moment() =>
        Prop.ForAll(Generators.Dates, date =>
            Rules.For(HelsinkiTime.StartOfDay(date)).ReceivedOn == date
            && Rules.For(HelsinkiTime.StartOfDay(date.AddDays(1)).AddTicks(-1)).ReceivedOn == date);

    private static StatutoryDeadlines ReceivedOnDate(DateOnly date) =>
        Rules.For(HelsinkiTime.AtLocalTime(date, new TimeOnly(12, 0)));
}
