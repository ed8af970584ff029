using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Tests.Workflow;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Reporting;

/// <summary>
/// Issue 21, rule 9 (law review H3, H4): a case that ends without a decision — transferred (LSL § 25 d) or terminated —
/// after its <c>decisionDue</c> had already exceeded the 7 working days, and the exceedance does not disappear with it:
/// it counts in <see cref="ComplianceFigures.DecisionExceeded"/>. One that ended on or before <c>decisionDue</c> stays
/// outside the share (<see cref="ComplianceFigures.EndedWithoutDecision"/>). A transferred case is no longer the
/// organisation's from the day of the transfer (<see cref="ComplianceCase.Open"/>, <see cref="ComplianceCase.EndedOn"/>).
/// Received Monday 2.3.2026 09:00: decisionDue Wednesday 11.3; reported for 1.10.2025–31.3.2026 on 17.4.2026.
/// </summary>
public sealed class EndedWithoutDecisionTests
{
    private static readonly ReportPeriod Period = ReportPeriod.OctMar(2025);
    private static readonly DateOnly Today = D("2026-04-17");

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static ComplianceFigures Figures(params ComplianceCase[] cases) => ComplianceReport.Compute(cases, Period, Today).Organisation;

    private static WorkflowHarness Undecided()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-03-02 09:00"));
        h.Accept(new UrgencyAssessed(false, null), At("2026-03-02 09:30"));
        h.Accept(new ChildAndGuardiansInformed(At("2026-03-03 10:00"), "phone"), At("2026-03-03 10:00"));
        return h;
    }

    [Theory]
    [InlineData("2026-03-10 15:00", false)] // working day 6
    [InlineData("2026-03-11 16:00", false)] // decisionDue itself: still in time, nothing missed
    [InlineData("2026-03-12 09:00", true)]  // working day 8: the limit was already exceeded
    public void A_case_transferred_without_a_decision_is_exceeded_only_when_it_went_after_its_decisionDue(string transferred, bool exceeded)
    {
        var h = Undecided();

        h.Accept(new TransferredOut("Jyväskylä", At(transferred)), At(transferred));

        var c = ComplianceCase.Of(h.State);
        Assert.Equal((false, (DateOnly?)null, DateOnly.FromDateTime(At(transferred).DateTime)), (c.Open, c.DecidedOn, c.EndedOn!.Value));
        var f = Figures(c);
        Assert.Equal(1, f.Received);
        Assert.Equal((exceeded ? 1 : 0, exceeded ? 0 : 1), (f.DecisionExceeded, f.EndedWithoutDecision));
        Assert.Equal(exceeded ? [CaseId] : [], f.DecisionExceededCases);
        Assert.Equal(exceeded ? 0.0 : null, f.DecidedInTimePercent);

        // The documents going later change nothing: the case left on the day of the transfer.
        h.Accept(new TransferDocumentsSent("Jyväskylä child welfare", At("2026-03-20 09:00"), "the notification"), At("2026-03-20 09:00"));
        var after = Figures(ComplianceCase.Of(h.State));
        Assert.Equal((f.Received, f.DecisionExceeded, f.EndedWithoutDecision), (after.Received, after.DecisionExceeded, after.EndedWithoutDecision));
        Assert.Equal(DateOnly.FromDateTime(At(transferred).DateTime), ComplianceCase.Of(h.State).EndedOn);
    }

    [Theory]
    [InlineData("2026-03-11 23:59", false)]
    [InlineData("2026-03-12 00:00", true)] // the due day has passed at the start of the next Helsinki day
    public void A_case_terminated_without_a_decision_after_its_decisionDue_counts_as_exceeded(string terminated, bool exceeded)
    {
        var h = Undecided();

        h.Accept(new CaseTerminated("the family moved abroad") { Actor = "admin" }, At(terminated));

        var f = Figures(ComplianceCase.Of(h.State));
        Assert.Equal((1, exceeded ? 1 : 0, exceeded ? 0 : 1), (f.Received, f.DecisionExceeded, f.EndedWithoutDecision));
    }

    [Fact]
    public void A_case_decided_in_time_and_then_transferred_is_judged_by_its_decision()
    {
        var h = Undecided();
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-03-05 10:00"));
        h.Accept(new TransferredOut("Oulu", At("2026-03-20 10:00")), At("2026-03-20 10:00"));

        var c = ComplianceCase.Of(h.State);
        var f = Figures(c);

        Assert.Equal((1, 1, 0, 0), (f.Received, f.DecidedInTime, f.DecisionExceeded, f.EndedWithoutDecision));
        // No longer the organisation's: its started assessment is not "open past the limit" here, whatever happens there.
        Assert.False(c.Open);
        Assert.Empty(ComplianceReport.Compute([c], ReportPeriod.AprSep(2026), D("2026-10-05")).Organisation.OpenPastAssessmentLimit);
    }

    [Fact]
    public void A_case_built_without_an_end_day_ended_without_a_decision_as_before()
    {
        var deadlines = new DeadlineRules(WorkingDayCalendar.Default).For(At("2026-03-02 09:00"));
        var c = new ComplianceCase("OLD", "north", deadlines.ReceivedOn, deadlines.DecisionDue, null, false, deadlines.AssessmentDue, null, Open: false);

        Assert.Equal((1, 0, 1), (Figures(c).Received, Figures(c).DecisionExceeded, Figures(c).EndedWithoutDecision));
    }

    /// <summary>For any undecided case that ended, on any day from its receipt on: exceeded exactly when it ended after its decisionDue.</summary>
    [Property(MaxTest = 300)]
    public Property An_undecided_case_that_ended_is_exceeded_exactly_when_it_ended_after_its_decisionDue() =>
        Prop.ForAll(Arb.From(
            from received in Gen.Choose(0, 180)
            from ended in Gen.Choose(0, 40)
            select (received, ended)), input =>
        {
            var receivedOn = D("2025-10-01").AddDays(input.received);
            var deadlines = new DeadlineRules(WorkingDayCalendar.Default).For(HelsinkiTime.AtLocalTime(receivedOn, new TimeOnly(12, 0)));
            var endedOn = receivedOn.AddDays(input.ended);
            var c = new ComplianceCase("C", "north", deadlines.ReceivedOn, deadlines.DecisionDue, null, false, deadlines.AssessmentDue, null, Open: false)
            {
                EndedOn = endedOn,
            };

            var f = Figures(c);

            Assert.Equal(1, f.Received);
            Assert.Equal(endedOn > deadlines.DecisionDue, f.DecisionExceeded == 1);
            Assert.Equal(endedOn <= deadlines.DecisionDue, f.EndedWithoutDecision == 1);
        });
}
