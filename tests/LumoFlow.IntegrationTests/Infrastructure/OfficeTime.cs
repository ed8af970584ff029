using LumoFlow.Domain.Calendar;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// Moments the urgency ladder's tests start from (LSL § 26(2), <see cref="LumoFlow.Domain.Workflow.UrgencySchedule"/>):
/// received in office hours, the ladder counts from receipt, so a test sets its hours relative to that moment and
/// watches the real engine climb it in seconds, on any day of the year.
/// </summary>
public static class OfficeTime
{
    /// <summary>The latest moment at or before <paramref name="before"/> in office hours (08–16 Helsinki time on a working day).</summary>
    public static DateTimeOffset LatestBefore(DateTimeOffset before)
    {
        var calendar = WorkingDayCalendar.Default;
        var local = TimeZoneInfo.ConvertTime(before, HelsinkiTime.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(day) && time >= new TimeOnly(8, 0) && time < new TimeOnly(16, 0)) return before;
        if (!(calendar.IsWorkingDay(day) && time >= new TimeOnly(16, 0)))
            do day = day.AddDays(-1); while (!calendar.IsWorkingDay(day));
        return HelsinkiTime.AtLocalTime(day, new TimeOnly(15, 58));
    }

    /// <summary>
    /// Settings under which a notification received at <paramref name="received"/> escalates to the team lead
    /// <paramref name="leadIn"/> from now and to on-call <paramref name="onCallIn"/> from now.
    /// </summary>
    public static Dictionary<string, string?> Ladder(DateTimeOffset received, TimeSpan leadIn, TimeSpan onCallIn)
    {
        var now = DateTimeOffset.UtcNow;
        return new()
        {
            ["LumoFlow:Urgency:LeadAfterHours"] = ((now + leadIn) - received).TotalHours.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["LumoFlow:Urgency:OnCallAfterHours"] = ((now + onCallIn) - received).TotalHours.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
