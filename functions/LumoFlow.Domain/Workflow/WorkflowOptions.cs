namespace LumoFlow.Domain.Workflow;

/// <summary>Settings the workflow rules read; no I/O behind them.</summary>
/// <param name="PublicBaseUrl">Where staff open a case, e.g. <c>https://lumoflow.example.fi</c>; links in emails start with it.</param>
public sealed record WorkflowOptions(string PublicBaseUrl)
{
    public string CaseLink(string caseId) => $"{PublicBaseUrl.TrimEnd('/')}/api/cases/{caseId}";
}
