using LumoFlow.Domain.Calendar;

namespace LumoFlow.Domain.Deadlines;

/// <summary>
/// The statutory deadlines of a case, counted from the receipt of the notification.
/// This is the one place where a deadline rule is changed.
/// </summary>
public sealed class DeadlineRules
{
    /// <summary>LSL § 26(5); SHL § 36: "viimeistään seitsemäntenä arkipäivänä".</summary>
    public const int DecisionWorkingDays = 7;

    /// <summary>SHL § 36(3): "viimeistään kolmen kuukauden kuluttua asian vireilletulosta".</summary>
    public const int AssessmentMonths = 3;

    private readonly WorkingDayCalendar _calendar;

    public DeadlineRules(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>The deadlines for a notification received at <paramref name="receivedAt"/>.</summary>
    public StatutoryDeadlines For(DateTimeOffset receivedAt)
    {
        // The case opens on the Helsinki date of receipt (vireilletulo).
        var receivedOn = HelsinkiTime.LocalDate(receivedAt);

        // LSL § 26(5): the 7th arkipäivä; the day of receipt is not counted (150/1930 § 2).
        var decisionDue = _calendar.AddWorkingDays(receivedOn, DecisionWorkingDays);

        // SHL § 36(3): 3 months; same day number or the month's last day (150/1930 § 3),
        // which is what DateOnly.AddMonths does. Not moved off weekends (the § 5 rule is for parties).
        var assessmentDue = receivedOn.AddMonths(AssessmentMonths);

        return new StatutoryDeadlines(receivedAt, receivedOn, decisionDue, assessmentDue);
    }
}
