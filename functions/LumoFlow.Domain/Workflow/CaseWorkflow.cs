using System.Globalization;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;
using static LumoFlow.Domain.Workflow.CasePhase;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// The case workflow as a function: (state, event, now) → what follows. Every rule about what happens to a
/// notification lives here and in the files it names: <see cref="DeadlineRules"/> (statutory deadlines),
/// <see cref="ReminderSchedule"/> (reminder lead times), <see cref="ClosingRules"/> (what blocks closing).
/// This file: opening a case and which event is allowed in which phase. The staff events are in
/// CaseWorkflow.Events.cs, the timers in CaseWorkflow.Timers.cs. No I/O and no clock: <c>now</c> is given.
/// </summary>
public sealed partial class CaseWorkflow(DeadlineRules deadlineRules, WorkingDayCalendar calendar, RoutingTable routing, WorkflowOptions options)
{
    private ReminderSchedule Schedule => options.Reminders;
    private UrgencySchedule Urgency => options.Urgency;

    /// <summary>
    /// Which events may happen in which phase; anything else is refused with 409 and the reason. The staff events say
    /// theirs in their catalogue entry (<see cref="StaffEvents"/>); the others are here.
    /// </summary>
    private static readonly Dictionary<Type, IReadOnlyList<CasePhase>> AllowedIn = new Dictionary<Type, IReadOnlyList<CasePhase>>
    {
        // SHL § 41: a partner answers a request of a born child's case, until the case ends.
        [typeof(PartnerInputReceived)] = [AwaitingDecision, Assessing, ReadyToClose, Closing],
        // THL: a new notification about the same child is linked, never dropped.
        [typeof(RelatedNotificationReceived)] = [AwaitingBirth, AwaitingDecision, Assessing, ReadyToClose, Closing],
        // The open assessment a new notification was taken into (HandledInOpenAssessment) records it.
        [typeof(NotificationTakenIntoAssessment)] = [Assessing, ReadyToClose],
        // An administrator or a team lead may stop any open case.
        [typeof(CaseTerminated)] = [AwaitingBirth, AwaitingDecision, Assessing, ReadyToClose, Closing],
        // The daily check wakes any open case whose timer the engine did not fire.
        [typeof(WokenByCheck)] = [AwaitingBirth, AwaitingDecision, Assessing, ReadyToClose, Closing],
    }.Concat(StaffEvents.All.Select(e => KeyValuePair.Create(e.Type, e.AllowedIn))).ToDictionary();

    /// <summary>Whether an event of <paramref name="eventType"/> is allowed in <paramref name="phase"/>.</summary>
    public static bool IsAllowed(Type eventType, CasePhase phase) => AllowedIn.TryGetValue(eventType, out var phases) && phases.Contains(phase);

    /// <summary>
    /// LSL § 25 c: a pre-birth notification opens a child-welfare case only once the child is born; until then the case
    /// waits for the birth and no deadline runs.
    /// </summary>
    public static bool WaitsForBirth(Notification notification) => (notification.Kind ?? NotificationKinds.ChildWelfare) == NotificationKinds.PreBirth;

    /// <summary>
    /// The notification is received and the case of one of its children opens (vireilletulo, LSL § 26(1)): a case
    /// concerns one child, so a notification about siblings opens one for each (<see cref="NotificationReceived.ChildNumber"/>).
    /// </summary>
    public WorkflowStep Open(string caseId, NotificationReceived received, DateTimeOffset now)
    {
        var notification = received.Notification;
        var kind = notification.Kind ?? NotificationKinds.ChildWelfare;
        var notifier = notification.Notifier ?? new Notifier { Type = NotifierTypes.Private, Anonymous = true };
        var child = notification.Children?.ElementAtOrDefault(received.ChildNumber) ?? new Child();
        var contact = new NotifierContact(
            Type: notifier.Type ?? NotifierTypes.Private,
            Anonymous: notifier.Anonymous,
            Email: IsEmail(notifier.Email) ? notifier.Email!.Trim() : null,
            HasPhone: !string.IsNullOrWhiteSpace(notifier.Phone),
            Language: notifier.Language ?? "fi");
        var redFlag = Urgency.IsRedFlag(notification);

        var step = new StepBuilder(new CaseState
        {
            CaseId = caseId,
            Kind = kind,
            Phase = WaitsForBirth(notification) ? AwaitingBirth : AwaitingDecision,
            CreatedTime = now,
            ReceivedAt = received.ReceivedAt,
            LastUpdatedTime = now,
            TeamId = received.Team.Id,
            Notifier = contact,
            ImmediateDanger = notification.ImmediateDanger,
            OffenceSuspected = notification.OffenceSuspected,
            PendingChildKeys = received.ChildKeys,
            ChildNumber = received.ChildNumber,
            FamilyCaseIds = received.FamilyCaseIds.Count > 0 ? received.FamilyCaseIds : [caseId],
            ChildIdentified = PersonalIdentityCode.TryParse(child.IdentityCode, out _),
            HomeMunicipalityConfirmed = routing.Knows(child.HomeMunicipality),
            GuardianCount = notification.Guardians?.Count ?? 0,
            IntakeFlags = received.Flags,
            RedFlag = redFlag,
        }, now);

        step.History("NotificationReceived", received.Actor, new()
        {
            ["kind"] = kind,
            ["notifierType"] = contact.Type,
            ["children"] = (notification.Children?.Count ?? 0).ToString(CultureInfo.InvariantCulture),
            ["immediateDanger"] = notification.ImmediateDanger ? "true" : "false",
            ["offenceSuspected"] = notification.OffenceSuspected ? "true" : "false",
        }, at: received.ReceivedAt);
        // A notification made by phone or in person is registered afterwards: who did it, and when, is part of the record.
        if (received.RegisteredBy is { } registeredBy)
            step.History("NotificationRegistered", registeredBy, new() { ["receivedAt"] = received.ReceivedAt.ToString("O", CultureInfo.InvariantCulture) });
        step.History("RoutedToTeam", "system", new() { ["team"] = received.Team.Id });

        // The product's promise: the notifier is always contacted — or why not is recorded, here when it is evident.
        if (!contact.CanBeContacted)
            RecordContactImpossible(step, contact.Anonymous ? "anonymous notifier" : "no usable contact details given", "system");

        // LSL § 26(2): the urgent need is assessed at once, for every notification. A red flag reaches on-call now;
        // otherwise the team lead, then on-call, hear of it when it has not been recorded in time.
        if (redFlag)
            step.Email(received.Team.OnCallEmail, EmailTemplates.Urgent(received.Team.Language, caseId, options.CaseLink(caseId)), "Urgent");
        step.SetTimer(TimerNames.UrgencyLead, Urgency.LeadAt(received.ReceivedAt, calendar));
        step.SetTimer(TimerNames.UrgencyOnCall, Urgency.OnCallAt(received.ReceivedAt, calendar));
        // LSL § 25(3): a suspected offence is reported at once; not recorded by the next working morning, the lead hears of it.
        if (notification.OffenceSuspected) step.SetTimer(TimerNames.PoliceReportEscalation, NextWorkingMorning(received.ReceivedAt));

        // LSL § 26: the deadlines count from the receipt — which, for a notification registered afterwards, is earlier
        // than now. A timer already due fires at once.
        if (step.State.Phase == AwaitingDecision)
            StartDeadlines(step, received.ReceivedAt);
        // One receipt for the notifier, however many children: the first child's case sends it, naming every case.
        if (received.ChildNumber == 0)
            SendReceipt(step);
        return step.Build();
    }

    /// <summary>
    /// An event that was allowed when staff raised it no longer applies when it reaches the case, because another change
    /// came first (two people at once). Nothing changes but the history, which says what was refused and why.
    /// </summary>
    public static WorkflowStep RecordRefusal(CaseState state, CaseEvent caseEvent, WorkflowRefusal refusal, DateTimeOffset now)
    {
        var step = new StepBuilder(state, now);
        step.History("EventRefused", caseEvent.Actor, Details(
            ("event", caseEvent.GetType().Name),
            ("phase", state.Phase.ToString()),
            ("refusal", refusal.Kind.ToString()),
            ("code", refusal.Code.ToString()),
            ("subject", refusal.Subject),
            ("reason", refusal.Reason),
            ("missing", refusal.Missing.Count > 0 ? string.Join(",", refusal.Missing.Select(m => m.Code)) : null)));
        return step.Build();
    }

    /// <summary>Anything that happens to a case after it opened.</summary>
    public WorkflowOutcome Apply(CaseState state, CaseEvent caseEvent, DateTimeOffset now)
    {
        if (caseEvent is ChildIndexChecked checkedIndex)
            return LinkOpenCases(new StepBuilder(state, now), checkedIndex);
        if (caseEvent is TimerFired timer)
            return state.IsOpen ? OnTimer(new StepBuilder(state, now), timer.TimerName) : new WorkflowStep(state, [], [], [], []);

        if (!state.IsOpen)
            return new WorkflowRefusal(RefusalKind.CaseEnded, RefusalCode.CaseEnded,
                $"The case is {state.RuntimeStatus.ToString().ToLowerInvariant()}; nothing more can be recorded on it.", []);
        if (!IsAllowed(caseEvent.GetType(), state.Phase))
            return NotAllowed(caseEvent, state.Phase);

        var step = new StepBuilder(state, now);
        var outcome = caseEvent switch
        {
            UrgencyAssessed e => Record(step, e),
            NotifierContacted e => Record(step, e),
            NotifierContactImpossible e => Record(step, e),
            DecisionMade e => Decide(step, e),
            HandledInOpenAssessment e => HandleInOpenAssessment(step, e),
            NotificationTakenIntoAssessment e => Record(step, e),
            ChildAndGuardiansInformed e => Record(step, e),
            FamilyMemberInformed e => Record(step, e),
            FamilyMemberNotInformed e => Record(step, e),
            ClientStatusStarted e => Record(step, e),
            PartnerInputRequested e => RequestPartnerInput(step, e),
            PartnerInputWaived e => WaivePartnerInput(step, e),
            PartnerInputReceived e => ReceivePartnerInput(step, e),
            ChildMet e => Record(step, e),
            ChildNotMet e => Record(step, e),
            ChildViewsRecorded e => Record(step, e),
            GuardiansHeard e => Record(step, e),
            OffenceSuspected e => Record(step, e),
            PoliceReportFiled e => Record(step, e),
            PoliceAlreadyInformed e => Record(step, e),
            Reassigned e => Reassign(step, e),
            TransferredOut e => Transfer(step, e),
            TransferDocumentsSent e => Record(step, e),
            AssessmentCompleted e => Complete(step, e),
            ChildBorn e => Born(step, e),
            ChildIdentified e => Identify(step, e),
            PreBirthCaseClosed e => CloseBeforeBirth(step, e),
            RelatedNotificationReceived e => Record(step, e),
            WokenByCheck e => Record(step, e),
            CaseTerminated e => Terminate(step, e),
            _ => new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.UnknownEvent, $"Unknown event {caseEvent.GetType().Name}.", []),
        };
        return outcome is WorkflowStep ? FinishIfDone(step) : outcome;
    }

    /// <summary>
    /// A case in <see cref="Closing"/> ends by itself, as its <see cref="CaseState.PendingOutcome"/>, once what the law
    /// still asks is done (<see cref="ClosingRules.ToFinish"/>) — whichever event did the last of it.
    /// </summary>
    private WorkflowStep FinishIfDone(StepBuilder step)
    {
        if (step.State is { IsOpen: true, Phase: Closing, PendingOutcome: { } outcome } && ClosingRules.ToFinish(step.State).Count == 0)
        {
            step.History("CaseClosed", "system", new() { ["outcome"] = outcome });
            Close(step, RuntimeStatus.Completed, outcome);
        }
        return step.Build();
    }

    /// <summary>THL: a new notification matters even when the family is already a client — link it, never drop it.</summary>
    private static WorkflowStep LinkOpenCases(StepBuilder step, ChildIndexChecked e)
    {
        var newLinks = e.OpenCaseIds.Where(id => id != step.State.CaseId && !step.State.LinkedCaseIds.Contains(id)).Distinct().ToList();
        step.State = step.State with { LinkedCaseIds = [.. step.State.LinkedCaseIds, .. newLinks], PendingChildKeys = [] };
        foreach (var linked in newLinks)
            step.History("LinkedToOpenCase", "system", new() { ["caseId"] = linked });
        return step.Build();
    }

    /// <summary>
    /// LSL § 26(5), SHL § 36: the deadlines start when the case opens (or, pre-birth, when the child is born). Reminders
    /// whose time has passed are not sent late; the escalations and the overdue flags always are.
    /// </summary>
    private void StartDeadlines(StepBuilder step, DateTimeOffset openedAt)
    {
        var deadlines = deadlineRules.For(openedAt);
        step.State = step.State with { Deadlines = deadlines };
        step.History("DeadlinesSet", "system", new()
        {
            ["decisionDue"] = deadlines.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["assessmentDue"] = deadlines.AssessmentDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        SetIfFuture(step, TimerNames.DecisionReminder, Schedule.DecisionReminder(deadlines, calendar));
        SetIfFuture(step, TimerNames.InformFamilyReminder, Schedule.InformFamilyReminder(deadlines, calendar));
        step.SetTimer(TimerNames.DecisionEscalation, Schedule.DecisionEscalation(deadlines));
        step.SetTimer(TimerNames.DecisionOverdue, ReminderSchedule.EndOf(deadlines.DecisionDue));
        // THL: the child and the guardians are told within the same 7 working days — escalated and flagged like the decision.
        if (!FamilyInformation.Told(step.State))
        {
            step.SetTimer(TimerNames.InformFamilyEscalation, Schedule.DecisionEscalation(deadlines));
            step.SetTimer(TimerNames.InformFamilyOverdue, ReminderSchedule.EndOf(deadlines.DecisionDue));
        }
        if (step.State.NotifierContactRecord is null)
            SetIfFuture(step, TimerNames.NotifierContactReminder, Schedule.NotifierContactReminder(deadlines, 0, calendar));
        foreach (var daysBefore in Schedule.AssessmentReminderDaysBefore)
            SetIfFuture(step, TimerNames.AssessmentReminder(daysBefore), Schedule.AssessmentReminder(deadlines, daysBefore, calendar));
        step.SetTimer(TimerNames.AssessmentOverdue, ReminderSchedule.EndOf(deadlines.AssessmentDue));
        step.SetTimer(TimerNames.AssessmentEscalation, Schedule.AssessmentEscalation(deadlines, calendar));
    }

    /// <summary>THL practice: the notifier gets feedback — a receipt with the reference and what happens next.</summary>
    private static void SendReceipt(StepBuilder step)
    {
        if (step.State.Notifier.Email is not { } email) return;
        var references = string.Join(", ", step.State.FamilyCaseIds);
        var text = step.State.Deadlines is { } deadlines
            ? EmailTemplates.Receipt(step.State.Notifier.Language, references, deadlines.DecisionDue)
            : EmailTemplates.PreBirthReceipt(step.State.Notifier.Language, references);
        step.Email(email, text, "Receipt");
    }

    private static void SetIfFuture(StepBuilder step, string name, DateTimeOffset at)
    {
        if (at > step.Now) step.SetTimer(name, at);
    }

    /// <summary>Every timer the case may have pending, so closing cancels them all.</summary>
    private void CancelAllTimers(StepBuilder step)
    {
        foreach (var name in TimerNames.Fixed(Schedule)) step.CancelTimer(name);
        foreach (var partner in step.State.Partners) step.CancelTimer(TimerNames.Partner(partner.Id));
    }

    private void Close(StepBuilder step, RuntimeStatus status, string outcome)
    {
        step.State = step.State with { RuntimeStatus = status, Phase = Closed, Outcome = outcome, PendingOutcome = null, ClosedAt = step.Now };
        CancelAllTimers(step);
    }

    /// <summary>The next working day's morning (<see cref="ReminderSchedule.MorningAt"/>): when a duty due "at once" is escalated.</summary>
    private DateTimeOffset NextWorkingMorning(DateTimeOffset from) =>
        HelsinkiTime.AtLocalTime(calendar.AddWorkingDays(HelsinkiTime.LocalDate(from), 1), Schedule.MorningAt);

    private Team TeamOf(CaseState state) => routing.Team(state.TeamId);
    private string WorkerOf(CaseState state) => state.WorkerEmail ?? TeamOf(state).WorkerEmail;

    private void NotifyStaff(StepBuilder step, string to, StaffNotice notice, DateOnly? due) =>
        step.Email(to, StaffNotices.Text(notice, TeamOf(step.State).Language, step.State.CaseId, due, options.CaseLink(step.State.CaseId)), notice.ToString());

    private static WorkflowRefusal NotAllowed(CaseEvent caseEvent, CasePhase phase)
    {
        var name = caseEvent.GetType().Name;
        var (code, hint) = (caseEvent, phase) switch
        {
            (AssessmentCompleted, AwaitingDecision) => (RefusalCode.DecideFirst, " Record DecisionMade with startAssessment=true first."),
            (_, AwaitingBirth) => (RefusalCode.WaitingForBirth, " The case waits for the birth (LSL § 25 c): record ChildBorn first."),
            (DecisionMade, _) => (RefusalCode.AlreadyDecided, " The decision has already been made."),
            (ChildBorn or PreBirthCaseClosed, _) => (RefusalCode.NotWaitingForBirth, " Only a pre-birth case that still waits for the birth can record it."),
            _ => (RefusalCode.NotAllowedInPhase, ""),
        };
        return new WorkflowRefusal(RefusalKind.NotAllowedNow, code, $"{name} is not allowed while the case is {phase}.{hint}", []);
    }

    /// <summary>An address the receipt can go to: a malformed one a private notifier gave is kept, flagged, and not written to.</summary>
    private static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Host.Contains('.');

    private static Dictionary<string, string> Details(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
}
