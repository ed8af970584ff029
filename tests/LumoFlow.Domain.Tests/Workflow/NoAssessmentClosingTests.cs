using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 1 (LSL § 26(5); law review M3): the decision is never held back by LumoFlow's own checklist. Once the
/// urgency is assessed (§ 26(2)), a decision not to assess is accepted, counts for THL on the day it is recorded, and
/// moves the case to <see cref="CasePhase.Closing"/>. There it finishes what the law still asks
/// (<see cref="ClosingRules.ToCloseWithoutAssessment"/>: the notifier contacted or why not, the family told or the lawful
/// reason, the police report when an offence is suspected, partner requests answered or waived — not the child meeting)
/// and ends by itself when the last of it is recorded.
/// Received Monday 2.3.2026 09:00: Tue 3.3 (1) … Fri 6.3 (4), Mon 9.3 (5), Tue 10.3 (6), Wed 11.3 (7) → decisionDue 11.3.
/// </summary>
public sealed class NoAssessmentClosingTests
{
    private const string Worker = "worker.north@lumoflow.test";
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00");
    private static readonly DateTimeOffset UrgencyAt = At("2026-03-02 09:30");
    private static readonly DateTimeOffset Day1 = At("2026-03-03 10:00");
    private static readonly DateTimeOffset Decided = At("2026-03-05 10:00"); // working day 3: in time
    private static readonly DateOnly DecisionDue = new(2026, 3, 11);

    private static readonly DecisionMade NoAssessment = new(false, "obviously unnecessary") { Actor = "sw.virtanen" };

    private static string[] Remaining(WorkflowHarness h) => [.. ClosingRules.Missing(h.State).Select(o => o.Code)];

    [Fact]
    public void A_timely_decision_not_to_assess_is_accepted_while_the_notifier_is_uncontacted_and_the_case_ends_when_contact_is_recorded()
    {
        var h = new WorkflowHarness();
        h.Open(Received);
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        h.Accept(new ChildAndGuardiansInformed(Day1, "phone"), Day1);

        var decided = h.Accept(NoAssessment, Decided);

        Assert.Equal(DecisionDue, h.State.Deadlines!.DecisionDue);
        Assert.Equal((CasePhase.Closing, RuntimeStatus.Running, Outcomes.NoAssessment), (h.State.Phase, h.State.RuntimeStatus, h.State.PendingOutcome));
        Assert.Null(h.State.Outcome);
        Assert.Equal(["notifierContact"], Remaining(h));
        Assert.Contains("notifierContact", CustomStatus.Of(h.State).OpenObligations);
        Assert.DoesNotContain("decision", CustomStatus.Of(h.State).OpenObligations);
        Assert.DoesNotContain(decided.History, e => e.EventType == "CaseClosed");
        // The decision counts for THL on the day it was recorded, though the case is still open.
        var whileClosing = ComplianceCase.Of(h.State);
        Assert.Equal((new DateOnly(2026, 3, 5), false, true), (whileClosing.DecidedOn, whileClosing.AssessmentStarted, whileClosing.Open));
        // The decision's and the assessment's timers go with the decision; nothing reminds or escalates about them.
        Assert.DoesNotContain(h.PendingTimers.Keys, name => name.StartsWith("decision-", StringComparison.Ordinal)
            || name.StartsWith("assessment-", StringComparison.Ordinal) || name == TimerNames.NotifierContactReminder);

        h.RunUntil(At("2026-03-16 09:00")); // well past decisionDue
        Assert.False(h.State.DecisionOverdue);
        Assert.Equal(
        [
            $"2026-03-02 Receipt -> {NotifierEmail}",
            // Working day 3 (Thu 5.3) at 08:00, before the decision at 10:00: the first contact reminder had gone.
            $"2026-03-05 NotifierContactReminder -> {Worker}",
            $"2026-03-05 NotifierDecision -> {NotifierEmail}",
            // What remains is not forgotten: the worker is reminded every second working day while the case is closing.
            $"2026-03-09 ClosingReminder -> {Worker}",
            $"2026-03-11 ClosingReminder -> {Worker}",
            $"2026-03-13 ClosingReminder -> {Worker}",
        ], h.EmailLog());
        Assert.Equal(CasePhase.Closing, h.State.Phase);

        var contacted = h.Accept(new NotifierContacted("phone", At("2026-03-16 09:00"), null), At("2026-03-16 09:00"));

        Assert.Equal((CasePhase.Closed, RuntimeStatus.Completed, "noAssessment"), (h.State.Phase, h.State.RuntimeStatus, h.State.Outcome));
        Assert.Equal(At("2026-03-16 09:00"), h.State.ClosedAt);
        var closed = Assert.Single(contacted.History, e => e.EventType == "CaseClosed");
        Assert.Equal(("system", "noAssessment"), (closed.Actor, closed.Details!["outcome"]));
        Assert.Empty(h.PendingTimers);
        // THL: decided on 5.3, in time, whenever the case ended.
        var ended = ComplianceCase.Of(h.State);
        Assert.Equal((new DateOnly(2026, 3, 5), false, new DateOnly(2026, 3, 16)), (ended.DecidedOn, ended.Open, ended.EndedOn));
        var figures = ComplianceReport.Compute([ended], ReportPeriod.OctMar(2025), new DateOnly(2026, 4, 17)).Organisation;
        Assert.Equal((1, 1, 0, 0), (figures.Received, figures.DecidedInTime, figures.DecisionExceeded, figures.EndedWithoutDecision));
        h.AssertEmailsCarryNoPersonalData();
    }

    /// <summary>
    /// Whatever of LumoFlow's checklist is done before it — the notifier contacted, the family told, a partner asked and
    /// answering, the child met, a suspected offence reported — the decision not to assess is accepted, and the case
    /// ends exactly when the law's duties are done; the child meeting never matters on this path. What remains is then
    /// recorded, and the case ends by itself with the last of it.
    /// </summary>
    [Property(MaxTest = 128)]
    public Property Whatever_is_done_the_decision_not_to_assess_is_accepted_and_the_case_ends_exactly_when_the_law_s_duties_are_done() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 127)), bits =>
        {
            bool Bit(int i) => (bits & (1 << i)) != 0;
            var (contacted, told, asked, answered, met, offence, reported) = (Bit(0), Bit(1), Bit(2), Bit(3), Bit(4), Bit(5), Bit(6));
            var h = new WorkflowHarness();
            h.Open(Received, ValidNotification(offenceSuspected: offence));
            h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
            if (contacted) h.Accept(new NotifierContacted("phone", Day1, null), Day1);
            if (told) h.Accept(new ChildAndGuardiansInformed(Day1, "phone"), Day1);
            if (asked) h.Accept(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), Day1);
            if (asked && answered) h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", null) { Actor = "partner" }, Day1);
            if (met) h.Accept(new ChildMet(Day1, "school", null), Day1);
            if (reported) h.Accept(new PoliceReportFiled(Day1), Day1);

            h.Accept(NoAssessment, Decided);

            string[] expected =
            [
                .. contacted ? Array.Empty<string>() : ["notifierContact"],
                .. told ? Array.Empty<string>() : ["informChildAndGuardians"],
                .. offence && !reported ? ["policeReport"] : Array.Empty<string>(),
                .. asked && !answered ? ["partnerInput:P1"] : Array.Empty<string>(),
            ];
            Assert.Equal(new DateOnly(2026, 3, 5), ComplianceCase.Of(h.State).DecidedOn);
            if (expected.Length == 0)
            {
                Assert.Equal((RuntimeStatus.Completed, "noAssessment"), (h.State.RuntimeStatus, h.State.Outcome));
                return;
            }
            Assert.Equal(CasePhase.Closing, h.State.Phase);
            Assert.Equal(expected, Remaining(h));

            var later = At("2026-03-06 10:00");
            foreach (var duty in expected)
            {
                Assert.True(h.State.IsOpen, $"ended before {duty} was done");
                h.Accept(duty switch
                {
                    "notifierContact" => new NotifierContactImpossible("no answer"),
                    "informChildAndGuardians" => new ChildAndGuardiansInformed(later, "letter"),
                    "policeReport" => new PoliceAlreadyInformed("notifier", null),
                    _ => new PartnerInputWaived("P1", "not needed"),
                }, later);
            }
            Assert.Equal((RuntimeStatus.Completed, CasePhase.Closed, "noAssessment"), (h.State.RuntimeStatus, h.State.Phase, h.State.Outcome));
            Assert.Empty(h.PendingTimers);
        });

    [Fact]
    public void A_partner_s_answer_can_be_the_last_duty_and_the_case_then_ends_by_itself()
    {
        var h = new WorkflowHarness();
        h.Open(Received);
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);
        h.Accept(new ChildAndGuardiansInformed(Day1, "phone"), Day1);
        h.Accept(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), Day1);
        h.Accept(NoAssessment, Decided);
        Assert.Equal(["partnerInput:P1"], Remaining(h));

        var answered = h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", null) { Actor = "partner" }, At("2026-03-06 12:00"));

        Assert.Equal("noAssessment", h.State.Outcome);
        Assert.Equal(["PartnerInputReceived", "CaseClosed"], answered.History.Select(e => e.EventType));
        Assert.Equal(["partner", "system"], answered.History.Select(e => e.Actor));
        Assert.Contains(TimerNames.Partner("P1"), answered.TimersToCancel);
        Assert.Empty(h.PendingTimers);
    }

    [Fact]
    public void A_case_closing_after_the_decision_works_towards_no_deadline_and_its_assessment_is_never_overdue()
    {
        var h = new WorkflowHarness();
        h.Open(Received);
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        h.Accept(NoAssessment, Decided); // the notifier and the family still to be seen to

        h.RunUntil(At("2026-07-01 12:00")); // past assessmentDue 2.6

        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.False(h.State.AssessmentOverdue);
        Assert.DoesNotContain(h.Sent, e => e.Email.Kind is "AssessmentReminder" or "AssessmentEscalation" or "DecisionEscalation");
        var overview = CaseOverview.Of(h.State);
        Assert.Null(overview.NextDeadline);
        Assert.Empty(overview.OverdueOn(new DateOnly(2026, 7, 1)));
        Assert.Equal(["informFamily"], CustomStatus.Of(h.State).Overdue); // the family's duty holds while closing
        Assert.Equal(["informChildAndGuardians", "notifierContact"], CustomStatus.Of(h.State).OpenObligations);
    }

    [Fact]
    public void A_late_decision_not_to_assess_is_accepted_too_and_counts_as_exceeded()
    {
        var h = new WorkflowHarness();
        h.Open(Received);
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        h.RunUntil(At("2026-03-12 09:00"));
        Assert.True(h.State.DecisionOverdue);

        h.Accept(NoAssessment, At("2026-03-12 09:00"));

        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.Equal(["informFamily"], CustomStatus.Of(h.State).Overdue); // the decision is made: no longer overdue; the family still is
        var figures = ComplianceReport.Compute([ComplianceCase.Of(h.State)], ReportPeriod.OctMar(2025), new DateOnly(2026, 4, 17)).Organisation;
        Assert.Equal((1, 0, 1), (figures.Received, figures.DecidedInTime, figures.DecisionExceeded));
    }
}
