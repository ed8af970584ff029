using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Notifications;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// The case workflow as a function: (state, event, now) → what follows. Every rule about what a
/// notification sets in motion lives here or in the files it names; the engine only applies the result.
/// No I/O and no clock: <c>now</c> is given.
/// </summary>
public sealed class CaseWorkflow(DeadlineRules deadlineRules, WorkflowOptions options)
{
    /// <summary>The notification is received and the case opens (vireilletulo).</summary>
    public WorkflowStep Open(string caseId, NotificationReceived received, DateTimeOffset now)
    {
        var notification = received.Notification;
        var kind = notification.Kind ?? NotificationKinds.ChildWelfare;
        var notifier = notification.Notifier!;
        var contact = new NotifierContact(
            Type: notifier.Type!,
            Anonymous: notifier.Anonymous,
            Email: string.IsNullOrWhiteSpace(notifier.Email) ? null : notifier.Email.Trim(),
            HasPhone: !string.IsNullOrWhiteSpace(notifier.Phone),
            Language: notifier.Language ?? "fi");

        // LSL § 25 c: a pre-birth case opens as a child-welfare case only after the birth; until then no deadlines run.
        var deadlines = kind == NotificationKinds.PreBirth ? null : deadlineRules.For(now);

        var state = new CaseState
        {
            CaseId = caseId,
            Kind = kind,
            Phase = deadlines is null ? CasePhase.AwaitingBirth : CasePhase.AwaitingDecision,
            CreatedTime = now,
            LastUpdatedTime = now,
            Deadlines = deadlines,
            TeamId = received.Team.Id,
            Notifier = contact,
            ImmediateDanger = notification.ImmediateDanger,
            OffenceSuspected = notification.OffenceSuspected,
            LinkedCaseIds = received.LinkedCaseIds,
        };

        var history = new List<HistoryEntry>
        {
            new("NotificationReceived", now, received.Actor, new Dictionary<string, string>
            {
                ["kind"] = kind,
                ["notifierType"] = contact.Type,
                ["children"] = notification.Children!.Count.ToString(),
                ["immediateDanger"] = notification.ImmediateDanger ? "true" : "false",
                ["offenceSuspected"] = notification.OffenceSuspected ? "true" : "false",
            }),
            new("RoutedToTeam", now, "system", new Dictionary<string, string> { ["team"] = received.Team.Id }),
        };
        // THL: a new notification matters even when the family is already a client — link it, never drop it.
        history.AddRange(received.LinkedCaseIds.Select(linked =>
            new HistoryEntry("LinkedToOpenCase", now, "system", new Dictionary<string, string> { ["caseId"] = linked })));

        var timers = new List<DurableTimer>();
        if (deadlines is not null)
        {
            history.Add(new HistoryEntry("DeadlinesSet", now, "system", new Dictionary<string, string>
            {
                ["decisionDue"] = deadlines.DecisionDue.ToString("yyyy-MM-dd"),
                ["assessmentDue"] = deadlines.AssessmentDue.ToString("yyyy-MM-dd"),
            }));
            timers.Add(new DurableTimer(TimerNames.DecisionOverdue, EndOf(deadlines.DecisionDue)));
            timers.Add(new DurableTimer(TimerNames.AssessmentOverdue, EndOf(deadlines.AssessmentDue)));
        }

        var emails = new EmailQueue(state);
        // LSL § 26(1): a child said to be in immediate danger reaches a social worker (on call) at once.
        if (notification.ImmediateDanger)
        {
            var text = EmailTemplates.Urgent(received.Team.Language, caseId, options.CaseLink(caseId));
            emails.Add(received.Team.OnCallEmail, text, "Urgent");
        }
        // THL practice: the notifier gets feedback — a receipt with the reference and what happens next.
        if (contact.Email is not null && deadlines is not null)
            emails.Add(contact.Email, EmailTemplates.Receipt(contact.Language, caseId, deadlines.DecisionDue), "Receipt");

        history.AddRange(emails.Queued.Select(e =>
            new HistoryEntry("EmailQueued", now, "system", new Dictionary<string, string> { ["email"] = e.Id, ["kind"] = e.Kind })));
        return new WorkflowStep(emails.State, history, timers, [], emails.Queued);
    }

    /// <summary>Anything that happens to an open case after it opened.</summary>
    public WorkflowOutcome Apply(CaseState state, CaseEvent caseEvent, DateTimeOffset now)
    {
        if (state.RuntimeStatus != RuntimeStatus.Running)
        {
            // A timer that outlived its case does nothing; anything else is told the case has ended.
            return caseEvent is TimerFired
                ? Nothing(state)
                : new WorkflowRefusal(RefusalKind.CaseEnded, $"The case is {state.RuntimeStatus.ToString().ToLowerInvariant()}.", []);
        }

        return caseEvent switch
        {
            TimerFired { TimerName: TimerNames.DecisionOverdue } => DecisionDeadlinePassed(state, now),
            TimerFired { TimerName: TimerNames.AssessmentOverdue } => AssessmentDeadlinePassed(state, now),
            TimerFired => Nothing(state),
            CaseTerminated terminated => Terminate(state, terminated, now),
            RelatedNotificationReceived related => LinkRelated(state, related, now),
            _ => new WorkflowRefusal(RefusalKind.NotAllowedNow, $"{caseEvent.GetType().Name} is not handled.", []),
        };
    }

    /// <summary>LSL § 26(5): the decision was due by the end of the 7th working day.</summary>
    private static WorkflowOutcome DecisionDeadlinePassed(CaseState state, DateTimeOffset now)
    {
        if (state.Phase != CasePhase.AwaitingDecision) return Nothing(state);
        return new WorkflowStep(
            state with { DecisionOverdue = true, LastUpdatedTime = now },
            [new HistoryEntry("DecisionOverdue", now, "system", Due(state.Deadlines!.DecisionDue))],
            [], [], []);
    }

    /// <summary>SHL § 36(3): the assessment was due within 3 months of the case opening.</summary>
    private static WorkflowOutcome AssessmentDeadlinePassed(CaseState state, DateTimeOffset now) =>
        new WorkflowStep(
            state with { AssessmentOverdue = true, LastUpdatedTime = now },
            [new HistoryEntry("AssessmentOverdue", now, "system", Due(state.Deadlines!.AssessmentDue))],
            [], [], []);

    /// <summary>THL: a new notification about a child with an open case helps see the whole picture — link it.</summary>
    private static WorkflowOutcome LinkRelated(CaseState state, RelatedNotificationReceived related, DateTimeOffset now) =>
        new WorkflowStep(
            state with { LinkedCaseIds = [.. state.LinkedCaseIds, related.NewCaseId], LastUpdatedTime = now },
            [new HistoryEntry("RelatedNotificationReceived", now, related.Actor, new Dictionary<string, string> { ["caseId"] = related.NewCaseId })],
            [], [], []);

    private static WorkflowOutcome Terminate(CaseState state, CaseTerminated terminated, DateTimeOffset now) =>
        new WorkflowStep(
            state with
            {
                RuntimeStatus = RuntimeStatus.Terminated,
                Phase = CasePhase.Closed,
                TerminationReason = terminated.Reason,
                LastUpdatedTime = now,
            },
            [new HistoryEntry("Terminated", now, terminated.Actor, new Dictionary<string, string> { ["reason"] = terminated.Reason })],
            [],
            TimerNames.All,
            []);

    private static WorkflowStep Nothing(CaseState state) => new(state, [], [], [], []);

    /// <summary>A deadline day has passed when the next Helsinki day begins.</summary>
    private static DateTimeOffset EndOf(DateOnly day) => HelsinkiTime.StartOfDay(day.AddDays(1));

    private static Dictionary<string, string> Due(DateOnly due) => new() { ["due"] = due.ToString("yyyy-MM-dd") };

    /// <summary>Numbers the emails of one step so each outbox id is unique within the case.</summary>
    private sealed class EmailQueue(CaseState state)
    {
        private readonly List<Email> _queued = [];
        public CaseState State => state with { EmailsQueued = state.EmailsQueued + _queued.Count };
        public IReadOnlyList<Email> Queued => _queued;

        public void Add(string to, EmailTemplates.Text text, string kind) =>
            _queued.Add(new Email($"{state.CaseId}-{state.EmailsQueued + _queued.Count + 1:D3}", to, text.Subject, text.Body, kind));
    }
}
