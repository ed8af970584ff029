namespace LumoFlow.Domain.Workflow;

/// <summary>The durable timers the workflow sets. One name per purpose: setting it again moves it.</summary>
public static class TimerNames
{
    /// <summary>The end of the <c>decisionDue</c> day (LSL § 26(5)): flag the case overdue if no decision.</summary>
    public const string DecisionOverdue = "decision-overdue";
    /// <summary>The end of the <c>assessmentDue</c> day (SHL § 36(3)): flag the case overdue if not completed.</summary>
    public const string AssessmentOverdue = "assessment-overdue";

    public static readonly IReadOnlyList<string> All = [DecisionOverdue, AssessmentOverdue];
}
