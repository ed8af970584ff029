using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 6 (LSL § 25 d; law review H3): the child moved to another region, which was told and continues the
/// assessment. <see cref="TransferredOut"/> is refused while the police report or the family's information is open
/// (<see cref="ClosingRules.ToTransfer"/>); accepted, the case goes to <see cref="CasePhase.Closing"/> with the obligation
/// <c>transferDocuments</c>, and ends as transferred once <see cref="TransferDocumentsSent"/> records what went to whom.
/// Received Monday 2.3.2026 09:00 (decisionDue Wednesday 11.3).
/// </summary>
public sealed class TransferTests
{
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00");
    private static readonly DateTimeOffset Day1 = At("2026-03-03 10:00");
    private static readonly DateTimeOffset Day2 = At("2026-03-04 10:00");
    private static readonly TransferredOut ToJyvaskyla = new("Jyväskylä", At("2026-03-03 09:00")) { Actor = "sw.virtanen" };

    private static WorkflowHarness Opened(bool offence = false, bool familyTold = true)
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: offence));
        h.Accept(new UrgencyAssessed(false, null), At("2026-03-02 09:30"));
        if (familyTold) h.Accept(new ChildAndGuardiansInformed(Day1, "phone"), Day1);
        return h;
    }

    private static string[] Codes(WorkflowRefusal refusal) => [.. refusal.Missing.Select(m => m.Code)];

    [Fact]
    public void A_transfer_is_refused_while_the_police_report_is_open_and_nothing_changes()
    {
        var h = Opened(offence: true);
        var before = h.State;

        var refusal = h.Refuse(ToJyvaskyla, Day1);

        Assert.Equal((RefusalKind.NotAllowedNow, RefusalCode.MissingBeforeTransfer), (refusal.Kind, refusal.Code));
        Assert.Equal(["policeReport"], Codes(refusal));
        Assert.Same(before, h.State);
        Assert.Null(h.State.Transfer);
        Assert.True(ComplianceCase.Of(h.State).Open);
    }

    [Fact]
    public void A_transfer_is_refused_while_the_family_is_still_to_be_told()
    {
        var h = Opened(familyTold: false);
        h.Accept(new FamilyMemberInformed("child", null, Day1, "school"), Day1);

        var refusal = h.Refuse(ToJyvaskyla, Day1);

        Assert.Equal(RefusalCode.MissingBeforeTransfer, refusal.Code);
        Assert.Equal(["informChildAndGuardians"], Codes(refusal));
        // What LumoFlow itself asks (the notifier, the child met, partners) does not hold a transfer back.
        h.Accept(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), Day1);
        h.Accept(new FamilyMemberNotInformed("guardian", GuardianName, "the guardian cannot be reached"), Day1);
        h.Accept(ToJyvaskyla, Day1);
        Assert.Equal(CasePhase.Closing, h.State.Phase);
    }

    [Fact]
    public void Transferred_the_case_waits_for_the_documents_then_ends_as_transferred()
    {
        var h = Opened();
        h.Accept(new DecisionMade(true, "assessment needed"), Day1);

        var moved = h.Accept(ToJyvaskyla, Day1);

        Assert.Equal((CasePhase.Closing, Outcomes.Transferred, RuntimeStatus.Running), (h.State.Phase, h.State.PendingOutcome, h.State.RuntimeStatus));
        Assert.Equal("Jyväskylä", h.State.TransferredTo);
        Assert.Equal(new TransferRecord("Jyväskylä", At("2026-03-03 09:00"), Day1), h.State.Transfer);
        Assert.Equal(["transferDocuments"], ClosingRules.Missing(h.State).Select(o => o.Code));
        Assert.Contains("transferDocuments", CustomStatus.Of(h.State).OpenObligations);
        Assert.Equal(new Dictionary<string, string> { ["region"] = "Jyväskylä", ["at"] = At("2026-03-03 09:00").ToString("O") },
            moved.History.Single(e => e.EventType == "TransferredOut").Details);
        // The deadlines are the new region's now: the decision's, the assessment's and the family's timers go.
        Assert.Superset(new HashSet<string>
            {
                TimerNames.DecisionReminder, TimerNames.DecisionEscalation, TimerNames.DecisionOverdue, TimerNames.AssessmentOverdue,
                TimerNames.AssessmentEscalation, TimerNames.InformFamilyReminder, TimerNames.InformFamilyEscalation, TimerNames.InformFamilyOverdue,
            }, moved.TimersToCancel.ToHashSet());

        var sent = h.Accept(new TransferDocumentsSent("Jyväskylä child welfare", At("2026-03-04 09:00"), "the notification, the history and the notes") { Actor = "sw.virtanen" }, Day2);

        Assert.Equal((RuntimeStatus.Completed, CasePhase.Closed, Outcomes.Transferred), (h.State.RuntimeStatus, h.State.Phase, h.State.Outcome));
        Assert.Equal(At("2026-03-04 09:00"), h.State.Transfer!.DocumentsSentAt);
        Assert.Equal(["TransferDocumentsSent", "CaseClosed"], sent.History.Select(e => e.EventType));
        Assert.Equal("Jyväskylä child welfare", sent.History[0].Details!["to"]);
        Assert.Equal("the notification, the history and the notes", Assert.Single(sent.DocumentsToStore).Text); // a document, not history
        Assert.Empty(h.PendingTimers);
    }

    [Fact]
    public void Nothing_about_the_old_deadlines_fires_after_the_transfer()
    {
        var h = Opened(familyTold: false);
        h.Accept(new FamilyMemberInformed("child", null, Day1, "school"), Day1);
        h.Accept(new FamilyMemberNotInformed("guardian", null, "the guardian cannot be reached"), Day1);
        h.Accept(ToJyvaskyla, Day1);

        h.RunUntil(At("2026-07-01 00:00"));

        // No reminder, escalation or overdue flag of the old deadlines: only the reminder to send the documents, two
        // working days after the transfer and every second working day after that.
        Assert.Equal(["Receipt"], h.Sent.Select(e => e.Email.Kind).Where(k => k != nameof(StaffNotice.ClosingReminder)));
        var reminders = h.Sent.Where(e => e.Email.Kind == nameof(StaffNotice.ClosingReminder)).Select(e => e.On).ToList();
        Assert.Equal(WorkingDayCalendar.Default.AddWorkingDays(HelsinkiTime.LocalDate(Day1), 2), reminders[0]);
        Assert.All(reminders.Zip(reminders.Skip(1)), pair => Assert.Equal(2, WorkingDayCalendar.Default.WorkingDaysBetween(pair.First, pair.Second)));
        Assert.False(h.State.DecisionOverdue || h.State.AssessmentOverdue || h.State.InformFamilyOverdue);
        Assert.Empty(CustomStatus.Of(h.State).Overdue);
        Assert.Equal(CasePhase.Closing, h.State.Phase); // still waiting for the documents
    }

    [Fact]
    public void Documents_of_a_case_that_is_not_being_transferred_are_refused()
    {
        var h = Opened();
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);
        h.Accept(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), Day1); // keeps the case closing
        h.Accept(new DecisionMade(false, "obviously unnecessary"), Day1);
        Assert.Equal(CasePhase.Closing, h.State.Phase);

        var refusal = h.Refuse(new TransferDocumentsSent("Jyväskylä", Day2, "the notification"), Day2);

        Assert.Equal((RefusalKind.NotAllowedNow, RefusalCode.NotTransferring), (refusal.Kind, refusal.Code));
        var assessing = Opened();
        assessing.Accept(new DecisionMade(true, "assessment needed"), Day1);
        Assert.Equal(RefusalCode.NotAllowedInPhase, assessing.Refuse(new TransferDocumentsSent("Jyväskylä", Day2, "the notification"), Day2).Code);
    }

    [Fact]
    public void Once_decided_not_to_be_assessed_or_completed_the_case_is_no_longer_transferred()
    {
        var h = Opened();
        h.Accept(new DecisionMade(false, "obviously unnecessary"), Day1); // the notifier still to be contacted

        Assert.Equal(RefusalCode.NotAllowedInPhase, h.Refuse(ToJyvaskyla, Day2).Code);
    }

    [Fact]
    public void For_THL_the_case_is_no_longer_the_organisation_s_from_the_day_it_was_transferred()
    {
        var h = Opened();
        h.Accept(ToJyvaskyla, Day1);

        var whileSending = ComplianceCase.Of(h.State);
        Assert.Equal((false, new DateOnly(2026, 3, 3), (DateOnly?)null), (whileSending.Open, whileSending.EndedOn, whileSending.DecidedOn));
        Assert.True(h.State.IsOpen); // the workflow still waits for the documents

        h.Accept(new TransferDocumentsSent("Jyväskylä child welfare", At("2026-03-16 09:00"), "the notification"), At("2026-03-16 09:00"));
        Assert.Equal(new DateOnly(2026, 3, 3), ComplianceCase.Of(h.State).EndedOn); // the transfer's day, not the documents'
    }

    /// <summary>
    /// A pre-birth case transferred before the birth (LSL § 25 d) waits in Closing for its documents. There is still no
    /// child to identify or to tell (both duties start with the birth), so only the documents remain open, and the
    /// family's events are refused for the unborn child.
    /// </summary>
    [Fact]
    public void A_pre_birth_case_transferred_before_the_birth_asks_only_for_the_documents()
    {
        var h = new WorkflowHarness();
        h.Open(Received, PreBirthNotification());
        h.Accept(new UrgencyAssessed(false, null), At("2026-03-02 09:30"));

        h.Accept(ToJyvaskyla, Day1);

        Assert.Equal(["transferDocuments"], CustomStatus.Of(h.State).OpenObligations);
        Assert.Equal(RefusalCode.WaitingForBirth, h.Refuse(new FamilyMemberInformed("child", null, Day1, "phone"), Day1).Code);
    }

    /// <summary>LSL § 26(2): the urgent need is assessed at once — the case does not leave for another region without it.</summary>
    [Fact]
    public void A_case_whose_urgency_is_not_assessed_is_not_transferred()
    {
        var h = new WorkflowHarness();
        h.Open(Received);
        h.Accept(new ChildAndGuardiansInformed(Day1, "phone"), Day1);

        var refused = h.Refuse(ToJyvaskyla, Day1);

        Assert.Equal(RefusalCode.UrgencyFirst, refused.Code);
        Assert.Equal(["urgencyAssessment"], refused.Missing.Select(m => m.Code));
        Assert.Equal(CasePhase.AwaitingDecision, h.State.Phase);
    }
}
