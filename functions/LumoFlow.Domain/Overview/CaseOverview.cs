using LumoFlow.Domain.Workflow;

namespace LumoFlow.Domain.Overview;

/// <summary>The deadline a case works towards now: <c>decision</c> (LSL § 26(5)) or <c>assessment</c> (SHL § 36(3)).</summary>
public sealed record NextDeadline(string Kind, DateOnly Date)
{
    public const string Decision = "decision";
    public const string Assessment = "assessment";
}

/// <summary>
/// A case as administrators list it: where it stands and what it works towards, with no child data. Built from the
/// workflow's state; the overdue view is worked out on the day asked, so that a case whose timer has not fired yet (a
/// suspended one, say) shows overdue all the same.
/// </summary>
public sealed record CaseOverview(
    string CaseId,
    RuntimeStatus RuntimeStatus,
    CasePhase Phase,
    string TeamId,
    string? Worker,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    DateOnly? DecisionDue,
    DateOnly? AssessmentDue,
    bool DecisionOverdueNoted,
    bool AssessmentOverdueNoted,
    IReadOnlyList<string> OpenObligations,
    int LinkedCases)
{
    public bool IsOpen => RuntimeStatus == RuntimeStatus.Running;

    /// <summary>When the notification was received (the case has been pending since, LSL § 26(1)); the urgency clock counts from it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>LSL § 26(2): an open case whose urgent need is not assessed yet. Lists show these first.</summary>
    public bool UrgencyUnassessed => IsOpen && OpenObligations.Contains(UrgencyObligation);

    /// <summary>The obligation code of the urgency assessment (<see cref="ClosingRules"/>).</summary>
    public const string UrgencyObligation = "urgencyAssessment";

    /// <summary>LSL § 27: when child-welfare client status began, if it has.</summary>
    public DateTimeOffset? ClientStatusSince { get; init; }

    /// <summary>Whole hours since receipt at <paramref name="now"/>: what the lists show beside an unassessed urgency.</summary>
    public int HoursSinceReceipt(DateTimeOffset now) => (int)Math.Max(0, Math.Floor((now - ReceivedAt).TotalHours));

    public static CaseOverview Of(CaseState state) => new(
        state.CaseId,
        state.RuntimeStatus,
        state.Phase,
        state.TeamId,
        state.WorkerEmail,
        state.CreatedTime,
        state.LastUpdatedTime,
        state.Deadlines?.DecisionDue,
        state.Deadlines?.AssessmentDue,
        state.DecisionOverdue,
        state.AssessmentOverdue,
        state.IsOpen ? [.. ClosingRules.OpenObligations(state).Select(o => o.Code)] : [],
        state.LinkedCaseIds.Count)
    {
        ReceivedAt = state.ReceivedAt,
        ClientStatusSince = state.ClientStatus?.At,
    };

    /// <summary>
    /// While no decision is made, the decision's due date; once the assessment is under way, the assessment's. None for
    /// an ended case or a pre-birth case still waiting for the birth.
    /// </summary>
    public NextDeadline? NextDeadline => !IsOpen ? null : Phase switch
    {
        CasePhase.AwaitingDecision when DecisionDue is { } decision => new NextDeadline(NextDeadline.Decision, decision),
        CasePhase.Assessing or CasePhase.ReadyToClose when AssessmentDue is { } assessment => new NextDeadline(NextDeadline.Assessment, assessment),
        _ => null,
    };

    /// <summary>
    /// The deadlines that have passed unmet by <paramref name="today"/> (a Helsinki date): the decision while none is
    /// made, after its due day; the assessment while the case is open, after its due day. A deadline is met on its due
    /// day itself, so it is overdue from the day after.
    /// </summary>
    public IReadOnlyList<string> OverdueOn(DateOnly today)
    {
        if (!IsOpen) return [];
        var overdue = new List<string>();
        if (Phase == CasePhase.AwaitingDecision && (DecisionOverdueNoted || DecisionDue < today)) overdue.Add(NextDeadline.Decision);
        if (Phase is not (CasePhase.AwaitingBirth or CasePhase.Closing) && (AssessmentOverdueNoted || AssessmentDue < today)) overdue.Add(NextDeadline.Assessment);
        return overdue;
    }
}
