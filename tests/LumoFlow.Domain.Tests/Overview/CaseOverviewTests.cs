using System.Globalization;
using FsCheck.Xunit;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Tests.Workflow;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Overview;

/// <summary>
/// What administrators see of a case: its next deadline, and which deadlines have passed unmet on a given day. Cases
/// are driven through the real workflow. Received Tue 16.6.2026 (Midsummer week): decisionDue Fri 26.6, assessmentDue Wed 16.9.
/// </summary>
public sealed class CaseOverviewTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static WorkflowHarness Received()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 10:00"));
        return h;
    }

    [Fact]
    public void A_new_case_works_towards_its_decision_and_is_overdue_only_from_the_day_after_it()
    {
        var c = CaseOverview.Of(Received().State);

        Assert.Equal(new NextDeadline("decision", D("2026-06-26")), c.NextDeadline);
        Assert.Empty(c.OverdueOn(D("2026-06-16")));
        Assert.Empty(c.OverdueOn(D("2026-06-26")));          // the due day itself is in time
        Assert.Equal(["decision"], c.OverdueOn(D("2026-06-27")));
        Assert.Equal(["decision", "assessment"], c.OverdueOn(D("2026-09-17")));
    }

    [Fact]
    public void Once_the_assessment_is_started_it_works_towards_the_assessment_and_the_decision_is_no_longer_overdue()
    {
        var h = Received();
        h.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-06-30 10:00")); // late, but made
        var c = CaseOverview.Of(h.State);

        Assert.Equal(new NextDeadline("assessment", D("2026-09-16")), c.NextDeadline);
        Assert.Empty(c.OverdueOn(D("2026-07-01")));
        Assert.Empty(c.OverdueOn(D("2026-09-16")));
        Assert.Equal(["assessment"], c.OverdueOn(D("2026-09-17")));
        Assert.Equal(CasePhase.Assessing, c.Phase);
    }

    [Fact]
    public void An_ended_case_has_no_next_deadline_and_nothing_overdue()
    {
        var noAssessment = Received();
        noAssessment.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        noAssessment.Accept(new NotifierContacted("phone", At("2026-06-17 09:00"), null), At("2026-06-17 09:00"));
        noAssessment.Accept(new ChildAndGuardiansInformed(At("2026-06-17 10:00"), "phone"), At("2026-06-17 10:00"));
        noAssessment.Accept(new DecisionMade(false, "no need"), At("2026-06-18 10:00"));
        var terminated = Received();
        terminated.Accept(new CaseTerminated("duplicate") { Actor = "admin" }, At("2026-06-17 10:00"));

        foreach (var state in new[] { noAssessment.State, terminated.State })
        {
            var c = CaseOverview.Of(state);
            Assert.False(c.IsOpen);
            Assert.Null(c.NextDeadline);
            Assert.Empty(c.OverdueOn(D("2027-01-01")));
            Assert.Empty(c.OpenObligations);
        }
    }

    [Fact]
    public void A_pre_birth_case_waiting_for_the_birth_has_no_deadline_yet()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 10:00"), PreBirthNotification());
        var c = CaseOverview.Of(h.State);

        Assert.Equal(CasePhase.AwaitingBirth, c.Phase);
        Assert.Null(c.NextDeadline);
        Assert.Empty(c.OverdueOn(D("2027-06-16")));
    }

    [Fact]
    public void A_deadline_the_workflow_has_noted_as_passed_is_overdue_whatever_the_day_asked()
    {
        var h = Received();
        h.RunUntil(At("2026-06-29 12:00")); // the decision-overdue timer fires after the due day
        Assert.True(h.State.DecisionOverdue);

        Assert.Equal(["decision"], CaseOverview.Of(h.State).OverdueOn(D("2026-06-20")));
    }

    [Fact]
    public void An_unassessed_urgency_shows_with_the_whole_hours_since_receipt_until_it_is_recorded()
    {
        // Registered at 15:00 a notification received by phone at 10:00: the hours count from the receipt.
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 15:00"), receivedAt: At("2026-06-16 10:00"), registeredBy: "sw.virtanen");
        var c = CaseOverview.Of(h.State);

        Assert.True(c.UrgencyUnassessed);
        Assert.Equal(At("2026-06-16 10:00"), c.ReceivedAt);
        Assert.Equal(5, c.HoursSinceReceipt(At("2026-06-16 15:00")));
        Assert.Equal(5, c.HoursSinceReceipt(At("2026-06-16 15:59")));
        Assert.Equal(26, c.HoursSinceReceipt(At("2026-06-17 12:30")));
        Assert.Equal(0, c.HoursSinceReceipt(At("2026-06-16 09:00"))); // never negative

        h.Accept(new UrgencyAssessed(false, null), At("2026-06-16 15:10"));
        Assert.False(CaseOverview.Of(h.State).UrgencyUnassessed);
    }

    [Fact]
    public void An_ended_case_never_shows_an_unassessed_urgency()
    {
        var h = Received();
        h.Accept(new CaseTerminated("duplicate") { Actor = "admin" }, At("2026-06-16 10:10"));

        Assert.False(CaseOverview.Of(h.State).UrgencyUnassessed);
    }

    [Fact]
    public void The_overview_carries_the_open_obligations_and_the_linked_cases_and_no_child_data()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 10:00"), linkedCaseIds: ["LF-2026-000001"]);
        var c = CaseOverview.Of(h.State);

        Assert.Contains("decision", c.OpenObligations);
        Assert.Equal(1, c.LinkedCases);
        var text = c.ToString();
        foreach (var personal in PersonalData) Assert.DoesNotContain(personal, text);
    }
}

/// <summary>The workload view: per team and in all, this week and next, the deadlines per week ahead.</summary>
public sealed class WorkloadTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static CaseOverview Case(string id, string team, CasePhase phase, string? decisionDue, string? assessmentDue, RuntimeStatus status = RuntimeStatus.Running) =>
        new(id, status, phase, team, null, DateTimeOffset.Parse("2026-06-01T08:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-06-01T08:00:00Z", CultureInfo.InvariantCulture),
            decisionDue is null ? null : D(decisionDue), assessmentDue is null ? null : D(assessmentDue), false, false, [], 0);

    [Theory]
    [InlineData("2026-06-15", "2026-06-15")] // Monday
    [InlineData("2026-06-17", "2026-06-15")]
    [InlineData("2026-06-21", "2026-06-15")] // Sunday still belongs to the week that began on Monday
    [InlineData("2026-06-22", "2026-06-22")]
    [InlineData("2027-01-01", "2026-12-28")] // across the year's end
    public void A_week_runs_from_Monday_to_Sunday(string day, string monday) =>
        Assert.Equal(D(monday), WorkloadSummary.Monday(D(day)));

    [Fact]
    public void Teams_count_their_open_cases_by_phase_the_deadlines_passed_and_those_due_this_week_and_next()
    {
        var today = D("2026-06-17"); // Wednesday; this week 15.–21.6, next 22.–28.6
        CaseOverview[] cases =
        [
            Case("A", "north", CasePhase.AwaitingDecision, "2026-06-16", "2026-09-16"),   // decision passed yesterday
            Case("B", "north", CasePhase.AwaitingDecision, "2026-06-21", "2026-09-21"),   // due Sunday: this week
            Case("C", "north", CasePhase.Assessing, "2026-03-01", "2026-06-22"),          // assessment due next Monday
            Case("D", "south", CasePhase.Assessing, "2026-03-01", "2026-06-10"),          // assessment passed
            Case("E", "south", CasePhase.AwaitingDecision, "2026-06-29", "2026-09-29"),   // the week after next
            Case("F", "south", CasePhase.Closed, "2026-06-10", "2026-09-10", RuntimeStatus.Completed), // ended: not counted
        ];

        var summary = WorkloadSummary.Compute(cases, today);

        Assert.Equal(["north", "south"], summary.Teams.Select(t => t.TeamId));
        var north = summary.Teams[0];
        Assert.Equal(new TeamWorkload("north", 3, north.OpenByPhase, DecisionOverdue: 1, AssessmentOverdue: 0, DueThisWeek: 2, DueNextWeek: 1), north);
        Assert.Equal(2, north.OpenByPhase["AwaitingDecision"]);
        Assert.Equal(1, north.OpenByPhase["Assessing"]);
        Assert.Equal(0, north.OpenByPhase["AwaitingBirth"]);
        Assert.False(north.OpenByPhase.ContainsKey("Closed"));
        var south = summary.Teams[1];
        Assert.Equal((2, 0, 1, 0, 0), (south.Open, south.DecisionOverdue, south.AssessmentOverdue, south.DueThisWeek, south.DueNextWeek));
        Assert.Equal((5, 1, 1, 2, 1), (summary.Total.Open, summary.Total.DecisionOverdue, summary.Total.AssessmentOverdue, summary.Total.DueThisWeek, summary.Total.DueNextWeek));

        Assert.Equal(WorkloadSummary.WeeksAhead, summary.DuePerWeek.Count);
        Assert.Equal(new WeekLoad(D("2026-06-15"), 2), summary.DuePerWeek[0]); // A (passed, but this week) and B; D's was last week
        Assert.Equal(new WeekLoad(D("2026-06-22"), 1), summary.DuePerWeek[1]);
        Assert.Equal(new WeekLoad(D("2026-06-29"), 1), summary.DuePerWeek[2]);
    }

    [Property]
    public bool The_teams_add_up_to_the_total(byte[] phases, byte day)
    {
        var today = D("2026-06-01").AddDays(day);
        var cases = phases.Select((p, i) => Case($"C{i}", $"team{p % 3}", (CasePhase)(p % 4),
            $"{D("2026-05-20").AddDays(p % 40):yyyy-MM-dd}", $"{D("2026-08-20").AddDays(p % 90):yyyy-MM-dd}",
            p % 5 == 0 ? RuntimeStatus.Completed : RuntimeStatus.Running)).ToList();
        var s = WorkloadSummary.Compute(cases, today);
        return s.Teams.Sum(t => t.Open) == s.Total.Open
            && s.Teams.Sum(t => t.DecisionOverdue) == s.Total.DecisionOverdue
            && s.Teams.Sum(t => t.AssessmentOverdue) == s.Total.AssessmentOverdue
            && s.Teams.Sum(t => t.DueThisWeek) == s.Total.DueThisWeek
            && s.Total.Open == cases.Count(c => c.IsOpen)
            && s.Total.OpenByPhase.Values.Sum() == s.Total.Open;
    }
}
