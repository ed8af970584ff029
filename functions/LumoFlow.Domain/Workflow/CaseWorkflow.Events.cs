using System.Globalization;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Notifications;
using static LumoFlow.Domain.Workflow.CasePhase;

namespace LumoFlow.Domain.Workflow;

/// <summary>What each staff event records and sets in motion (SHL §§ 36–41, LSL §§ 25–29).</summary>
public sealed partial class CaseWorkflow
{
    /// <summary>LSL § 26(2): the immediate assessment of urgent need.</summary>
    private static WorkflowStep Record(StepBuilder step, UrgencyAssessed e)
    {
        step.State = step.State with { Urgency = new UrgencyAssessment(e.Urgent, step.Now, e.Actor) };
        step.History(nameof(UrgencyAssessed), e.Actor, new() { ["urgent"] = e.Urgent ? "true" : "false" });
        step.Document(nameof(UrgencyAssessed), e.Note, e.Actor);
        step.CancelTimer(TimerNames.UrgencyLead);
        step.CancelTimer(TimerNames.UrgencyOnCall);
        return step.Build();
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
    /// LSL § 26(5): by the 7th working day the assessment is started, or found obviously unnecessary.
    /// Not starting closes the case, so the closing rules apply. Either way a professional notifier is told
    /// the decision — nothing else (THL feedback practice).
    /// </summary>
    private WorkflowOutcome Decide(StepBuilder step, DecisionMade e)
    {
        // LSL § 26(2) before § 26(5): the urgent need is assessed at once, so before the decision on the assessment.
        if (step.State.Urgency is null)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.UrgencyFirst,
                "Record the urgency assessment (UrgencyAssessed) first: it comes at once, before the decision.",
                [new Obligation("urgencyAssessment", "record UrgencyAssessed (LSL § 26(2))")]);
        if (!e.StartAssessment && ClosingRules.Missing(step.State) is { Count: > 0 } missing)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.MissingBeforeNoAssessment,
                "Not starting an assessment closes the case, and something required before closing is missing.", missing);

        step.State = step.State with { Decision = new DecisionRecord(e.StartAssessment, step.Now, e.Actor), Phase = Assessing };
        step.History(nameof(DecisionMade), e.Actor, new() { ["startAssessment"] = e.StartAssessment ? "true" : "false" });
        step.Document(nameof(DecisionMade), e.Reason, e.Actor);
        var decisionTimers = new[]
        {
            TimerNames.DecisionReminder, TimerNames.DecisionEscalation, TimerNames.DecisionOverdue, TimerNames.NotifierContactReminder,
        };
        foreach (var timer in decisionTimers)
            step.CancelTimer(timer);

        var notifier = step.State.Notifier;
        if (notifier is { Type: NotifierTypes.Professional, Email: { } email })
            step.Email(email, PartnerAndNotifierTexts.NotifierDecision(notifier.Language, step.State.CaseId, e.StartAssessment), "NotifierDecision");

        if (!e.StartAssessment)
            Close(step, RuntimeStatus.Completed, "noAssessment");
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, ChildAndGuardiansInformed e)
    {
        step.State = step.State with { FamilyInformedAt = e.At };
        step.History(nameof(ChildAndGuardiansInformed), e.Actor, new() { ["how"] = e.How, ["at"] = e.At.ToString("O") });
        step.CancelTimer(TimerNames.InformFamilyReminder);
        return step.Build();
    }

    /// <summary>
    /// SHL § 41: partners take part at the request of the responsible worker. The partner gets a single-use link that
    /// expires at the assessment deadline; the question is shown behind it, never in the email.
    /// </summary>
    private WorkflowStep RequestPartnerInput(StepBuilder step, PartnerInputRequested e)
    {
        var state = step.State;
        var id = $"P{state.Partners.Count + 1}";
        var today = Calendar.HelsinkiTime.LocalDate(step.Now);
        var expiresAt = ReminderSchedule.EndOf(state.Deadlines!.AssessmentDue);
        if (expiresAt <= step.Now) // the assessment is already late: give the partner a fair window anyway
            expiresAt = ReminderSchedule.EndOf(calendar.AddWorkingDays(today, Schedule.PartnerEscalationWorkingDays));
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

    /// <summary>The partner answered through the link: the token must match, be unused and unexpired.</summary>
    private static WorkflowOutcome ReceivePartnerInput(StepBuilder step, PartnerInputReceived e)
    {
        var request = step.State.Partners.FirstOrDefault(p => p.Id == e.PartnerRequestId);
        if (request is null || !PartnerToken.Matches(e.Secret, request.Secret))
            return new WorkflowRefusal(RefusalKind.InvalidInput, RefusalCode.LinkInvalid, "This link is not valid.", []);
        if (request.Status == PartnerRequestStatus.Answered)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.LinkUsed, "This link has already been used: the answer was received.", []);
        if (request.Status == PartnerRequestStatus.Waived)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.LinkNotNeeded, "The social worker no longer needs this answer.", []);
        if (step.Now >= request.ExpiresAt)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.LinkExpired, "This link has expired.", []);

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

    private static WorkflowStep Record(StepBuilder step, OffenceSuspected e)
    {
        step.State = step.State with { OffenceSuspected = true, Phase = step.State.Phase == ReadyToClose ? Assessing : step.State.Phase };
        step.History(nameof(OffenceSuspected), e.Actor);
        step.Document(nameof(OffenceSuspected), e.Note, e.Actor);
        return step.Build();
    }

    private static WorkflowStep Record(StepBuilder step, PoliceReportFiled e)
    {
        step.State = step.State with { PoliceReportFiledAt = e.At };
        step.History(nameof(PoliceReportFiled), e.Actor, new() { ["at"] = e.At.ToString("O") });
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

    /// <summary>LSL § 25 d: the child moved; the new region was notified and has the documents: this case closes as transferred.</summary>
    private WorkflowStep Transfer(StepBuilder step, TransferredOut e)
    {
        step.State = step.State with { TransferredTo = e.Region };
        step.History(nameof(TransferredOut), e.Actor, new() { ["region"] = e.Region, ["at"] = e.At.ToString("O") });
        Close(step, RuntimeStatus.Completed, "transferred");
        return step.Build();
    }

    /// <summary>SHL § 37: the assessment closes with its summary, once nothing required is missing.</summary>
    private WorkflowOutcome Complete(StepBuilder step, AssessmentCompleted e)
    {
        if (ClosingRules.Missing(step.State) is { Count: > 0 } missing)
            return new WorkflowRefusal(RefusalKind.NotAllowedNow, RefusalCode.MissingBeforeClosing,
                "The assessment cannot close yet: something required is missing.", missing);

        step.State = step.State with { AssessmentCompletedAt = step.Now };
        step.History(nameof(AssessmentCompleted), e.Actor, new()
        {
            ["outcome"] = e.Outcome,
            ["namedWorkerNeeded"] = e.Summary.NamedWorkerNeeded ? "true" : "false",
        });
        step.Document("AssessmentSummary", AssessmentSummaryText(e.Summary), e.Actor, id: "assessment-summary");
        Close(step, RuntimeStatus.Completed, e.Outcome);
        return step.Build();
    }

    /// <summary>LSL § 25 c: the child is born; the child-welfare case and its deadlines start now.</summary>
    private WorkflowStep Born(StepBuilder step, ChildBorn e)
    {
        step.State = step.State with
        {
            Phase = AwaitingDecision, ChildIdentified = true,
            PendingChildKeys = e.ChildKey is { } key ? [key] : step.State.PendingChildKeys,
        };
        step.History(nameof(ChildBorn), e.Actor);
        step.Document("ChildIdentityCode", e.IdentityCode, e.Actor, id: "child-identity-code");
        StartDeadlines(step, step.Now);
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

    private WorkflowStep CloseBeforeBirth(StepBuilder step, PreBirthCaseClosed e)
    {
        step.History(nameof(PreBirthCaseClosed), e.Actor);
        step.Document(nameof(PreBirthCaseClosed), e.Reason, e.Actor);
        Close(step, RuntimeStatus.Completed, "closedBeforeBirth");
        return step.Build();
    }

    private WorkflowStep Terminate(StepBuilder step, CaseTerminated e)
    {
        step.State = step.State with { TerminationReason = e.Reason };
        step.History("Terminated", e.Actor, new() { ["reason"] = e.Reason });
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
