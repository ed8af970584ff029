using System.Globalization;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Overview;

namespace LumoFlow.Domain.Tests.Overview;

public sealed class DeadlineSignalTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Theory]
    // Wednesday 2 December 2026: due today, and within the next two working days, is amber; the third is green.
    [InlineData("2026-12-02", "2026-12-02", Rag.Amber)]
    [InlineData("2026-12-02", "2026-12-03", Rag.Amber)]
    [InlineData("2026-12-02", "2026-12-04", Rag.Amber)]
    [InlineData("2026-12-02", "2026-12-07", Rag.Green)] // Monday is the 3rd working day
    // Friday: the weekend does not count, so Tuesday is still amber, Wednesday green.
    [InlineData("2026-12-11", "2026-12-15", Rag.Amber)]
    [InlineData("2026-12-11", "2026-12-16", Rag.Green)]
    // Before Christmas: 24–26 December are not working days.
    [InlineData("2026-12-23", "2026-12-29", Rag.Amber)]
    [InlineData("2026-12-23", "2026-12-30", Rag.Green)]
    public void The_marker_is_amber_when_the_next_deadline_is_due_within_two_working_days(string today, string due, Rag expected) =>
        Assert.Equal(expected, DeadlineSignal.Of(new NextDeadline(NextDeadline.Decision, DateOnly.Parse(due, CultureInfo.InvariantCulture)), [], DateOnly.Parse(today, CultureInfo.InvariantCulture), Calendar));

    [Fact]
    public void An_overdue_deadline_is_red_whatever_comes_next_and_no_deadline_is_no_marker()
    {
        var today = new DateOnly(2026, 12, 2);
        Assert.Equal(Rag.Red, DeadlineSignal.Of(new NextDeadline(NextDeadline.Assessment, today.AddMonths(2)), [NextDeadline.Decision], today, Calendar));
        Assert.Equal(Rag.Red, DeadlineSignal.Of(null, [NextDeadline.Assessment], today, Calendar));
        Assert.Null(DeadlineSignal.Of(null, [], today, Calendar));
    }
}
