using System.Globalization;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Tests.Workflow;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Reporting;

/// <summary>
/// <see cref="ComplianceCase.Of"/> from real case states, driven through the real <see cref="CaseWorkflow"/> on the
/// harness's fake clock (the case is in Kuopio, so it is with the north team).
/// </summary>
public sealed class ComplianceCaseTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>Midsummer 2026 as in <see cref="LifecycleTests"/>: received Tue 16.6, decisionDue Fri 26.6, assessmentDue Wed 16.9.</summary>
    private static WorkflowHarness Midsummer()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 10:00"));
        h.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        h.Accept(new NotifierContacted("phone", At("2026-06-18 11:00"), null), At("2026-06-18 11:00"));
        h.Accept(new ChildAndGuardiansInformed(At("2026-06-23 14:00"), "phone"), At("2026-06-23 14:00"));
        return h;
    }

    [Fact]
    public void A_new_case_is_pending_from_its_Helsinki_date_of_receipt_with_its_deadlines()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 10:00"));

        var c = ComplianceCase.Of(h.State);

        Assert.Equal(new ComplianceCase(CaseId, North.Id, D("2026-04-01"), D("2026-04-14"), null, false, D("2026-07-01"), null, true), c);
    }

    [Fact]
    public void A_completed_assessment_has_its_decision_and_completion_dates()
    {
        var h = Midsummer();
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-06-24 10:00"));
        h.Accept(new ChildMet(At("2026-08-12 13:00"), "home visit", null), At("2026-08-12 16:00"));
        Assert.Null(h.State.AssessmentCompletedAt);

        h.Accept(new AssessmentCompleted("socialWelfareServices", Summary), At("2026-09-14 15:00"));

        Assert.Equal(At("2026-09-14 15:00"), h.State.AssessmentCompletedAt);
        Assert.Equal(
            new ComplianceCase(CaseId, North.Id, D("2026-06-16"), D("2026-06-26"), D("2026-06-24"), true, D("2026-09-16"), D("2026-09-14"), false)
            {
                EndedOn = D("2026-09-14"),
            },
            ComplianceCase.Of(h.State));
    }

    [Fact]
    public void The_decision_date_is_the_Helsinki_date_of_the_decision()
    {
        // Decided at 23:30 Helsinki time on the due date (20:30 UTC): still 26.6, in time.
        var onTime = Midsummer();
        onTime.Accept(new DecisionMade(true, "assessment needed"), DateTimeOffset.Parse("2026-06-26T20:30:00Z", CultureInfo.InvariantCulture));
        // An hour later it is 00:30 on 27.6 in Helsinki, though still 26.6 in UTC: late.
        var late = Midsummer();
        late.Accept(new DecisionMade(true, "assessment needed"), DateTimeOffset.Parse("2026-06-26T21:30:00Z", CultureInfo.InvariantCulture));

        var inTime = ComplianceCase.Of(onTime.State);
        var exceeded = ComplianceCase.Of(late.State) with { CaseId = "late" };

        Assert.Equal(D("2026-06-26"), inTime.DecidedOn);
        Assert.Equal(D("2026-06-27"), exceeded.DecidedOn);
        Assert.True(inTime.AssessmentStarted && inTime.Open);
        var f = ComplianceReport.Compute([inTime, exceeded], ReportPeriod.AprSep(2026), D("2026-07-01")).Organisation;
        Assert.Equal((2, 1, 1), (f.Received, f.DecidedInTime, f.DecisionExceeded));
        Assert.Equal(["late"], f.DecisionExceededCases);
    }

    [Fact]
    public void Deciding_not_to_start_ends_the_case_with_a_decision_and_no_assessment()
    {
        var h = Midsummer();
        h.Accept(new ChildNotMet("no need: the family already has support"), At("2026-06-24 09:00"));

        h.Accept(new DecisionMade(false, "obviously unnecessary"), At("2026-06-24 10:00"));

        var c = ComplianceCase.Of(h.State);
        Assert.Equal((D("2026-06-24"), false, (DateOnly?)null, false), (c.DecidedOn, c.AssessmentStarted, c.AssessmentCompletedOn, c.Open));
        Assert.Null(h.State.AssessmentCompletedAt);
    }

    [Fact]
    public void A_case_transferred_before_the_decision_ended_without_one()
    {
        var h = Midsummer();

        h.Accept(new TransferredOut("Jyväskylä", At("2026-06-22 10:00")), At("2026-06-22 10:00"));

        var c = ComplianceCase.Of(h.State);
        Assert.Equal((null, false, false), (c.DecidedOn, c.AssessmentStarted, c.Open));
        var f = ComplianceReport.Compute([c], ReportPeriod.AprSep(2026), D("2026-10-05")).Organisation;
        Assert.Equal((1, 1, 0), (f.Received, f.EndedWithoutDecision, f.DecisionExceeded));
    }

    [Fact]
    public void A_pre_birth_case_becomes_pending_when_the_child_is_born()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-03-25 10:00"), PreBirthNotification());

        var before = ComplianceCase.Of(h.State);
        Assert.Equal(new ComplianceCase(CaseId, North.Id, null, null, null, false, null, null, true), before);

        // Born, and recorded, on Thu 2.4: Tue 7.4 (1) … Wed 15.4 (7) → decisionDue 15.4; assessmentDue 2.7.
        h.Accept(new ChildBorn(Domain.Notifications.PersonalIdentityCode.Of(D("2026-04-02"), 456).Value), At("2026-04-02 09:00"));

        var after = ComplianceCase.Of(h.State);
        Assert.Equal((D("2026-04-02"), D("2026-04-15"), D("2026-07-02")), (after.PendingOn, after.DecisionDue, after.AssessmentDue));
        Assert.Equal(0, ComplianceReport.Compute([before], ReportPeriod.AprSep(2026), D("2026-10-05")).Organisation.Received);
        Assert.Equal(1, ComplianceReport.Compute([after], ReportPeriod.AprSep(2026), D("2026-10-05")).Organisation.Received);
    }

    [Fact]
    public void The_team_is_the_one_the_case_is_with_now()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 10:00"));

        h.Accept(new Reassigned(Intake.Id, null), At("2026-04-02 10:00"));

        Assert.Equal(Intake.Id, ComplianceCase.Of(h.State).TeamId);
    }

    [Fact]
    public void A_late_assessment_completed_through_the_workflow_exceeds_the_limit()
    {
        // Received Wed 1.4 → assessmentDue Wed 1.7; completed Thu 2.7.
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 10:00"));
        h.Accept(new UrgencyAssessed(false, null), At("2026-04-01 10:30"));
        h.Accept(new NotifierContacted("phone", At("2026-04-02 11:00"), null), At("2026-04-02 11:00"));
        h.Accept(new ChildAndGuardiansInformed(At("2026-04-07 14:00"), "phone"), At("2026-04-07 14:00"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-04-08 10:00"));
        h.Accept(new ChildMet(At("2026-05-12 13:00"), "school", null), At("2026-05-12 16:00"));
        var open = ComplianceCase.Of(h.State);

        h.Accept(new AssessmentCompleted("noFurtherServices", Summary), At("2026-07-02 09:00"));
        var completed = ComplianceCase.Of(h.State);

        var whileOpen = ComplianceReport.Compute([open], ReportPeriod.AprSep(2026), D("2026-07-02")).Organisation;
        Assert.Equal(0, whileOpen.AssessmentsCompleted);
        Assert.Equal([CaseId], whileOpen.OpenPastAssessmentLimit);
        var done = ComplianceReport.Compute([completed], ReportPeriod.AprSep(2026), D("2026-10-05")).Organisation;
        Assert.Equal((1, 0, 1), (done.AssessmentsCompleted, done.CompletedInTime, done.CompletionExceeded));
        Assert.Equal([CaseId], done.CompletionExceededCases);
        Assert.Empty(done.OpenPastAssessmentLimit);
    }
}
