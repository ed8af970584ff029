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
/// The day the case became pending (vireille), the day of receipt: <see cref="Deadlines.StatutoryDeadlines.ReceivedOn"/>.
/// Null while a pre-birth case (LSL § 25 c) waits for the birth: it is not yet a child-welfare case and has no deadlines.
/// </param>
/// <param name="DecisionDue">LSL § 26(5): the 7th working day after receipt, by which the decision whether to start the assessment is made.</param>
/// <param name="DecidedOn">The day that decision was recorded (<c>DecisionMade</c>, either way); null while undecided.</param>
/// <param name="AssessmentStarted">The decision was to start a service-need assessment.</param>
/// <param name="AssessmentDue">SHL § 36(3): 3 months after receipt, by which the assessment is completed.</param>
/// <param name="AssessmentCompletedOn">The day the assessment was completed (<c>AssessmentCompleted</c>); null until then.</param>
/// <param name="Open">The case is still running (not completed or terminated).</param>
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
            state.Decision?.StartAssessment == true,
            state.Deadlines?.AssessmentDue,
            state.AssessmentCompletedAt is { } completedAt ? HelsinkiTime.LocalDate(completedAt) : null,
            state.IsOpen);
    }
}
