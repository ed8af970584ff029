using System.Globalization;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Messaging;
using static LumoFlow.Domain.Workflow.CasePhase;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// What each durable timer does when it fires. Every handler checks again that its reason still holds, so a timer
/// that should have been cancelled does nothing.
/// </summary>
public sealed partial class CaseWorkflow
{
    private WorkflowStep OnTimer(StepBuilder step, string timer)
    {
        var state = step.State;
        var deadlines = state.Deadlines;
        switch (timer)
        {
            // LSL § 26(2): urgency not recorded in time — the team lead, then on-call, hear of it.
            case TimerNames.UrgencyLead when state.Urgency is null:
                NotifyStaff(step, TeamOf(state).LeadEmail, StaffNotice.UrgencyEscalation, null);
                break;

            case TimerNames.UrgencyOnCall when state.Urgency is null:
                NotifyStaff(step, TeamOf(state).OnCallEmail, StaffNotice.UrgencyOnCall, null);
                break;

            // A case finishing its duties: what remains (the notifier, the family, the police, the documents) is not forgotten.
            case TimerNames.ClosingReminder when state.Phase == Closing && ClosingRules.ToFinish(state).Count > 0:
                NotifyStaff(step, WorkerOf(state), StaffNotice.ClosingReminder, null);
                RemindWhileClosing(step);
                break;

            case TimerNames.DecisionReminder when state.Phase == AwaitingDecision:
                NotifyStaff(step, WorkerOf(state), StaffNotice.DecisionReminder, deadlines!.DecisionDue);
                break;

            case TimerNames.InformFamilyReminder when FamilyStillToTell(state):
                NotifyStaff(step, WorkerOf(state), StaffNotice.InformFamilyReminder, deadlines!.DecisionDue);
                break;

            // THL: the child and the guardians are told within the 7 working days — escalated and flagged like the decision.
            case TimerNames.InformFamilyEscalation when FamilyStillToTell(state):
                NotifyStaff(step, TeamOf(state).LeadEmail, StaffNotice.InformFamilyEscalation, deadlines!.DecisionDue);
                break;

            case TimerNames.InformFamilyOverdue when FamilyStillToTell(state):
                step.State = state with { InformFamilyOverdue = true };
                step.History("InformFamilyOverdue", "system", new() { ["due"] = deadlines!.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                break;

            // LSL § 25(3): the police report is made at once; the next working morning the team lead hears it is not.
            case TimerNames.PoliceReportEscalation when state.PoliceReportOpen:
                NotifyStaff(step, TeamOf(state).LeadEmail, StaffNotice.PoliceReportEscalation, null);
                break;

            // LSL § 27(3): client status is told to the guardian and the child at once.
            case TimerNames.ClientStatusNotice when state.ClientStatus is { } status && !FamilyInformation.Told(state, since: status.At):
                NotifyStaff(step, TeamOf(state).LeadEmail, StaffNotice.ClientStatusNoticeEscalation, null);
                break;

            // LSL § 26(5): no decision on the morning it is due — the team lead hears of it.
            case TimerNames.DecisionEscalation when state.Phase == AwaitingDecision:
                NotifyStaff(step, TeamOf(state).LeadEmail, StaffNotice.DecisionEscalation, deadlines!.DecisionDue);
                break;

            case TimerNames.DecisionOverdue when state.Phase == AwaitingDecision:
                step.State = state with { DecisionOverdue = true };
                step.History("DecisionOverdue", "system", new() { ["due"] = deadlines!.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                break;

            // The notifier is always contacted: remind until contact is recorded or the decision is made. After
            // decisionDue the decision escalation takes over (and the open contact still blocks closing).
            case TimerNames.NotifierContactReminder when state.NotifierContactRecord is null && state.Phase == AwaitingDecision:
                NotifyStaff(step, WorkerOf(state), StaffNotice.NotifierContactReminder, null);
                var nextDay = calendar.AddWorkingDays(HelsinkiTime.LocalDate(step.Now), Schedule.NotifierContactRepeatWorkingDays);
                if (nextDay <= deadlines!.DecisionDue)
                    step.SetTimer(TimerNames.NotifierContactReminder, HelsinkiTime.AtLocalTime(nextDay, Schedule.MorningAt));
                break;

            // SHL § 36(3): the assessment is to be complete within 3 months of the case opening.
            case TimerNames.AssessmentOverdue:
                step.State = state with { AssessmentOverdue = true };
                step.History("AssessmentOverdue", "system", new() { ["due"] = deadlines!.AssessmentDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                break;

            // …and when it is not, the team lead hears of it on the next working-day morning.
            case TimerNames.AssessmentEscalation:
                NotifyStaff(step, TeamOf(state).LeadEmail, StaffNotice.AssessmentEscalation, deadlines!.AssessmentDue);
                break;

            case var name when TimerNames.IsAssessmentReminder(name, out _) && deadlines is not null:
                NotifyStaff(step, WorkerOf(state), StaffNotice.AssessmentReminder, deadlines.AssessmentDue);
                break;

            case var name when TimerNames.IsPartner(name, out var requestId):
                FollowUpPartner(step, requestId);
                break;
        }
        return step.Build();
    }

    /// <summary>The child and the guardians are still to be told of the notification (not within an open assessment it was taken into).</summary>
    private static bool FamilyStillToTell(CaseState state) =>
        state.HandledInCaseId is null && state.Transfer is null && state.Phase is AwaitingDecision or Assessing or ReadyToClose or Closing
        && !FamilyInformation.Told(state);

    /// <summary>Partners who have not answered are reminded twice; then the social worker is told.</summary>
    private void FollowUpPartner(StepBuilder step, string requestId)
    {
        var request = step.State.Partners.FirstOrDefault(p => p.Id == requestId);
        if (request is not { Status: PartnerRequestStatus.Requested } || step.Now >= request.ExpiresAt) return;

        var stage = request.RemindersSent;
        if (stage < Schedule.PartnerReminderWorkingDays.Count)
        {
            // The link works as long after this reminder as after one sent on time (a late engine never shortens it).
            var expiresAt = Schedule.PartnerLinkExpiryAfterReminder(step.Now);
            if (expiresAt > request.ExpiresAt)
            {
                request = request with { ExpiresAt = expiresAt };
                UpdatePartner(step, requestId, p => p with { ExpiresAt = expiresAt });
            }
            var link = options.PartnerLink(PartnerToken.Compose(step.State.CaseId, request.Id, request.Secret));
            step.Email(request.Email,
                PartnerAndNotifierTexts.PartnerRequest(request.Language, step.State.CaseId, link, request.AnswerBy, reminder: true), "PartnerReminder");
        }
        else
        {
            NotifyStaff(step, WorkerOf(step.State), StaffNotice.PartnerNotAnswering, null);
        }
        UpdatePartner(step, requestId, p => p with { RemindersSent = stage + 1 });
        if (Schedule.PartnerFollowUp(request.RequestedOn, stage + 1, calendar) is { } next && next < request.ExpiresAt)
            step.SetTimer(TimerNames.Partner(requestId), next);
    }
}
