namespace LumoFlow.Domain.Workflow;

/// <summary>The durable timers the workflow sets. One name per purpose: setting it again moves it.</summary>
public static class TimerNames
{
    /// <summary>LSL § 26(2): urgency not recorded by then — the team lead is told (<see cref="UrgencySchedule"/>).</summary>
    public const string UrgencyLead = "urgency-lead";
    /// <summary>LSL § 26(2): urgency still not recorded — the on-call address is told.</summary>
    public const string UrgencyOnCall = "urgency-on-call";
    /// <summary>Reminder to the social worker before <c>decisionDue</c>.</summary>
    public const string DecisionReminder = "decision-reminder";
    /// <summary>Reminder to inform the child and guardians before <c>decisionDue</c>.</summary>
    public const string InformFamilyReminder = "inform-family-reminder";
    /// <summary>THL: the family not told by the morning of <c>decisionDue</c> — the team lead is told.</summary>
    public const string InformFamilyEscalation = "inform-family-escalation";
    /// <summary>The end of the <c>decisionDue</c> day: the family's information is flagged overdue if not done.</summary>
    public const string InformFamilyOverdue = "inform-family-overdue";
    /// <summary>LSL § 25(3): the police report not recorded by the next working morning after the suspicion — the team lead is told.</summary>
    public const string PoliceReportEscalation = "police-report-escalation";
    /// <summary>LSL § 27(3): the family not told of client status by the next working morning — the team lead is told.</summary>
    public const string ClientStatusNotice = "client-status-notice";
    /// <summary>A case in <c>Closing</c> with duties left: the social worker is reminded, again every few working days.</summary>
    public const string ClosingReminder = "closing-reminder";
    /// <summary>Escalation to the team lead on the morning of <c>decisionDue</c>.</summary>
    public const string DecisionEscalation = "decision-escalation";
    /// <summary>The end of the <c>decisionDue</c> day (LSL § 26(5)): flag the case overdue if no decision.</summary>
    public const string DecisionOverdue = "decision-overdue";
    /// <summary>The notifier has not been contacted; repeats until contact or the decision.</summary>
    public const string NotifierContactReminder = "notifier-contact-reminder";
    /// <summary>The end of the <c>assessmentDue</c> day (SHL § 36(3)): flag the case overdue if not completed.</summary>
    public const string AssessmentOverdue = "assessment-overdue";
    /// <summary>The first working-day morning after <c>assessmentDue</c>: escalation to the team lead.</summary>
    public const string AssessmentEscalation = "assessment-escalation";

    private const string AssessmentReminderPrefix = "assessment-reminder-";
    private const string PartnerPrefix = "partner-";

    /// <summary>Reminder <paramref name="daysBefore"/> days before <c>assessmentDue</c>.</summary>
    public static string AssessmentReminder(int daysBefore) => AssessmentReminderPrefix + daysBefore;

    /// <summary>Follow-ups of one partner request.</summary>
    public static string Partner(string requestId) => PartnerPrefix + requestId;

    public static bool IsAssessmentReminder(string name, out int daysBefore)
    {
        daysBefore = 0;
        return name.StartsWith(AssessmentReminderPrefix, StringComparison.Ordinal) && int.TryParse(name[AssessmentReminderPrefix.Length..], out daysBefore);
    }

    public static bool IsPartner(string name, out string requestId)
    {
        requestId = name.StartsWith(PartnerPrefix, StringComparison.Ordinal) ? name[PartnerPrefix.Length..] : "";
        return requestId.Length > 0;
    }

    /// <summary>The case-level timers (not per partner), for cancelling them all at close.</summary>
    public static IEnumerable<string> Fixed(ReminderSchedule schedule) =>
        [UrgencyLead, UrgencyOnCall, DecisionReminder, InformFamilyReminder, InformFamilyEscalation, InformFamilyOverdue, PoliceReportEscalation,
         ClientStatusNotice, ClosingReminder, DecisionEscalation, DecisionOverdue, NotifierContactReminder, AssessmentOverdue, AssessmentEscalation,
         .. schedule.AssessmentReminderDaysBefore.Select(AssessmentReminder)];
}
