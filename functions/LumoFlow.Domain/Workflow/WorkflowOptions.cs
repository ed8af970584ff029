namespace LumoFlow.Domain.Workflow;

/// <summary>Settings the workflow rules read; no I/O behind them.</summary>
/// <param name="PublicBaseUrl">Where LumoFlow is reached, e.g. <c>https://lumoflow.example.fi</c>; links in emails start with it.</param>
public sealed record WorkflowOptions(string PublicBaseUrl)
{
    public ReminderSchedule Reminders { get; init; } = new();

    /// <summary>How an unrecorded urgency assessment escalates (LSL § 26(2)).</summary>
    public UrgencySchedule Urgency { get; init; } = new();

    /// <summary>
    /// Whether a professional notifier's feedback after the decision tells whether an assessment was started
    /// (<c>LumoFlow:Feedback:TellOutcome</c>, default no). It is information about a social-welfare client sent by
    /// unprotected email; no statute requires it and its legal basis is doubtful — turn it on only on legal advice.
    /// </summary>
    public bool FeedbackTellsOutcome { get; init; }

    /// <summary>The staff link to a case.</summary>
    public string CaseLink(string caseId) => $"{PublicBaseUrl.TrimEnd('/')}/api/cases/{caseId}";

    /// <summary>A partner's single-use answer link.</summary>
    public string PartnerLink(string token) => $"{PublicBaseUrl.TrimEnd('/')}/partner-input/{token}";
}
