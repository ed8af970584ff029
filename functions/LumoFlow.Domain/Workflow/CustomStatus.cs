namespace LumoFlow.Domain.Workflow;

/// <summary>
/// The case's custom status (as in Durable Functions): the phase, what is still open, and which deadlines have passed.
/// </summary>
public sealed record CustomStatus(string Phase, IReadOnlyList<string> OpenObligations, IReadOnlyList<string> Overdue)
{
    public static CustomStatus Of(CaseState state)
    {
        var overdue = new List<string>();
        if (state.DecisionOverdue) overdue.Add("decision");
        if (state.AssessmentOverdue && state.RuntimeStatus == RuntimeStatus.Running) overdue.Add("assessment");
        return new CustomStatus(state.Phase.ToString(), Obligations.Open(state), overdue);
    }
}

/// <summary>What must still happen before the case may close (walking-skeleton set; grows with the assessment rules).</summary>
public static class Obligations
{
    public static IReadOnlyList<string> Open(CaseState state)
    {
        if (state.RuntimeStatus != RuntimeStatus.Running) return [];
        var open = new List<string>();
        if (state.Phase == CasePhase.AwaitingBirth) open.Add("recordBirth");
        if (state.Phase == CasePhase.AwaitingDecision) open.Add("decideOnAssessment"); // LSL § 26(5)
        if (state.Notifier.CanBeContacted) open.Add("contactNotifier"); // THL practice; the product's promise
        if (state.OffenceSuspected) open.Add("fileReportToPolice"); // LSL § 25(3)
        return open;
    }
}
