using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Notifications;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// LSL § 26(2), SHL § 36(1): for every notification a social worker assesses at once whether the child needs urgent
/// child welfare — before the birth too (LSL § 25 c(2)). "At once" is the law's word; these are LumoFlow's steps for
/// when it has not happened (settings <c>LumoFlow:Urgency</c>; docs/domain.md says which parts are interpretation):
/// <list type="bullet">
/// <item>A notification with a red flag (<see cref="IsRedFlag"/>) goes to the team's on-call address at once, whatever
///   the time.</item>
/// <item>Urgency not recorded <see cref="LeadAfterHours"/> hours after the clock starts: the team lead is told; after
///   <see cref="OnCallAfterHours"/> hours: the on-call address.</item>
/// <item>The clock starts at receipt in office hours (working days of the statutory calendar, <see cref="OfficeStart"/>–
///   <see cref="OfficeEnd"/> Helsinki time), otherwise at the start of the next working morning.</item>
/// </list>
/// </summary>
public sealed record UrgencySchedule
{
    /// <summary>Office hours begin (Helsinki time, on working days).</summary>
    public TimeOnly OfficeStart { get; init; } = new(8, 0);
    /// <summary>Office hours end.</summary>
    public TimeOnly OfficeEnd { get; init; } = new(16, 0);
    /// <summary>Hours from the clock's start until the team lead is told that urgency is not recorded.</summary>
    public double LeadAfterHours { get; init; } = 2;
    /// <summary>Hours from the clock's start until the on-call address is told.</summary>
    public double OnCallAfterHours { get; init; } = 4;
    /// <summary>Reasons (<see cref="ConcernReasons"/>) that, ticked, send the notification to on-call at once.</summary>
    public IReadOnlyList<string> RedFlagReasons { get; init; } = ["violenceOrSexualAbuse", "childSelfHarm"];

    /// <summary>
    /// A red flag: the child is said to be in immediate danger, an offence against the child is suspected, or a
    /// red-flag reason is ticked.
    /// </summary>
    public bool IsRedFlag(Notification notification) =>
        notification.ImmediateDanger || notification.OffenceSuspected || (notification.Reasons ?? []).Any(RedFlagReasons.Contains);

    /// <summary>When the urgency clock starts for a notification received at <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset ClockStart(DateTimeOffset receivedAt, WorkingDayCalendar calendar)
    {
        var day = HelsinkiTime.LocalDate(receivedAt);
        var time = TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(receivedAt, HelsinkiTime.Zone).TimeOfDay);
        if (calendar.IsWorkingDay(day) && time >= OfficeStart && time < OfficeEnd) return receivedAt;
        var morning = calendar.IsWorkingDay(day) && time < OfficeStart ? day : calendar.AddWorkingDays(day, 1);
        return HelsinkiTime.AtLocalTime(morning, OfficeStart);
    }

    /// <summary>When the team lead is told that urgency is not recorded.</summary>
    public DateTimeOffset LeadAt(DateTimeOffset receivedAt, WorkingDayCalendar calendar) =>
        ClockStart(receivedAt, calendar).AddHours(LeadAfterHours);

    /// <summary>When the on-call address is told; past it, an unrecorded urgency is a finding of the daily check.</summary>
    public DateTimeOffset OnCallAt(DateTimeOffset receivedAt, WorkingDayCalendar calendar) =>
        ClockStart(receivedAt, calendar).AddHours(OnCallAfterHours);
}
