using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Domain.Overview;

/// <summary>What the daily check found about a case (<see cref="DailyCheck"/>); <paramref name="Since"/> is when it began.</summary>
public sealed record CheckFinding(string CaseId, string Code, DateTimeOffset Since);

/// <summary>How the engine (Durable) holds a case's instance, as the daily check sees it.</summary>
public enum EngineState
{
    /// <summary>Running, pending or between generations: the engine has it.</summary>
    Live,
    /// <summary>An administrator suspended it: its timers wait until it is resumed.</summary>
    Suspended,
    Completed,
    Failed,
    Terminated,
    /// <summary>The engine has no instance of the case (lost, or purged while the record was open).</summary>
    Missing,
}

/// <summary>
/// No deadline passes unseen, even when the engine fails. Durable's timers are what makes a deadline act; this check
/// does not trust them. It compares each case's record, as the case index projects it, with the engine's instance and
/// the clock, and names what it finds:
/// <list type="bullet">
/// <item><c>engineFailed</c>: the record is open, but the engine's instance is failed, terminated, completed or missing;</item>
/// <item><c>deadlinePassedUnescalated</c>: the decision (LSL § 26(5)) or the assessment (SHL § 36(3)) is past its due
///   day, and the case is not marked overdue — the escalation that marks it has not run;</item>
/// <item><c>urgencyUnassessed</c>: urgency (LSL § 26(2)) not recorded past the on-call escalation's time
///   (<see cref="UrgencySchedule.OnCallAt"/>);</item>
/// <item><c>emailStuck</c>: an email in the case's outbox unsent for over <see cref="EmailStuckAfter"/> (one held for on-call's
///   hourly summary: that long after the summary was due, <see cref="OfHeldEmail"/>).</item>
/// </list>
/// The check runs every working morning and on demand; what it finds, the host mends where it can (restarts an
/// instance from the record, wakes one whose timer has not fired: <see cref="OverdueTimer"/>).
/// </summary>
public sealed class DailyCheck(UrgencySchedule urgency, WorkingDayCalendar calendar)
{
    public const string EngineFailed = "engineFailed";
    public const string DeadlinePassedUnescalated = "deadlinePassedUnescalated";
    public const string UrgencyUnassessed = "urgencyUnassessed";
    public const string EmailStuck = "emailStuck";

    /// <summary>Every finding code, in the order the check reports them for a case.</summary>
    public static IReadOnlyList<string> Codes { get; } = [EngineFailed, DeadlinePassedUnescalated, UrgencyUnassessed, EmailStuck];

    /// <summary>An engine a little late is not a finding: a timer or an escalation counts as missed this long after its time.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    /// <summary>An outbox email unsent this long is stuck (the orchestration retries every 15 minutes).</summary>
    public static readonly TimeSpan EmailStuckAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// What is wrong with one case at <paramref name="now"/>: <paramref name="engine"/> is how the engine holds it, and
    /// <paramref name="engineSince"/> when the engine last changed it (if it knows).
    /// </summary>
    public IReadOnlyList<CheckFinding> Of(CaseOverview c, EngineState engine, DateTimeOffset? engineSince, DateTimeOffset now)
    {
        var findings = new List<CheckFinding>();
        if (!c.IsOpen) return findings;

        if (engine is EngineState.Failed or EngineState.Terminated or EngineState.Completed or EngineState.Missing)
            findings.Add(new(c.CaseId, EngineFailed, engineSince ?? c.LastUpdatedTime));

        if (c.Phase == CasePhase.AwaitingDecision && c.DecisionDue is { } decisionDue && !c.DecisionOverdueNoted
            && now >= ReminderSchedule.EndOf(decisionDue) + Grace)
            findings.Add(new(c.CaseId, DeadlinePassedUnescalated, ReminderSchedule.EndOf(decisionDue)));
        else if ((c.Phase is CasePhase.AwaitingDecision or CasePhase.Assessing or CasePhase.ReadyToClose) && c.AssessmentDue is { } assessmentDue
            && !c.AssessmentOverdueNoted && now >= ReminderSchedule.EndOf(assessmentDue) + Grace)
            findings.Add(new(c.CaseId, DeadlinePassedUnescalated, ReminderSchedule.EndOf(assessmentDue)));

        if (c.UrgencyUnassessed && UrgencyLimit(c) is var limit && now >= limit)
            findings.Add(new(c.CaseId, UrgencyUnassessed, limit));
        return findings;
    }

    /// <summary>An outbox email queued at <paramref name="queuedAt"/> and not sent yet, at <paramref name="now"/>.</summary>
    public static CheckFinding? OfEmail(string caseId, DateTimeOffset queuedAt, DateTimeOffset now) =>
        now - queuedAt > EmailStuckAfter ? new(caseId, EmailStuck, queuedAt) : null;

    /// <summary>
    /// An URGENT email held past on-call's hourly cap (<see cref="Messaging.OnCallCap"/>) is not late while its hour's
    /// summary is not due (<paramref name="summaryDue"/>), however long ago it was queued: it is stuck only when that
    /// summary is <see cref="EmailStuckAfter"/> late.
    /// </summary>
    public static CheckFinding? OfHeldEmail(string caseId, DateTimeOffset queuedAt, DateTimeOffset summaryDue, DateTimeOffset now) =>
        now - summaryDue > EmailStuckAfter ? new(caseId, EmailStuck, queuedAt) : null;

    /// <summary>
    /// When the record's earliest pending timer (<paramref name="nextTimer"/>) is more than <see cref="Grace"/> in the
    /// past, a live engine did not fire it: the case is to be woken. Null when nothing is overdue.
    /// </summary>
    public static DateTimeOffset? OverdueTimer(CaseOverview c, DateTimeOffset? nextTimer, DateTimeOffset now) =>
        c.IsOpen && nextTimer is { } due && now - due > Grace ? due : null;

    /// <summary>When unrecorded urgency has been escalated all the way (to on-call): past it, it is a finding.</summary>
    public DateTimeOffset UrgencyLimit(CaseOverview c) => urgency.OnCallAt(c.ReceivedAt, calendar);
}
