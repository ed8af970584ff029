namespace LumoFlow.Domain.Workflow;

/// <summary>
/// The case's custom status (as in Durable Functions): the phase, what is still open (and blocks closing), and which
/// deadlines have passed.
/// </summary>
public sealed record CustomStatus(string Phase, IReadOnlyList<string> OpenObligations, IReadOnlyList<string> Overdue, string? Outcome)
{
    public static CustomStatus Of(CaseState state)
    {
        var overdue = new List<string>();
        if (state.IsOpen && state.DecisionOverdue && state.Phase == CasePhase.AwaitingDecision) overdue.Add("decision");
        if (state.IsOpen && state.AssessmentOverdue) overdue.Add("assessment");
        if (state.IsOpen && state.InformFamilyOverdue && !FamilyInformation.Told(state)) overdue.Add("informFamily");
        var obligations = ClosingRules.OpenObligations(state).Select(o => o.Code).ToList();
        return new CustomStatus(state.Phase.ToString(), obligations, overdue, state.Outcome);
    }
}
