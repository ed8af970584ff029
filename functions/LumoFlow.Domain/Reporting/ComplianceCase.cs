using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Domain.Reporting;

/// <summary>
/// What THL's deadline-compliance report (THL Act 668/2008 § 2) needs to know about one case — dates and a team, no personal
/// data. All dates are Helsinki local dates (docs/domain.md, Counting).
/// </summary>
/// <param name="CaseId">The case reference.</param>
/// <param name="TeamId">The team the case is with now (after any <c>Reassigned</c>).</param>
/// <param name="PendingOn">
/// The day the case became pending (vireille): the day of receipt, or for a pre-birth case the day of birth (LSL § 25 c(3)):
/// <see cref="Deadlines.StatutoryDeadlines.ReceivedOn"/>. Null while a pre-birth case waits for the birth: it is not yet
/// a child-welfare case and has no deadlines.
/// </param>
/// <param name="DecisionDue">LSL § 26(5): the 7th working day after receipt, by which the decision whether to start the assessment is made.</param>
/// <param name="DecidedOn">The day that decision was recorded (<c>DecisionMade</c>, either way); null while undecided.</param>
/// <param name="AssessmentDue">SHL § 36(3): 3 months after receipt, by which the assessment is completed.</param>
/// <param name="AssessmentCompletedOn">The day the assessment was completed (<c>AssessmentCompleted</c>); null until then.</param>
/// <param name="AssessmentStarted">
/// The decision was to start a service-need assessment of this case (a notification taken into the child's open
/// assessment counts as decided that day, but has no assessment of its own to complete).
/// </param>
/// <param name="Open">The case is still the organisation's: running, and not transferred to another region.</param>
public sealed record ComplianceCase(
    string CaseId,
    string TeamId,
    DateOnly? PendingOn,
    DateOnly? DecisionDue,
    DateOnly? DecidedOn,
    bool AssessmentStarted,
    DateOnly? AssessmentDue,
    DateOnly? AssessmentCompletedOn,
    bool Open)
{
    /// <summary>
    /// When the case stopped being the organisation's: the day it was transferred (LSL § 25 d), or ended. THL: an
    /// undecided case that ended after its <see cref="DecisionDue"/> exceeded the limit; one that ended on or before it
    /// stays outside the share.
    /// </summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>The report's facts about the case as the workflow holds it.</summary>
    public static ComplianceCase Of(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            state.CaseId,
            state.TeamId,
            state.Deadlines?.ReceivedOn,
            state.Deadlines?.DecisionDue,
            state.Decision is { } decision ? HelsinkiTime.LocalDate(decision.At) : null,
            state.Decision?.StartAssessment == true && state.HandledInCaseId is null,
            state.Deadlines?.AssessmentDue,
            state.AssessmentCompletedAt is { } completedAt ? HelsinkiTime.LocalDate(completedAt) : null,
            state.IsOpen && state.Transfer is null)
        {
            EndedOn = state.Transfer is { } transfer ? HelsinkiTime.LocalDate(transfer.RecordedAt)
                : state.ClosedAt is { } closedAt ? HelsinkiTime.LocalDate(closedAt)
                : state.IsOpen ? null : HelsinkiTime.LocalDate(state.LastUpdatedTime),
        };
    }
}
