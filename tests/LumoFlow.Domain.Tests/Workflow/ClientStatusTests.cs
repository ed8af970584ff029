using System.Globalization;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 4 (LSL § 27; law review C5): client status begins with an urgent measure (LSL §§ 37 b, 38) or support
/// given before the assessment is complete (§ 27(2)), or with the assessment's conclusion (§ 27(1), the outcome
/// <c>childWelfareClient</c>). It opens <c>clientStatusNotice</c>: the child and every guardian are told at once (§ 27(3)),
/// which only a family record made from the client status on satisfies; the team lead hears the next working morning if
/// it is still open. A completed case waits in <see cref="CasePhase.Closing"/> until it is done.
/// Received Monday 2.3.2026 09:00 (decisionDue Wednesday 11.3).
/// </summary>
public sealed class ClientStatusTests
{
    private const string Lead = "lead.north@lumoflow.test";
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00");
    private static readonly DateTimeOffset Day1 = At("2026-03-03 10:00");

    private static WorkflowHarness Opened()
    {
        var h = new WorkflowHarness();
        h.Open(Received);
        return h;
    }

    /// <summary>Everything completing asks is done; the assessment was started on 4.3.</summary>
    private static WorkflowHarness ReadyToComplete()
    {
        var h = Opened();
        h.Accept(new UrgencyAssessed(false, null), At("2026-03-02 09:30"));
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);
        h.Accept(new ChildAndGuardiansInformed(Day1, "home visit"), Day1);
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-03-04 10:00"));
        h.Accept(new ChildMet(At("2026-03-05 10:00"), "home visit", null), At("2026-03-05 10:00"));
        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);
        return h;
    }

    private static bool NoticeOpen(WorkflowHarness h) => CustomStatus.Of(h.State).OpenObligations.Contains("clientStatusNotice");

    [Theory]
    [InlineData("urgentSupport")]   // LSL § 37 b
    [InlineData("urgentPlacement")] // LSL § 38
    public void An_urgent_measure_begins_client_status_by_itself(string measure)
    {
        var h = Opened();
        var at = At("2026-03-02 10:00");

        var step = h.Accept(new UrgencyAssessed(true, null) { Measure = measure, Actor = "oncall.worker" }, at);

        Assert.Equal(new ClientStatusRecord(ClientStatusReasons.UrgentMeasure, at, "oncall.worker"), h.State.ClientStatus);
        Assert.Equal(measure, step.History.Single(e => e.EventType == "UrgencyAssessed").Details!["measure"]);
        var started = step.History.Single(e => e.EventType == "ClientStatusStarted");
        Assert.Equal(("urgentMeasure", at), (started.Details!["reason"], DateTimeOffset.Parse(started.Details["at"], CultureInfo.InvariantCulture)));
        Assert.True(NoticeOpen(h));
        Assert.Equal(At("2026-03-03 08:00"), h.PendingTimers[TimerNames.ClientStatusNotice].DueAt);
        Assert.Equal(at, CaseOverview.Of(h.State).ClientStatusSince);
    }

    [Fact]
    public void Without_an_urgent_measure_nothing_begins_and_a_measure_is_recorded_only_with_an_urgent_need()
    {
        var urgentOnly = Opened();
        urgentOnly.Accept(new UrgencyAssessed(true, null), At("2026-03-02 10:00"));
        Assert.Null(urgentOnly.State.ClientStatus);
        Assert.False(NoticeOpen(urgentOnly));
        Assert.Null(CaseOverview.Of(urgentOnly.State).ClientStatusSince);

        // The form refuses a measure with "not urgent" (a field problem); the rule itself begins nothing with it either.
        var entry = StaffEvents.Find("UrgencyAssessed")!;
        EventValues Values(bool urgent) => new(new Dictionary<string, object> { ["urgent"] = urgent, ["measure"] = "urgentSupport" },
            At("2026-03-02 10:00"), () => "secret", _ => null);
        Assert.Equal(("measure", ProblemCode.MeasureOnlyWhenUrgent), entry.Check!(Values(urgent: false)));
        Assert.Null(entry.Check!(Values(urgent: true)));
        var notUrgent = Opened();
        notUrgent.Accept(new UrgencyAssessed(false, null) { Measure = "urgentSupport" }, At("2026-03-02 10:00"));
        Assert.Null(notUrgent.State.ClientStatus);
    }

    [Fact]
    public void Recorded_by_staff_client_status_begins_when_they_say_and_only_once()
    {
        var h = Opened();

        h.Accept(new ClientStatusStarted(ClientStatusReasons.SupportBeforeAssessment, At("2026-03-02 14:00")) { Actor = "sw.virtanen" }, At("2026-03-02 15:00"));

        Assert.Equal(new ClientStatusRecord("supportBeforeAssessment", At("2026-03-02 14:00"), "sw.virtanen"), h.State.ClientStatus);
        Assert.True(NoticeOpen(h));
        h.RunUntil(At("2026-03-03 10:00"));
        var before = h.State;
        var again = h.Refuse(new ClientStatusStarted(ClientStatusReasons.Assessment, At("2026-03-03 10:00")), At("2026-03-03 10:00"));
        Assert.Equal((RefusalKind.NotAllowedNow, RefusalCode.ClientStatusAlreadyStarted, "supportBeforeAssessment"), (again.Kind, again.Code, again.Subject));
        Assert.Same(before, h.State);
        // An urgent measure later does not begin it again.
        h.Accept(new UrgencyAssessed(true, null) { Measure = "urgentPlacement" }, At("2026-03-03 11:00"));
        Assert.Equal("supportBeforeAssessment", h.State.ClientStatus!.Reason);

        var measured = Opened();
        measured.Accept(new UrgencyAssessed(true, null) { Measure = "urgentPlacement" }, At("2026-03-02 10:00"));
        Assert.Equal(RefusalCode.ClientStatusAlreadyStarted,
            measured.Refuse(new ClientStatusStarted(ClientStatusReasons.SupportBeforeAssessment, Day1), Day1).Code);
    }

    [Fact]
    public void Only_telling_the_family_from_the_client_status_on_does_the_notice_and_then_nobody_is_escalated()
    {
        var h = Opened();
        h.Accept(new ChildAndGuardiansInformed(At("2026-03-02 11:00"), "phone"), At("2026-03-02 11:00")); // of the notification
        h.Accept(new ClientStatusStarted(ClientStatusReasons.SupportBeforeAssessment, At("2026-03-02 14:00")), At("2026-03-02 14:00"));

        Assert.DoesNotContain("informChildAndGuardians", CustomStatus.Of(h.State).OpenObligations);
        Assert.True(NoticeOpen(h)); // what they were told before was not client status

        h.Accept(new FamilyMemberInformed("child", null, At("2026-03-02 15:00"), "home visit"), At("2026-03-02 15:00"));
        Assert.True(NoticeOpen(h));
        h.Accept(new FamilyMemberNotInformed("guardian", GuardianName, "telling would endanger the child"), At("2026-03-02 16:00"));
        Assert.False(NoticeOpen(h));

        h.RunUntil(At("2026-03-04 00:00"));
        Assert.Contains(h.Fired, t => t.Name == TimerNames.ClientStatusNotice); // it fired, and found nothing to do
        Assert.DoesNotContain(h.Sent, e => e.Email.Kind == "ClientStatusNoticeEscalation");
    }

    [Fact]
    public void Not_told_by_the_next_working_morning_the_team_lead_hears_of_it_once()
    {
        var h = Opened();

        h.Accept(new ClientStatusStarted(ClientStatusReasons.SupportBeforeAssessment, At("2026-03-06 15:00")), At("2026-03-06 15:00")); // a Friday
        h.RunUntil(At("2026-04-01 00:00"));

        var escalation = Assert.Single(h.Sent, e => e.Email.Kind == "ClientStatusNoticeEscalation");
        Assert.Equal((Lead, At("2026-03-09 08:00")), (escalation.Email.To, escalation.At));
        Assert.True(NoticeOpen(h));
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Completed_as_a_child_welfare_client_the_case_begins_client_status_and_waits_in_Closing_until_the_family_is_told()
    {
        var h = ReadyToComplete();
        var completedAt = At("2026-03-12 10:00");

        var completed = h.Accept(new AssessmentCompleted(Outcomes.ChildWelfareClient, Summary) { Actor = "sw.virtanen" }, completedAt);

        Assert.Equal(new ClientStatusRecord(ClientStatusReasons.Assessment, completedAt, "sw.virtanen"), h.State.ClientStatus);
        Assert.Equal((CasePhase.Closing, Outcomes.ChildWelfareClient, RuntimeStatus.Running), (h.State.Phase, h.State.PendingOutcome, h.State.RuntimeStatus));
        Assert.Equal(completedAt, h.State.AssessmentCompletedAt);
        Assert.Equal(["clientStatusNotice"], ClosingRules.Missing(h.State).Select(o => o.Code));
        Assert.Equal(["AssessmentCompleted", "ClientStatusStarted"], completed.History.Select(e => e.EventType));
        Assert.DoesNotContain(h.PendingTimers.Keys, name => name.StartsWith("assessment-", StringComparison.Ordinal));
        Assert.Equal(At("2026-03-13 08:00"), h.PendingTimers[TimerNames.ClientStatusNotice].DueAt);

        h.RunUntil(At("2026-03-13 12:00"));
        Assert.Equal(At("2026-03-13 08:00"), h.Sent.Single(e => e.Email.Kind == "ClientStatusNoticeEscalation").At);
        Assert.Equal(CasePhase.Closing, h.State.Phase);

        var told = h.Accept(new ChildAndGuardiansInformed(At("2026-03-13 12:00"), "meeting"), At("2026-03-13 12:00"));

        Assert.Equal((RuntimeStatus.Completed, CasePhase.Closed, Outcomes.ChildWelfareClient), (h.State.RuntimeStatus, h.State.Phase, h.State.Outcome));
        Assert.Equal("childWelfareClient", told.History.Single(e => e.EventType == "CaseClosed").Details!["outcome"]);
        Assert.Empty(h.PendingTimers);
        // THL counts the completion on the day of AssessmentCompleted, not the day the case ended.
        var c = ComplianceCase.Of(h.State);
        Assert.Equal((new DateOnly(2026, 3, 12), false, new DateOnly(2026, 3, 13)), (c.AssessmentCompletedOn, c.Open, c.EndedOn));
        var figures = ComplianceReport.Compute([c], ReportPeriod.OctMar(2025), new DateOnly(2026, 4, 17)).Organisation;
        Assert.Equal((1, 1), (figures.AssessmentsCompleted, figures.CompletedInTime));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Client_status_begun_during_the_assessment_does_not_hold_completion_back_the_case_finishes_its_notice_in_Closing(bool toldBefore)
    {
        var h = ReadyToComplete();
        h.Accept(new ClientStatusStarted(ClientStatusReasons.SupportBeforeAssessment, At("2026-03-06 10:00")), At("2026-03-06 10:00"));
        // The notice is open, but it is no condition of completing (SHL § 37): it is finished after it.
        Assert.True(NoticeOpen(h));
        Assert.Equal(CasePhase.ReadyToClose, h.State.Phase);
        if (toldBefore) h.Accept(new ChildAndGuardiansInformed(At("2026-03-06 11:00"), "phone"), At("2026-03-06 11:00"));

        h.Accept(new AssessmentCompleted(Outcomes.ChildWelfareClient, Summary), At("2026-03-12 10:00"));

        Assert.Equal("supportBeforeAssessment", h.State.ClientStatus!.Reason); // begun already: not begun again
        if (toldBefore)
        {
            Assert.Equal((RuntimeStatus.Completed, Outcomes.ChildWelfareClient), (h.State.RuntimeStatus, h.State.Outcome));
            return;
        }
        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.Equal(["clientStatusNotice"], ClosingRules.Missing(h.State).Select(o => o.Code));
        h.Accept(new FamilyMemberInformed("child", null, At("2026-03-12 11:00"), "meeting"), At("2026-03-12 11:00"));
        h.Accept(new FamilyMemberInformed("guardian", GuardianName, At("2026-03-12 11:00"), "meeting"), At("2026-03-12 11:00"));
        Assert.Equal((RuntimeStatus.Completed, Outcomes.ChildWelfareClient), (h.State.RuntimeStatus, h.State.Outcome));
    }

    [Theory]
    [InlineData("socialWelfareServices")]
    [InlineData("noFurtherServices")]
    public void Other_outcomes_begin_no_client_status_and_end_at_once(string outcome)
    {
        var h = ReadyToComplete();

        h.Accept(new AssessmentCompleted(outcome, Summary), At("2026-03-12 10:00"));

        Assert.Null(h.State.ClientStatus);
        Assert.Equal((RuntimeStatus.Completed, outcome), (h.State.RuntimeStatus, h.State.Outcome));
        Assert.Empty(h.PendingTimers);
    }

    [Fact]
    public void A_case_decided_not_to_be_assessed_after_an_urgent_measure_ends_only_once_the_family_is_told_of_client_status()
    {
        var h = Opened();
        h.Accept(new ChildAndGuardiansInformed(At("2026-03-02 09:45"), "phone"), At("2026-03-02 09:45"));
        h.Accept(new UrgencyAssessed(true, null) { Measure = "urgentSupport" }, At("2026-03-02 10:00"));
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);

        h.Accept(new DecisionMade(false, "the urgent support was enough"), Day1);

        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.Equal(["clientStatusNotice"], ClosingRules.Missing(h.State).Select(o => o.Code));
        h.Accept(new ChildAndGuardiansInformed(At("2026-03-03 11:00"), "phone"), At("2026-03-03 11:00"));
        Assert.Equal((RuntimeStatus.Completed, "noAssessment"), (h.State.RuntimeStatus, h.State.Outcome));
    }
}
