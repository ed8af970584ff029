using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// When reminders and escalations go out. The statutory deadlines are in <see cref="DeadlineRules"/>; these are
/// LumoFlow's own lead times around them (configurable). Every date comes from the statutory calendar, and
/// reminders land on working-day mornings, Helsinki time.
/// </summary>
public sealed record ReminderSchedule
{
    /// <summary>Reminders and escalations go out at this local time.</summary>
    public TimeOnly MorningAt { get; init; } = new(8, 0);
    /// <summary>Decision reminder to the social worker, working days before <c>decisionDue</c>.</summary>
    public int DecisionReminderWorkingDaysBefore { get; init; } = 2;
    /// <summary>Reminder to inform the child and guardians, working days before <c>decisionDue</c>.</summary>
    public int InformFamilyReminderWorkingDaysBefore { get; init; } = 2;
    /// <summary>First notifier-contact reminder, working days after receipt…</summary>
    public int NotifierContactFirstReminderWorkingDays { get; init; } = 3;
    /// <summary>…repeated every this many working days until contact or the decision, at the latest on <c>decisionDue</c>.</summary>
    public int NotifierContactRepeatWorkingDays { get; init; } = 2;
    /// <summary>Assessment reminders, calendar days before <c>assessmentDue</c> (moved back to a working day).</summary>
    public IReadOnlyList<int> AssessmentReminderDaysBefore { get; init; } = [14, 3];
    /// <summary>A case in <c>Closing</c> with duties left: the social worker is reminded after, and again every, this many working days.</summary>
    public int ClosingReminderWorkingDays { get; init; } = 2;
    /// <summary>Reminders to a partner who has not answered, working days after the request.</summary>
    public IReadOnlyList<int> PartnerReminderWorkingDays { get; init; } = [5, 10];
    /// <summary>Then the social worker is told the partner has not answered, working days after the request.</summary>
    public int PartnerEscalationWorkingDays { get; init; } = 15;
    /// <summary>
    /// A partner's link works to the end of the Helsinki day this many days after its last reminder (after the request
    /// itself when no reminder is set) — unless answered, waived or the case ends first.
    /// </summary>
    public int PartnerLinkDaysAfterLastReminder { get; init; } = 30;

    public DateTimeOffset DecisionReminder(StatutoryDeadlines d, WorkingDayCalendar calendar) =>
        Morning(calendar.AddWorkingDays(d.DecisionDue, -DecisionReminderWorkingDaysBefore));

    public DateTimeOffset InformFamilyReminder(StatutoryDeadlines d, WorkingDayCalendar calendar) =>
        Morning(calendar.AddWorkingDays(d.DecisionDue, -InformFamilyReminderWorkingDaysBefore));

    /// <summary>Escalation to the team lead on the morning of <c>decisionDue</c>.</summary>
    public DateTimeOffset DecisionEscalation(StatutoryDeadlines d) => Morning(d.DecisionDue);

    /// <summary>The <paramref name="repeat"/>-th notifier-contact reminder (0 = the first).</summary>
    public DateTimeOffset NotifierContactReminder(StatutoryDeadlines d, int repeat, WorkingDayCalendar calendar) =>
        Morning(calendar.AddWorkingDays(d.ReceivedOn, NotifierContactFirstReminderWorkingDays + repeat * NotifierContactRepeatWorkingDays));

    /// <summary>docs/domain.md, Months: <c>assessmentDue</c> is not moved; reminders are set on working days before it.</summary>
    public DateTimeOffset AssessmentReminder(StatutoryDeadlines d, int daysBefore, WorkingDayCalendar calendar)
    {
        var day = d.AssessmentDue.AddDays(-daysBefore);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return Morning(day);
    }

    /// <summary>Escalation to the team lead on the first working-day morning after <c>assessmentDue</c> has passed.</summary>
    public DateTimeOffset AssessmentEscalation(StatutoryDeadlines d, WorkingDayCalendar calendar) =>
        Morning(calendar.AddWorkingDays(d.AssessmentDue, 1));

    /// <summary>Stage 0.. of a partner's reminders; the last stage is the escalation to the social worker.</summary>
    public DateTimeOffset? PartnerFollowUp(DateOnly requestedOn, int stage, WorkingDayCalendar calendar)
    {
        var days = stage < PartnerReminderWorkingDays.Count ? PartnerReminderWorkingDays[stage]
            : stage == PartnerReminderWorkingDays.Count ? PartnerEscalationWorkingDays
            : (int?)null;
        return days is { } n ? Morning(calendar.AddWorkingDays(requestedOn, n)) : null;
    }

    /// <summary>
    /// When a link asked for on <paramref name="requestedOn"/> expires: <see cref="PartnerLinkDaysAfterLastReminder"/>
    /// days after the morning its last reminder is due (the request's own day when there is none).
    /// </summary>
    public DateTimeOffset PartnerLinkExpiry(DateOnly requestedOn, WorkingDayCalendar calendar)
    {
        var lastReminder = PartnerReminderWorkingDays.Count > 0
            ? calendar.AddWorkingDays(requestedOn, PartnerReminderWorkingDays.Max())
            : requestedOn;
        return EndOf(lastReminder.AddDays(PartnerLinkDaysAfterLastReminder));
    }

    /// <summary>A reminder sent at <paramref name="sentAt"/> (late, say) keeps its link for as long as one sent on time.</summary>
    public DateTimeOffset PartnerLinkExpiryAfterReminder(DateTimeOffset sentAt) =>
        EndOf(HelsinkiTime.LocalDate(sentAt).AddDays(PartnerLinkDaysAfterLastReminder));

    /// <summary>A deadline day has passed when the next Helsinki day begins.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => HelsinkiTime.StartOfDay(day.AddDays(1));

    private DateTimeOffset Morning(DateOnly day) => HelsinkiTime.AtLocalTime(day, MorningAt);
}
