using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// What must have happened before a case may end — AssessmentCompleted is refused until it has; a decision not to start
/// an assessment is never held back (LSL § 26(5)), and the case then waits in <see cref="CasePhase.Closing"/> until it
/// has, and ends by itself. Codes: <c>notifierContact</c> (LumoFlow's promise, THL practice), <c>partnerInput:P1</c>
/// (SHL § 41), <c>childMeeting</c> (LSL § 29, SHL § 42; not on the no-assessment path), <c>policeReport</c> (LSL § 25(3)),
/// <c>informChildAndGuardians</c> (THL; asiakaslaki § 11 for the lawful exception), <c>clientStatusNotice</c> (LSL § 27(3)).
/// The urgency is assessed first in every story (LSL § 26(2): at once; the decision waits for it — see UrgencyTests).
/// </summary>
public sealed class ClosingRulesTests
{
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00"); // Monday; decisionDue Wednesday 11.3
    private static readonly DateTimeOffset UrgencyAt = At("2026-03-02 09:30");
    private static readonly DateTimeOffset Day1 = At("2026-03-03 10:00");
    private static readonly DateTimeOffset Day2 = At("2026-03-04 10:00");
    private static readonly DateTimeOffset Day3 = At("2026-03-05 10:00");

    private static readonly AssessmentCompleted Complete = new("childWelfareClient", Summary) { Actor = "sw.virtanen" };
    /// <summary>An outcome that does not begin client status: nothing remains after it, so the case ends at once.</summary>
    private static readonly AssessmentCompleted CompleteWithServices = new("socialWelfareServices", Summary) { Actor = "sw.virtanen" };
    private static readonly ChildAndGuardiansInformed FamilyTold = new(Day2, "home visit") { Actor = "sw.virtanen" };
    private static readonly DecisionMade NoAssessment = new(false, "obviously unnecessary") { Actor = "sw.virtanen" };
    private static readonly PartnerInputRequested AskSchool = new(School, ConfidentialNote, PartnerSecret) { Actor = "sw.virtanen" };
    private static readonly UrgencyAssessed NotUrgent = new(false, null) { Actor = "sw.virtanen" };

    private static string[] Codes(WorkflowRefusal refusal) => refusal.Missing.Select(m => m.Code).ToArray();

    private static WorkflowHarness Assessing(bool offenceSuspectedAtIntake)
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: offenceSuspectedAtIntake));
        h.Accept(NotUrgent, UrgencyAt);
        h.Accept(new DecisionMade(true, "assessment needed"), Day1);
        h.Accept(AskSchool, Day1);
        Assert.Equal(CasePhase.Assessing, h.State.Phase);
        return h;
    }

    [Fact]
    public void Completing_is_refused_with_exactly_what_is_missing_until_each_obligation_is_met()
    {
        var h = Assessing(offenceSuspectedAtIntake: true);

        var refusal = h.Refuse(Complete, Day2);
        Assert.Equal(RefusalKind.NotAllowedNow, refusal.Kind);
        Assert.Equal(RefusalCode.MissingBeforeClosing, refusal.Code);
        Assert.Equal(["notifierContact", "partnerInput:P1", "childMeeting", "policeReport", "informChildAndGuardians"], Codes(refusal));

        h.Accept(new NotifierContacted("phone", Day2, null), Day2);
        Assert.Equal(["partnerInput:P1", "childMeeting", "policeReport", "informChildAndGuardians"], Codes(h.Refuse(Complete, Day2)));
        Assert.Equal(CasePhase.Assessing, h.State.Phase);

        h.Accept(new PartnerInputReceived("P1", PartnerSecret, "The child is often tired at school.", null), Day2);
        Assert.Equal(["childMeeting", "policeReport", "informChildAndGuardians"], Codes(h.Refuse(Complete, Day2)));
        Assert.Equal(CasePhase.Assessing, h.State.Phase);

        h.Accept(new ChildMet(Day3, "home visit", null), Day3);
        Assert.Equal(["policeReport", "informChildAndGuardians"], Codes(h.Refuse(Complete, Day3)));
        Assert.Equal(CasePhase.Assessing, h.State.Phase);

        h.Accept(new PoliceReportFiled(Day3), Day3);
        Assert.Equal(["informChildAndGuardians"], Codes(h.Refuse(Complete, Day3)));
        Assert.Equal(CasePhase.Assessing, h.State.Phase);

        h.Accept(new ChildAndGuardiansInformed(Day3.AddHours(-1), "home visit"), Day3); // told at 9:00 of the notification
        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);

        // LSL § 27(1), (3): the outcome begins client status, of which the child and the guardians are told at once —
        // the case waits in Closing for that, and then ends by itself.
        h.Accept(Complete, Day3);
        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.Equal(["clientStatusNotice"], ClosingRules.Missing(h.State).Select(o => o.Code));
        h.Accept(new ChildAndGuardiansInformed(Day3.AddHours(2), "phone"), Day3.AddHours(2));
        Assert.Equal(CasePhase.Closed, h.State.Phase);
        Assert.Equal(RuntimeStatus.Completed, h.State.RuntimeStatus);
        Assert.Equal("childWelfareClient", h.State.Outcome);
        var summary = Assert.Single(h.Documents, d => d.Id == "assessment-summary");
        Assert.Contains("Named worker (omatyöntekijä) needed: yes", summary.Text);
    }

    [Fact]
    public void Not_starting_an_assessment_is_accepted_at_once_and_the_case_ends_by_itself_once_the_law_s_duties_are_done()
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: true));
        h.Accept(NotUrgent, UrgencyAt);
        h.Accept(AskSchool, Day1);

        // LSL § 26(5): nothing of LumoFlow's checklist holds the decision back — it counts on the day recorded.
        var decided = h.Accept(NoAssessment, Day1);
        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.Equal(RuntimeStatus.Running, h.State.RuntimeStatus);
        Assert.Equal(Outcomes.NoAssessment, h.State.PendingOutcome);
        Assert.Equal((false, Day1), (h.State.Decision!.StartAssessment, h.State.Decision.At));
        Assert.Equal(["notifierContact", "informChildAndGuardians", "policeReport", "partnerInput:P1"], ClosingRules.Missing(h.State).Select(o => o.Code));
        Assert.DoesNotContain(decided.History, e => e.EventType == "CaseClosed");

        h.Accept(new NotifierContactImpossible("the number given is not in use"), Day2);
        h.Accept(new PartnerInputWaived("P1", "the child no longer attends the school"), Day2);
        // The child meeting belongs to the assessment: it is neither asked nor recorded on this path.
        Assert.Equal(RefusalCode.NotAllowedInPhase, h.Refuse(new ChildNotMet("the family moved abroad"), Day2).Code);
        h.Accept(new FamilyMemberInformed("child", null, Day2, "phone"), Day2);
        h.Accept(new FamilyMemberNotInformed("guardian", GuardianName, "telling would endanger the child"), Day2);
        Assert.Equal(["policeReport"], ClosingRules.Missing(h.State).Select(o => o.Code));
        Assert.Equal(CasePhase.Closing, h.State.Phase);

        var last = h.Accept(new PoliceReportFiled(Day2), Day3);
        Assert.Equal(RuntimeStatus.Completed, h.State.RuntimeStatus);
        Assert.Equal(CasePhase.Closed, h.State.Phase);
        Assert.Equal("noAssessment", h.State.Outcome);
        Assert.Null(h.State.PendingOutcome);
        Assert.Equal(Day3, h.State.ClosedAt);
        var closed = Assert.Single(last.History, e => e.EventType == "CaseClosed");
        Assert.Equal(("system", "noAssessment"), (closed.Actor, closed.Details!["outcome"]));
        Assert.False(h.State.Decision!.StartAssessment);
        Assert.Empty(h.PendingTimers);
    }

    public static TheoryData<string> WaysToMeetEveryObligation() =>
        new() { "contacted, answered, met, told", "contact impossible, waived, not met, not told" };

    [Theory]
    [MemberData(nameof(WaysToMeetEveryObligation))]
    public void Either_way_of_meeting_an_obligation_counts(string way)
    {
        var h = Assessing(offenceSuspectedAtIntake: false);

        if (way == "contacted, answered, met, told")
        {
            h.Accept(new NotifierContacted("meeting", Day2, null), Day2);
            h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", "Teacher Teppo"), Day2);
            h.Accept(new ChildMet(Day2, "school", null), Day2);
            h.Accept(new FamilyMemberInformed("child", null, Day2, "school"), Day2);
            h.Accept(new FamilyMemberInformed("guardian", GuardianName, Day2, "phone"), Day2);
        }
        else
        {
            h.Accept(new NotifierContactImpossible("anonymous after all: the notifier withdrew the contact details"), Day2);
            h.Accept(new PartnerInputWaived("P1", "the school had no contact with the child"), Day2);
            h.Accept(new ChildNotMet("the child is abroad for the whole assessment"), Day2);
            h.Accept(new FamilyMemberNotInformed("child", null, "the child is abroad and cannot be reached"), Day2);
            h.Accept(new FamilyMemberNotInformed("guardian", GuardianName, "telling would endanger the child"), Day2);
        }

        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);
        Assert.Empty(ClosingRules.Missing(h.State));
        h.Accept(CompleteWithServices, Day3);
        Assert.Equal(RuntimeStatus.Completed, h.State.RuntimeStatus);
    }

    [Fact]
    public void An_offence_suspected_later_requires_a_police_report_and_reopens_a_ready_case()
    {
        var h = Assessing(offenceSuspectedAtIntake: false);
        h.Accept(new NotifierContacted("phone", Day2, null), Day2);
        h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", null), Day2);
        h.Accept(new ChildMet(Day2, "home visit", null), Day2);
        h.Accept(FamilyTold, Day2);
        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);

        h.Accept(new OffenceSuspected(ConfidentialNote), Day3);

        Assert.Equal(CasePhase.Assessing, h.State.Phase);
        Assert.Equal(["policeReport"], Codes(h.Refuse(Complete, Day3)));
        h.Accept(new PoliceReportFiled(Day3), Day3);
        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);
    }

    [Fact]
    public void A_police_report_filed_before_the_suspicion_is_recorded_still_counts()
    {
        var h = Assessing(offenceSuspectedAtIntake: false);
        h.Accept(new NotifierContacted("phone", Day2, null), Day2);
        h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", null), Day2);
        h.Accept(new ChildMet(Day2, "home visit", null), Day2);
        h.Accept(FamilyTold, Day2);
        h.Accept(new PoliceReportFiled(Day2), Day2);

        h.Accept(new OffenceSuspected(null), Day3);

        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);
    }

    [Fact]
    public void Asking_a_partner_takes_a_ready_case_back_to_assessing_until_the_partner_answers()
    {
        var h = Assessing(offenceSuspectedAtIntake: false);
        h.Accept(new NotifierContacted("phone", Day2, null), Day2);
        h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", null), Day2);
        h.Accept(new ChildMet(Day2, "home visit", null), Day2);
        h.Accept(FamilyTold, Day2);
        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);

        h.Accept(new PartnerInputRequested(School with { Kind = "mentalHealth", Email = "clinic@health.test" }, ConfidentialNote, "second-secret"), Day3);

        Assert.Equal(CasePhase.Assessing, h.State.Phase);
        Assert.Equal(["partnerInput:P2"], Codes(h.Refuse(Complete, Day3)));
        h.Accept(new PartnerInputReceived("P2", "second-secret", "answer", null), Day3);
        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);
    }

    [Fact]
    public void An_anonymous_private_notifier_has_contact_recorded_as_impossible_at_intake()
    {
        var h = new WorkflowHarness();

        var opened = h.Open(Received, AnonymousPrivateNotification());

        var record = h.State.NotifierContactRecord!;
        Assert.False(record.Contacted);
        Assert.Equal("anonymous notifier", record.ImpossibleReason);
        Assert.Contains(opened.History, e => e.EventType == "NotifierContactImpossible" && e.Actor == "system");
        Assert.DoesNotContain(TimerNames.NotifierContactReminder, h.PendingTimers.Keys);
        Assert.Empty(h.Sent); // no address to send a receipt to
        h.Accept(NotUrgent, UrgencyAt);
        h.Accept(new DecisionMade(true, "needed"), Day1);
        Assert.Equal(["childMeeting", "informChildAndGuardians"], Codes(h.Refuse(Complete, Day2)));
    }

    [Fact]
    public void A_named_private_notifier_without_contact_details_has_contact_recorded_as_impossible_at_intake()
    {
        var h = new WorkflowHarness();

        h.Open(Received, ValidNotification() with { Notifier = new() { Type = "private", Name = "Naapuri Niina" } });

        Assert.Equal("no usable contact details given", h.State.NotifierContactRecord!.ImpossibleReason);
    }

    [Fact]
    public void A_notifier_who_can_be_contacted_must_be_contacted_or_the_reason_recorded()
    {
        var h = new WorkflowHarness();

        h.Open(Received);

        Assert.Null(h.State.NotifierContactRecord);
        Assert.Contains(TimerNames.NotifierContactReminder, h.PendingTimers.Keys);
    }

    [Fact]
    public void Completing_cancels_every_pending_timer_and_nothing_fires_afterwards()
    {
        var h = Assessing(offenceSuspectedAtIntake: false);
        h.Accept(new NotifierContacted("phone", Day2, null), Day2);
        h.Accept(new ChildMet(Day2, "home visit", null), Day2);
        h.Accept(new PartnerInputRequested(School with { Email = "second@school.test" }, ConfidentialNote, "second-secret"), Day2);
        h.Accept(new PartnerInputWaived("P2", "not needed after all"), Day2);
        Assert.Equal(
            ["assessment-escalation", "assessment-overdue", "assessment-reminder-14", "assessment-reminder-3",
             "inform-family-escalation", "inform-family-overdue", "inform-family-reminder", "partner-P1"],
            h.PendingTimers.Keys.Order(StringComparer.Ordinal));
        h.Accept(FamilyTold, Day2); // the family's reminder, escalation and overdue flag go
        h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", null), Day3);
        Assert.Equal(
            ["assessment-escalation", "assessment-overdue", "assessment-reminder-14", "assessment-reminder-3"],
            h.PendingTimers.Keys.Order(StringComparer.Ordinal));

        var step = h.Accept(CompleteWithServices, Day3);

        Assert.Empty(h.PendingTimers);
        Assert.Empty(step.TimersToSet);
        Assert.Superset(
            new HashSet<string>
            {
                "urgency-lead", "urgency-on-call", "decision-reminder", "inform-family-reminder", "inform-family-escalation", "inform-family-overdue",
                "police-report-escalation", "client-status-notice", "decision-escalation", "decision-overdue", "notifier-contact-reminder",
                "assessment-overdue", "assessment-escalation", "assessment-reminder-14", "assessment-reminder-3", "partner-P1", "partner-P2",
            },
            step.TimersToCancel.ToHashSet());
        var emailsAtClose = h.Sent.Count;
        h.RunUntil(At("2027-01-01 00:00"));
        Assert.Equal(emailsAtClose, h.Sent.Count);
        Assert.DoesNotContain(h.Fired, t => t.At > Day3);
        Assert.Equal(RuntimeStatus.Completed, h.State.RuntimeStatus);
        Assert.Equal("socialWelfareServices", h.State.Outcome);
    }

    [Fact]
    public void Open_obligations_list_the_urgency_the_decision_and_informing_the_family_too()
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: true));

        // The child has a valid identity code and lives in a routed municipality: nothing to find out about who or where.
        // The family's and the police's duties hold from the moment they arise, before what blocks completing.
        Assert.Equal(["urgencyAssessment", "decision", "informChildAndGuardians", "policeReport", "notifierContact", "childMeeting"],
            CustomStatus.Of(h.State).OpenObligations);
        // Urgency is an open obligation, not a closing rule: the decision waits for it, and closing comes after the decision.
        Assert.DoesNotContain(ClosingRules.Missing(h.State), o => o.Code == "urgencyAssessment");

        h.Accept(NotUrgent, UrgencyAt);
        Assert.Equal(["decision", "informChildAndGuardians", "policeReport", "notifierContact", "childMeeting"],
            CustomStatus.Of(h.State).OpenObligations);
    }
}
