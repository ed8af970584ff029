using System.Globalization;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Notifications;
using static LumoFlow.Domain.Workflow.CasePhase;

namespace LumoFlow.Domain.Workflow;

/// <summary>What each staff event records and sets in motion (SHL §§ 36–41, LSL §§ 25–29).</summary>
public sealed partial class CaseWorkflow
{
    /// <summary>
    /// LSL § 26(2): the immediate assessment of urgent need. An urgent measure taken (LSL §§ 37 b, 38) begins client
    /// status by itself (§ 27(2)).
    /// </summary>
    private WorkflowStep Record(StepBuilder step, UrgencyAssessed e)
    {
        step.State = step.State with { Urgency = new UrgencyAssessment(e.Urgent, step.Now, e.Actor) };
        step.History(nameof(UrgencyAssessed), e.Actor, Details(("urgent", e.Urgent ? "true" : "false"), ("measure", e.Measure)));
        step.Document(nameof(UrgencyAssessed), e.Note, e.Actor);
        step.CancelTimer(TimerNames.UrgencyLead);
        step.CancelTimer(TimerNames.UrgencyOnCall);
        // Before the birth there is no child-welfare client yet (LSL § 25 c(3)): the measure is recorded, client status is not.
        if (e.Urgent && e.Measure is not null && step.State.ClientStatus is null && step.State.Phase != AwaitingBirth)
            StartClientStatus(step, ClientStatusReasons.UrgentMeasure, step.Now, e.Actor);
        return step.Build();
    }

    /// <summary>LSL § 27: client status begins; the guardian and the child are to be told at once (§ 27(3)).</summary>
    private WorkflowOutcome Record(StepBuilder step, ClientStatusStarted e)
    {
        if (step.State.ClientStatus is { } started)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.ClientStatusAlreadyStarted,
                $"Client status began already ({started.Reason}).", [], started.Reason);
        StartClientStatus(step, e.Reason, e.At, e.Actor);
        return step.Build();
    }

    private void StartClientStatus(StepBuilder step, string reason, DateTimeOffset at, string actor)
    {
        step.State = step.State with { ClientStatus = new ClientStatusRecord(reason, at, actor) };
        step.History(nameof(ClientStatusStarted), actor, new() { ["reason"] = reason, ["at"] = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) });
        // Not told by the next working morning: the team lead hears of it.
        step.SetTimer(TimerNames.ClientStatusNotice, NextWorkingMorning(step.Now));
    }

    /// <summary>The notifier was contacted: the promise is kept, the reminders stop.</summary>
    private static WorkflowStep Record(StepBuilder step, NotifierContacted e)
    {
        step.State = step.State with { NotifierContactRecord = new NotifierContactRecord(true, e.How, e.At, null) };
        step.History(nameof(NotifierContacted), e.Actor, new() { ["how"] = e.How, ["at"] = e.At.ToString("O") });
        step.Document(nameof(NotifierContacted), e.Note, e.Actor);
        step.CancelTimer(TimerNames.NotifierContactReminder);
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, NotifierContactImpossible e)
    {
        RecordContactImpossible(step, e.Reason, e.Actor);
        return step.Build();
    }

    private static void RecordContactImpossible(StepBuilder step, string reason, string actor)
    {
        step.State = step.State with { NotifierContactRecord = new NotifierContactRecord(false, null, step.Now, reason) };
        step.History(nameof(NotifierContactImpossible), actor, new() { ["reason"] = reason });
        step.CancelTimer(TimerNames.NotifierContactReminder);
    }

    /// <summary>
    /// LSL § 26(5): by the 7th working day the assessment is started, or found obviously unnecessary. Only the urgency
    /// assessment comes first (§ 26(2)); nothing of LumoFlow's own checklist holds the decision back, and it counts on
    /// the day it is recorded. Not to assess moves the case to <see cref="Closing"/>, where it finishes what the law
    /// still asks (<see cref="ClosingRules.ToCloseWithoutAssessment"/>) and then ends by itself.
    /// </summary>
    private WorkflowOutcome Decide(StepBuilder step, DecisionMade e)
    {
        if (UrgencyFirst(step.State) is { } refusal) return refusal;

        step.State = step.State with { Decision = new DecisionRecord(e.StartAssessment, step.Now, e.Actor), Phase = Assessing };
        step.History(nameof(DecisionMade), e.Actor, new() { ["startAssessment"] = e.StartAssessment ? "true" : "false" });
        step.Document(nameof(DecisionMade), e.Reason, e.Actor);
        CancelDecisionTimers(step);
        FeedbackToNotifier(step, e.StartAssessment);

        if (!e.StartAssessment)
        {
            CancelAssessmentTimers(step);
            step.State = step.State with { Phase = Closing, PendingOutcome = Outcomes.NoAssessment };
            RemindWhileClosing(step);
        }
        return step.Build();
    }

    /// <summary>LSL § 26(2) before § 26(5): the urgent need is assessed at once, so before any decision on the case.</summary>
    private static WorkflowRefusal? UrgencyFirst(CaseState state) => state.Urgency is not null ? null
        : new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.UrgencyFirst,
            "Record the urgency assessment (UrgencyAssessed) first: it comes at once, before the case is decided, transferred or closed.",
            [new Obligation("urgencyAssessment", "record UrgencyAssessed (LSL § 26(2))")]);

    /// <summary>
    /// After the decision a professional notifier hears that the notification has been processed — not the outcome,
    /// which is information about a social-welfare client (setting <c>LumoFlow:Feedback:TellOutcome</c>).
    /// </summary>
    private void FeedbackToNotifier(StepBuilder step, bool? started)
    {
        var notifier = step.State.Notifier;
        if (notifier is not { Type: NotifierTypes.Professional, Email: { } email }) return;
        var text = options.FeedbackTellsOutcome && started is { } outcome
            ? PartnerAndNotifierTexts.NotifierDecision(notifier.Language, step.State.CaseId, outcome)
            : PartnerAndNotifierTexts.NotifierProcessed(notifier.Language, step.State.CaseId);
        step.Email(email, text, "NotifierDecision");
    }

    /// <summary>
    /// A case finishing its duties is not forgotten: while something remains, the social worker is reminded every few
    /// working days (<see cref="ReminderSchedule.ClosingReminderWorkingDays"/>). A case that ends at once cancels it.
    /// </summary>
    private void RemindWhileClosing(StepBuilder step) =>
        step.SetTimer(TimerNames.ClosingReminder,
            HelsinkiTime.AtLocalTime(calendar.AddWorkingDays(HelsinkiTime.LocalDate(step.Now), Schedule.ClosingReminderWorkingDays), Schedule.MorningAt));

    private static void CancelDecisionTimers(StepBuilder step)
    {
        foreach (var timer in new[] { TimerNames.DecisionReminder, TimerNames.DecisionEscalation, TimerNames.DecisionOverdue, TimerNames.NotifierContactReminder })
            step.CancelTimer(timer);
    }

    /// <summary>No assessment (any more) in this case: its reminders, escalation and overdue flag go.</summary>
    private void CancelAssessmentTimers(StepBuilder step)
    {
        step.CancelTimer(TimerNames.AssessmentOverdue);
        step.CancelTimer(TimerNames.AssessmentEscalation);
        foreach (var daysBefore in Schedule.AssessmentReminderDaysBefore) step.CancelTimer(TimerNames.AssessmentReminder(daysBefore));
    }

    /// <summary>
    /// A new notification about a child whose assessment is under way is taken into it: this is the case's decision,
    /// on the day recorded. Its urgency assessment and the notifier contact still apply; the open case's history
    /// records it (the host tells it, <see cref="NotificationTakenIntoAssessment"/>).
    /// </summary>
    private WorkflowOutcome HandleInOpenAssessment(StepBuilder step, HandledInOpenAssessment e)
    {
        if (UrgencyFirst(step.State) is { } refusal) return refusal;
        if (!step.State.LinkedCaseIds.Contains(e.CaseId))
            return new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.NotALinkedCase,
                $"Case {e.CaseId} is not an open case of the same child linked to this one.", [], e.CaseId);
        if (!e.IsOpenAssessment)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.NotAnOpenAssessment,
                $"Case {e.CaseId} has no assessment under way to take this notification into.", [], e.CaseId);

        step.State = step.State with
        {
            Decision = new DecisionRecord(true, step.Now, e.Actor), HandledInCaseId = e.CaseId,
            Phase = Closing, PendingOutcome = Outcomes.HandledInOpenAssessment,
        };
        step.History(nameof(HandledInOpenAssessment), e.Actor, new() { ["caseId"] = e.CaseId });
        RemindWhileClosing(step);
        CancelDecisionTimers(step);
        CancelAssessmentTimers(step);
        CancelFamilyTimers(step); // the family is told within the open assessment
        FeedbackToNotifier(step, started: null);
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, NotificationTakenIntoAssessment e)
    {
        step.History(nameof(NotificationTakenIntoAssessment), e.Actor, new() { ["caseId"] = e.NewCaseId });
        return step.Build();
    }

    /// <summary>THL: everyone was told, together — the child and every guardian the notification named.</summary>
    private static WorkflowOutcome Record(StepBuilder step, ChildAndGuardiansInformed e)
    {
        if (NoChildYet(step.State) is { } refusal) return refusal;
        var together = Enumerable.Range(0, Math.Max(1, step.State.GuardianCount))
            .Select(i => new FamilyMemberRecord(FamilyRoles.Guardian, $"#together-{i}", true, e.At))
            .Prepend(new FamilyMemberRecord(FamilyRoles.Child, "#child", true, e.At));
        step.State = step.State with { FamilyMembers = [.. step.State.FamilyMembers, .. together] };
        step.History(nameof(ChildAndGuardiansInformed), e.Actor, new() { ["how"] = e.How, ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture) });
        NoteFamilyTold(step, e.At);
        return step.Build();
    }

    /// <summary>THL, LSL § 27(3): one member of the family was told; the name, when given, is a document.</summary>
    private static WorkflowOutcome Record(StepBuilder step, FamilyMemberInformed e)
    {
        if (NoChildYet(step.State) is { } refusal) return refusal;
        AddFamilyMember(step, e.Who, e.Name, informed: true, e.At);
        step.History(nameof(FamilyMemberInformed), e.Actor, new() { ["who"] = e.Who, ["how"] = e.How, ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture) });
        step.Document("FamilyMemberName", e.Name, e.Actor);
        NoteFamilyTold(step, e.At);
        return step.Build();
    }

    /// <summary>One member of the family is not told, for the lawful reason recorded (asiakaslaki 812/2000 § 11).</summary>
    private static WorkflowOutcome Record(StepBuilder step, FamilyMemberNotInformed e)
    {
        if (NoChildYet(step.State) is { } refusal) return refusal;
        AddFamilyMember(step, e.Who, e.Name, informed: false, step.Now);
        step.History(nameof(FamilyMemberNotInformed), e.Actor, new() { ["who"] = e.Who });
        step.Document(nameof(FamilyMemberNotInformed), e.Name is null ? e.Reason : $"{e.Name}: {e.Reason}", e.Actor);
        NoteFamilyTold(step, step.Now);
        return step.Build();
    }

    /// <summary>A pre-birth case transferred before the birth has no child to tell yet (LSL § 25 c).</summary>
    private static WorkflowRefusal? NoChildYet(CaseState state) => !state.Unborn ? null
        : new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.WaitingForBirth, "There is no child to tell yet: the case waits for the birth (LSL § 25 c).", []);

    private static void AddFamilyMember(StepBuilder step, string who, string? name, bool informed, DateTimeOffset at)
    {
        var key = who == FamilyRoles.Child ? "#child" : FamilyInformation.NameKey(name, $"#{step.State.FamilyMembers.Count}");
        step.State = step.State with { FamilyMembers = [.. step.State.FamilyMembers, new FamilyMemberRecord(who, key, informed, at)] };
    }

    /// <summary>Once the child and every guardian are done, the reminders, escalation and overdue flag of informing them go.</summary>
    private static void NoteFamilyTold(StepBuilder step, DateTimeOffset at)
    {
        if (step.State.FamilyInformedAt is not null || !FamilyInformation.Told(step.State)) return;
        step.State = step.State with { FamilyInformedAt = at };
        CancelFamilyTimers(step);
    }

    private static void CancelFamilyTimers(StepBuilder step)
    {
        step.CancelTimer(TimerNames.InformFamilyReminder);
        step.CancelTimer(TimerNames.InformFamilyEscalation);
        step.CancelTimer(TimerNames.InformFamilyOverdue);
    }

    /// <summary>
    /// SHL § 41: partners take part at the request of the responsible worker. The partner gets a single-use link that
    /// expires <see cref="ReminderSchedule.PartnerLinkDaysAfterLastReminder"/> days after its last reminder (or when
    /// answered, waived or the case ends: <see cref="PartnerLinks.Refusal"/>); the question is shown behind it, never
    /// in the email.
    /// </summary>
    private WorkflowStep RequestPartnerInput(StepBuilder step, PartnerInputRequested e)
    {
        var state = step.State;
        var id = $"P{state.Partners.Count + 1}";
        var today = Calendar.HelsinkiTime.LocalDate(step.Now);
        var expiresAt = Schedule.PartnerLinkExpiry(today, calendar);
        var request = new PartnerRequest(id, e.Partner.Kind, e.Partner.Organisation, e.Partner.Name, e.Partner.Email,
            e.Partner.Language ?? "fi", step.Now, today, e.Secret, expiresAt);

        step.State = state with { Partners = [.. state.Partners, request], Phase = state.Phase == ReadyToClose ? Assessing : state.Phase };
        step.History(nameof(PartnerInputRequested), e.Actor,
            new() { ["partnerRequestId"] = id, ["kind"] = request.Kind, ["organisation"] = request.Organisation });
        step.Document("PartnerQuestion", e.Question, e.Actor, id: $"partner-{id}-question");
        var link = options.PartnerLink(PartnerToken.Compose(state.CaseId, id, e.Secret));
        step.Email(request.Email,
            PartnerAndNotifierTexts.PartnerRequest(request.Language, state.CaseId, link, request.AnswerBy, reminder: false), "PartnerRequest");
        if (Schedule.PartnerFollowUp(today, 0, calendar) is { } first && first < expiresAt)
            step.SetTimer(TimerNames.Partner(id), first);
        return step.Build();
    }

    private static WorkflowOutcome WaivePartnerInput(StepBuilder step, PartnerInputWaived e)
    {
        if (FindOpenRequest(step.State, e.PartnerRequestId) is { } problem) return problem;
        UpdatePartner(step, e.PartnerRequestId, p => p with { Status = PartnerRequestStatus.Waived, ClosedAt = step.Now, WaivedReason = e.Reason });
        step.History(nameof(PartnerInputWaived), e.Actor, new() { ["partnerRequestId"] = e.PartnerRequestId, ["reason"] = e.Reason });
        step.CancelTimer(TimerNames.Partner(e.PartnerRequestId));
        return step.Build();
    }

    /// <summary>The partner answered through the link: the token must match, be unused and unexpired (<see cref="PartnerLinks"/>).</summary>
    private static WorkflowOutcome ReceivePartnerInput(StepBuilder step, PartnerInputReceived e)
    {
        var request = step.State.Partners.FirstOrDefault(p => p.Id == e.PartnerRequestId);
        if (request is null || !PartnerToken.Matches(e.Secret, request.Secret))
            return new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.LinkInvalid, "This link is not valid.", []);
        if (PartnerLinks.Refusal(step.State, request, step.Now) is { } refusal) return refusal;

        UpdatePartner(step, request.Id, p => p with { Status = PartnerRequestStatus.Answered, ClosedAt = step.Now });
        step.History(nameof(PartnerInputReceived), e.Actor, new() { ["partnerRequestId"] = request.Id, ["kind"] = request.Kind });
        step.Document("PartnerAnswer", e.RespondentName is null ? e.Answer : $"{e.Answer}\n\n— {e.RespondentName}", "partner",
            id: $"partner-{request.Id}-answer");
        step.CancelTimer(TimerNames.Partner(request.Id));
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, ChildMet e)
    {
        step.State = step.State with { ChildMeeting = new ChildMeeting(true, e.At, e.How, null) };
        step.History(nameof(ChildMet), e.Actor, new() { ["how"] = e.How, ["at"] = e.At.ToString("O") });
        step.Document(nameof(ChildMet), e.Note, e.Actor);
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, ChildNotMet e)
    {
        step.State = step.State with { ChildMeeting = new ChildMeeting(false, null, null, e.Reason) };
        step.History(nameof(ChildNotMet), e.Actor);
        step.Document(nameof(ChildNotMet), e.Reason, e.Actor);
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, ChildViewsRecorded e)
    {
        step.State = step.State with { ChildViewsRecorded = true };
        step.History(nameof(ChildViewsRecorded), e.Actor);
        step.Document(nameof(ChildViewsRecorded), e.Note, e.Actor);
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, GuardiansHeard e)
    {
        step.State = step.State with { GuardiansHeard = true };
        step.History(nameof(GuardiansHeard), e.Actor);
        step.Document(nameof(GuardiansHeard), e.Note, e.Actor);
        return step.Build();
    }

    /// <summary>LSL § 25(3): an offence is suspected — the police report is due at once, and escalated the next working morning.</summary>
    private WorkflowStep Record(StepBuilder step, OffenceSuspected e)
    {
        step.State = step.State with { OffenceSuspected = true, Phase = step.State.Phase == ReadyToClose ? Assessing : step.State.Phase };
        step.History(nameof(OffenceSuspected), e.Actor);
        step.Document(nameof(OffenceSuspected), e.Note, e.Actor);
        if (step.State.PoliceReportOpen) step.SetTimer(TimerNames.PoliceReportEscalation, NextWorkingMorning(step.Now));
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, PoliceReportFiled e)
    {
        step.State = step.State with { PoliceReport = new PoliceReportRecord(true, e.At, null) };
        step.History(nameof(PoliceReportFiled), e.Actor, Details(("at", e.At.ToString("O", CultureInfo.InvariantCulture)), ("reference", e.Reference is null ? null : "true")));
        step.Document("PoliceReportReference", e.Reference, e.Actor);
        step.CancelTimer(TimerNames.PoliceReportEscalation);
        return step.Build();
    }

    /// <summary>LSL § 25(3): the police know already — from the notifier, whose own duty it is, or of their own.</summary>
    private static WorkflowStep Record(StepBuilder step, PoliceAlreadyInformed e)
    {
        step.State = step.State with { PoliceReport = new PoliceReportRecord(false, step.Now, e.By) };
        step.History(nameof(PoliceAlreadyInformed), e.Actor, Details(("by", e.By), ("reference", e.Reference is null ? null : "true")));
        step.Document("PoliceReportReference", e.Reference, e.Actor);
        step.CancelTimer(TimerNames.PoliceReportEscalation);
        return step.Build();
    }

    /// <summary>THL: a new notification about a child with an open case helps see the whole picture — link it.</summary>
    private static WorkflowStep Record(StepBuilder step, RelatedNotificationReceived e)
    {
        if (step.State.LinkedCaseIds.Contains(e.NewCaseId)) return step.Build(); // already linked: nothing new
        step.State = step.State with { LinkedCaseIds = [.. step.State.LinkedCaseIds, e.NewCaseId] };
        step.History(nameof(RelatedNotificationReceived), e.Actor, new() { ["caseId"] = e.NewCaseId });
        return step.Build();
    }

    /// <summary>What was due has fired before this (the engine fires due timers first); the history says who woke the case.</summary>
    private static WorkflowStep Record(StepBuilder step, WokenByCheck e)
    {
        step.History(nameof(WokenByCheck), e.Actor, new() { ["timer"] = e.Overdue });
        return step.Build();
    }

    private WorkflowOutcome Reassign(StepBuilder step, Reassigned e)
    {
        if (e.Team is { } teamId && !routing.Teams.Any(t => t.Id == teamId))
            return new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.NoSuchTeam, $"There is no team '{teamId}'.", [], teamId);
        step.State = step.State with { TeamId = e.Team ?? step.State.TeamId, WorkerEmail = e.Worker ?? step.State.WorkerEmail };
        step.History(nameof(Reassigned), e.Actor, Details(("team", e.Team), ("worker", e.Worker)));
        return step.Build();
    }

    /// <summary>
    /// LSL § 25 d: the child moved; the new region was told and continues the assessment. The police report and the
    /// family's information are not left behind (<see cref="ClosingRules.ToTransfer"/>); the deadlines are the new
    /// region's now. The case ends as transferred once the documents are sent (<see cref="TransferDocumentsSent"/>).
    /// </summary>
    private WorkflowOutcome Transfer(StepBuilder step, TransferredOut e)
    {
        // LSL § 26(2): the urgent need is assessed at once, before the case leaves for another region too.
        if (UrgencyFirst(step.State) is { } urgencyFirst) return urgencyFirst;
        if (ClosingRules.ToTransfer(step.State) is { Count: > 0 } missing)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.MissingBeforeTransfer,
                "The case cannot be transferred yet: the police report or the family's information is still open.", missing);

        step.State = step.State with
        {
            TransferredTo = e.Region, Transfer = new TransferRecord(e.Region, e.At, step.Now),
            Phase = Closing, PendingOutcome = Outcomes.Transferred,
        };
        step.History(nameof(TransferredOut), e.Actor, new() { ["region"] = e.Region, ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture) });
        CancelDecisionTimers(step);
        CancelAssessmentTimers(step);
        CancelFamilyTimers(step);
        RemindWhileClosing(step);
        // The partners are asked no more: the child's assessment is the new region's now.
        foreach (var partner in step.State.Partners) step.CancelTimer(TimerNames.Partner(partner.Id));
        return step.Build();
    }

    /// <summary>LSL § 25 d: the documents went to the new region; what they were is kept.</summary>
    private static WorkflowOutcome Record(StepBuilder step, TransferDocumentsSent e)
    {
        if (step.State.Transfer is not { } transfer)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.NotTransferring, "The case is not being transferred: record TransferredOut first.", []);
        step.State = step.State with { Transfer = transfer with { DocumentsSentAt = e.At } };
        step.History(nameof(TransferDocumentsSent), e.Actor, new() { ["to"] = e.To, ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture) });
        step.Document(nameof(TransferDocumentsSent), e.Documents, e.Actor);
        return step.Build();
    }

    /// <summary>
    /// SHL § 37: the assessment closes with its summary, once nothing required is missing — the family told and the
    /// police report included. The outcome <c>childWelfareClient</c> begins client status (LSL § 27(1)) if it had not
    /// begun: the case then ends once the child and the guardians are told of it (§ 27(3)).
    /// </summary>
    private WorkflowOutcome Complete(StepBuilder step, AssessmentCompleted e)
    {
        if (ClosingRules.ToComplete(step.State) is { Count: > 0 } missing)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.MissingBeforeClosing,
                "The assessment cannot close yet: something required is missing.", missing);

        step.State = step.State with { AssessmentCompletedAt = step.Now, Phase = Closing, PendingOutcome = e.Outcome };
        step.History(nameof(AssessmentCompleted), e.Actor, new()
        {
            ["outcome"] = e.Outcome,
            ["namedWorkerNeeded"] = e.Summary.NamedWorkerNeeded ? "true" : "false",
        });
        step.Document("AssessmentSummary", AssessmentSummaryText(e.Summary), e.Actor, id: "assessment-summary");
        CancelAssessmentTimers(step);
        RemindWhileClosing(step);
        if (e.Outcome == Outcomes.ChildWelfareClient && step.State.ClientStatus is null)
            StartClientStatus(step, ClientStatusReasons.Assessment, step.Now, e.Actor);
        return step.Build();
    }

    /// <summary>
    /// LSL § 25 c(3): the child is born; the child-welfare case is pending from the birth, and its deadlines count from
    /// the day of birth — which the identity code gives — not from the day it is recorded. (A child born before the
    /// notification arrived: from the receipt.) What came due meanwhile fires at once.
    /// </summary>
    private WorkflowOutcome Born(StepBuilder step, ChildBorn e)
    {
        var coded = PersonalIdentityCode.TryParse(e.IdentityCode, out var code) && code is not null ? code.BirthDate : (DateOnly?)null;
        if (e.BornOn is { } given && coded is { } fromCode && given != fromCode)
            return new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.BirthDateMismatch,
                "The day of birth does not match the identity code.", [], given.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var bornOn = e.BornOn ?? coded ?? Calendar.HelsinkiTime.LocalDate(step.Now);
        if (bornOn > Calendar.HelsinkiTime.LocalDate(step.Now))
            return new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.BornInFuture, "The day of birth is in the future.", [],
                bornOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        step.State = step.State with
        {
            Phase = AwaitingDecision, ChildIdentified = true,
            PendingChildKeys = e.ChildKey is { } key ? [key] : step.State.PendingChildKeys,
        };
        step.History(nameof(ChildBorn), e.Actor, new() { ["bornOn"] = bornOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        step.Document("ChildIdentityCode", e.IdentityCode, e.Actor, id: "child-identity-code");
        var birth = Calendar.HelsinkiTime.StartOfDay(bornOn);
        StartDeadlines(step, birth > step.State.ReceivedAt ? birth : step.State.ReceivedAt);
        return step.Build();
    }

    /// <summary>
    /// LSL § 25 b: what staff found out about who the child is. The identity code links the child's other open cases
    /// (through its key); the home municipality routes the case to its team — another team's, when it says so.
    /// </summary>
    private WorkflowOutcome Identify(StepBuilder step, ChildIdentified e)
    {
        // An unborn child has no identity code nor date of birth yet: the birth brings them (ChildBorn).
        if (step.State.Phase == CasePhase.AwaitingBirth && (e.IdentityCode is not null || e.DateOfBirth is not null))
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.WaitingForBirth,
                "The case waits for the birth (LSL § 25 c): the child's identity code comes with ChildBorn.", []);
        if (e.HomeMunicipality is { } municipality && !routing.Knows(municipality))
            return new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.NoSuchMunicipality, $"No team takes cases of '{municipality}'.", [], municipality);

        string? movedTo = null;
        if (e.HomeMunicipality is { } home)
        {
            var team = routing.Route(home);
            movedTo = team.Id != step.State.TeamId ? team.Id : null;
            step.State = step.State with
            {
                HomeMunicipalityConfirmed = true,
                TeamId = team.Id,
                WorkerEmail = movedTo is null ? step.State.WorkerEmail : null, // another team's case has no worker of the old team
            };
        }
        if (e.IdentityCode is not null)
            step.State = step.State with { ChildIdentified = true, PendingChildKeys = e.ChildKey is { } key ? [key] : step.State.PendingChildKeys };

        step.History(nameof(ChildIdentified), e.Actor, Details(
            ("identityCode", e.IdentityCode is null ? null : "true"),
            ("dateOfBirth", e.DateOfBirth is null ? null : "true"),
            ("homeMunicipality", e.HomeMunicipality is null ? null : "true")));
        if (movedTo is not null) step.History("RoutedToTeam", e.Actor, new() { ["team"] = movedTo });
        if (e.IdentityCode is { } code) step.Document("ChildIdentityCode", code, e.Actor, id: "child-identity-code");
        if (e.DateOfBirth is { } born)
            step.Document("ChildDateOfBirth", born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Actor, id: "child-date-of-birth");
        if (e.HomeMunicipality is { } place) step.Document("ChildHomeMunicipality", place, e.Actor, id: "child-home-municipality");
        return step.Build();
    }

    private WorkflowOutcome CloseBeforeBirth(StepBuilder step, PreBirthCaseClosed e)
    {
        // LSL § 25 c(2): the urgent need is assessed before the birth too, and before the case closes.
        if (UrgencyFirst(step.State) is { } urgencyFirst) return urgencyFirst;
        if (ClosingRules.ToCloseBeforeBirth(step.State) is { Count: > 0 } missing)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.MissingBeforeClosing,
                "The pre-birth case cannot close yet: the police report is still open.", missing);
        step.History(nameof(PreBirthCaseClosed), e.Actor);
        step.Document(nameof(PreBirthCaseClosed), e.Reason, e.Actor);
        Close(step, RuntimeStatus.Completed, "closedBeforeBirth");
        return step.Build();
    }

    private WorkflowStep Terminate(StepBuilder step, CaseTerminated e)
    {
        step.State = step.State with { TerminationReason = e.Reason };
        // LSL § 25(3): a termination does not end the police-report duty; the history says it was still open.
        step.History("Terminated", e.Actor, Details(("reason", e.Reason), ("policeReportOpen", step.State.PoliceReportOpen ? "true" : null)));
        Close(step, RuntimeStatus.Terminated, "terminated");
        return step.Build();
    }

    private static WorkflowRefusal? FindOpenRequest(CaseState state, string requestId) =>
        state.Partners.FirstOrDefault(p => p.Id == requestId) switch
        {
            null => new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.NoSuchPartnerRequest,
                $"There is no partner request '{requestId}'.", [], requestId),
            { Status: PartnerRequestStatus.Requested } => null,
            var p => new WorkflowRefusal(RefusalKind.NotAllowedNow,
                p.Status == PartnerRequestStatus.Answered ? RefusalCode.PartnerRequestAnswered : RefusalCode.PartnerRequestWaived,
                $"Partner request {requestId} is already {p.Status.ToString().ToLowerInvariant()}.", [], requestId),
        };

    private static void UpdatePartner(StepBuilder step, string requestId, Func<PartnerRequest, PartnerRequest> update) =>
        step.State = step.State with { Partners = step.State.Partners.Select(p => p.Id == requestId ? update(p) : p).ToList() };

    private static string AssessmentSummaryText(AssessmentSummary s) =>
        $"""
        Situation and service needs: {s.SituationAndServiceNeeds}
        Conclusion on client status: {s.ConclusionOnClientStatus}
        The client's view: {s.ClientView}
        The child's view: {s.ChildView}
        Named worker (omatyöntekijä) needed: {(s.NamedWorkerNeeded ? "yes" : "no")}
        """;
}
