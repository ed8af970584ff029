using LumoFlow.Domain.Calendar;

namespace LumoFlow.Domain.Overview;

/// <summary>The social workers' red/amber/green marker of a case: how close its next deadline is.</summary>
public enum Rag { Green, Amber, Red }

public static class DeadlineSignal
{
    /// <summary>A deadline due today or within this many working days turns the marker amber.</summary>
    public const int AmberWithinWorkingDays = 2;

    /// <summary>
    /// Red: a deadline has passed unmet (<see cref="CaseOverview.OverdueOn"/>). Amber: the next deadline is due within
    /// <see cref="AmberWithinWorkingDays"/> working days of <paramref name="today"/>. Green: further off. None for a case
    /// with no deadline running (ended, or a pre-birth case waiting for the birth).
    /// </summary>
    public static Rag? Of(NextDeadline? next, IReadOnlyList<string> overdue, DateOnly today, WorkingDayCalendar calendar)
    {
        if (overdue.Count > 0) return Rag.Red;
        if (next is null) return null;
        return next.Date <= calendar.AddWorkingDays(today, AmberWithinWorkingDays) ? Rag.Amber : Rag.Green;
    }
}
