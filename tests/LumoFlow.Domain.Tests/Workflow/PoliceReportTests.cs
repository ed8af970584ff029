using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 3 (LSL § 25(3); law review C3): when an offence against the child is suspected — at intake or later —
/// <c>policeReport</c> is open at once, in any phase, and the team lead hears of it the next working morning (08:00) if
/// it is still open. It is recorded with <see cref="PoliceReportFiled"/> or <see cref="PoliceAlreadyInformed"/>, and it
/// is checked on every path that ends a case; a termination records that it was still open.
/// </summary>
public sealed class PoliceReportTests
{
    private const string Lead = "lead.north@lumoflow.test";
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00"); // Monday; decisionDue Wednesday 11.3
    private static readonly DateTimeOffset UrgencyAt = At("2026-03-02 09:30");
    private static readonly DateTimeOffset Day1 = At("2026-03-03 10:00");
    private static readonly DateTimeOffset Day2 = At("2026-03-04 10:00");

    private static WorkflowHarness Opened(bool offence = true)
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: offence));
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        return h;
    }

    /// <summary>Everything but the police report is done: the notifier contacted, the family told, the child met.</summary>
    private static WorkflowHarness AllButThePolice()
    {
        var h = Opened();
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);
        h.Accept(new ChildAndGuardiansInformed(Day1, "phone"), Day1);
        h.Accept(new ChildMet(Day1, "home visit", null), Day1);
        return h;
    }

    private static string[] Codes(WorkflowRefusal refusal) => [.. refusal.Missing.Select(m => m.Code)];

    [Fact]
    public void Suspected_at_intake_the_report_is_open_at_once_before_any_decision_and_before_the_birth_too()
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: true));
        Assert.Contains("policeReport", CustomStatus.Of(h.State).OpenObligations);
        Assert.Equal(At("2026-03-03 08:00"), h.PendingTimers[TimerNames.PoliceReportEscalation].DueAt);

        var preBirth = new WorkflowHarness();
        preBirth.Open(Received, PreBirthNotification() with { OffenceSuspected = true });
        Assert.Equal(CasePhase.AwaitingBirth, preBirth.State.Phase);
        Assert.Contains("policeReport", CustomStatus.Of(preBirth.State).OpenObligations);
        Assert.Equal(At("2026-03-03 08:00"), preBirth.PendingTimers[TimerNames.PoliceReportEscalation].DueAt);
    }

    [Fact]
    public void Not_suspected_no_report_is_asked_and_no_escalation_is_set()
    {
        var h = Opened(offence: false);

        Assert.DoesNotContain("policeReport", CustomStatus.Of(h.State).OpenObligations);
        Assert.DoesNotContain(TimerNames.PoliceReportEscalation, h.PendingTimers.Keys);
    }

    /// <summary>The next working morning, 08:00 Helsinki time, whatever the hour of the suspicion.</summary>
    [Theory]
    [InlineData("2026-03-02 09:00", "2026-03-03 08:00")] // Monday → Tuesday
    [InlineData("2026-03-02 07:00", "2026-03-03 08:00")] // before office hours: still the next morning, not the same one
    [InlineData("2026-03-06 16:00", "2026-03-09 08:00")] // Friday → Monday
    [InlineData("2026-03-07 22:00", "2026-03-09 08:00")] // Saturday night → Monday
    [InlineData("2026-04-02 15:00", "2026-04-07 08:00")] // Thursday before Good Friday 3.4; Easter Monday 6.4 → Tuesday
    [InlineData("2026-04-30 12:00", "2026-05-04 08:00")] // the day before May Day (Friday 1.5) → Monday
    [InlineData("2026-12-23 12:00", "2026-12-28 08:00")] // before Christmas Eve, Christmas Day and the weekend
    public void The_team_lead_hears_of_an_unreported_offence_the_next_working_morning_once(string suspected, string escalated)
    {
        var h = new WorkflowHarness();
        h.Open(At(suspected), ValidNotification(offenceSuspected: true));

        h.RunUntil(At(escalated).AddDays(30));

        var escalation = Assert.Single(h.Sent, e => e.Email.Kind == "PoliceReportEscalation");
        Assert.Equal((Lead, At(escalated)), (escalation.Email.To, escalation.At));
        Assert.Contains("policeReport", CustomStatus.Of(h.State).OpenObligations); // still open: the duty does not lapse
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Suspected_later_the_report_opens_then_with_its_own_escalation_even_after_the_decision_not_to_assess()
    {
        var h = Opened(offence: false);
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);
        h.Accept(new DecisionMade(false, "obviously unnecessary"), Day1);
        Assert.Equal(CasePhase.Closing, h.State.Phase);

        h.Accept(new OffenceSuspected(ConfidentialNote), At("2026-03-06 14:00")); // a Friday

        Assert.Equal(At("2026-03-09 08:00"), h.PendingTimers[TimerNames.PoliceReportEscalation].DueAt);
        Assert.Contains("policeReport", ClosingRules.Missing(h.State).Select(o => o.Code));
        h.RunUntil(At("2026-03-09 09:00"));
        Assert.Equal(At("2026-03-09 08:00"), h.Sent.Single(e => e.Email.Kind == "PoliceReportEscalation").At);
    }

    [Fact]
    public void Filed_in_time_the_escalation_never_comes_and_the_reference_is_kept_only_as_a_document()
    {
        var h = Opened();

        var filed = h.Accept(new PoliceReportFiled(At("2026-03-02 11:00")) { Reference = "5500/R/1234/26" }, At("2026-03-02 12:00"));
        h.RunUntil(At("2026-03-10 00:00"));

        Assert.DoesNotContain("policeReport", CustomStatus.Of(h.State).OpenObligations);
        Assert.Equal(new PoliceReportRecord(true, At("2026-03-02 11:00"), null), h.State.PoliceReport);
        Assert.Contains(TimerNames.PoliceReportEscalation, filed.TimersToCancel);
        Assert.DoesNotContain(h.Sent, e => e.Email.Kind == "PoliceReportEscalation");
        Assert.Equal("true", filed.History.Single(e => e.EventType == "PoliceReportFiled").Details!["reference"]);
        Assert.Equal("5500/R/1234/26", Assert.Single(filed.DocumentsToStore, d => d.Kind == "PoliceReportReference").Text);
    }

    [Theory]
    [InlineData("notifier")] // a duty-bound notifier's own report (LSL § 25(3))
    [InlineData("police")]   // the police knew of their own
    public void Already_known_to_the_police_the_duty_is_done(string by)
    {
        var h = Opened();

        var step = h.Accept(new PoliceAlreadyInformed(by, null) { Actor = "sw.virtanen" }, Day1);

        Assert.Equal(new PoliceReportRecord(false, Day1, by), h.State.PoliceReport);
        Assert.False(h.State.PoliceReportOpen);
        Assert.DoesNotContain("policeReport", CustomStatus.Of(h.State).OpenObligations);
        Assert.Contains(TimerNames.PoliceReportEscalation, step.TimersToCancel);
        Assert.Equal(new Dictionary<string, string> { ["by"] = by }, step.History.Single(e => e.EventType == "PoliceAlreadyInformed").Details);
        Assert.Empty(step.DocumentsToStore); // no reference given
    }

    // ---- Every path that ends a case checks it ----------------------------------------------------------------------

    [Fact]
    public void Completing_is_refused_while_it_is_open()
    {
        var h = AllButThePolice();
        h.Accept(new DecisionMade(true, "assessment needed"), Day1);

        var refusal = h.Refuse(new AssessmentCompleted("noFurtherServices", Summary), Day2);

        Assert.Equal(RefusalCode.MissingBeforeClosing, refusal.Code);
        Assert.Equal(["policeReport"], Codes(refusal));
        h.Accept(new PoliceReportFiled(Day2), Day2);
        h.Accept(new AssessmentCompleted("noFurtherServices", Summary), Day2);
        Assert.Equal(RuntimeStatus.Completed, h.State.RuntimeStatus);
    }

    [Fact]
    public void Not_to_assess_is_decided_but_the_case_does_not_end_while_it_is_open()
    {
        var h = AllButThePolice();

        h.Accept(new DecisionMade(false, "obviously unnecessary"), Day1);

        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.Equal(["policeReport"], ClosingRules.Missing(h.State).Select(o => o.Code));
        h.Accept(new PoliceAlreadyInformed("police", "5500/R/1234/26"), Day2);
        Assert.Equal((RuntimeStatus.Completed, "noAssessment"), (h.State.RuntimeStatus, h.State.Outcome));
    }

    [Fact]
    public void A_transfer_is_refused_while_it_is_open()
    {
        var h = AllButThePolice();
        var before = h.State;

        var refusal = h.Refuse(new TransferredOut("Jyväskylä", Day2), Day2);

        Assert.Equal((RefusalKind.NotAllowedNow, RefusalCode.MissingBeforeTransfer), (refusal.Kind, refusal.Code));
        Assert.Equal(["policeReport"], Codes(refusal));
        Assert.Same(before, h.State);
        h.Accept(new PoliceReportFiled(Day2), Day2);
        h.Accept(new TransferredOut("Jyväskylä", Day2), Day2);
        Assert.Equal(Outcomes.Transferred, h.State.PendingOutcome);
    }

    [Fact]
    public void A_pre_birth_case_is_not_closed_while_it_is_open()
    {
        var h = new WorkflowHarness();
        h.Open(Received, PreBirthNotification() with { OffenceSuspected = true });
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);

        var refusal = h.Refuse(new PreBirthCaseClosed("support arranged by the maternity clinic"), Day1);

        Assert.Equal(RefusalCode.MissingBeforeClosing, refusal.Code);
        Assert.Equal(["policeReport"], Codes(refusal));
        Assert.Equal(CasePhase.AwaitingBirth, h.State.Phase);
        h.Accept(new PoliceReportFiled(Day1), Day1);
        h.Accept(new PreBirthCaseClosed("support arranged by the maternity clinic"), Day1);
        Assert.Equal("closedBeforeBirth", h.State.Outcome);
    }

    [Fact]
    public void A_notification_taken_into_an_open_assessment_does_not_end_while_it_is_open()
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: true), linkedCaseIds: ["LF-2026-000100"]);
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);

        h.Accept(new HandledInOpenAssessment("LF-2026-000100") { IsOpenAssessment = true }, Day1);

        Assert.Equal(["policeReport"], ClosingRules.Missing(h.State).Select(o => o.Code));
        h.Accept(new PoliceReportFiled(Day2), Day2);
        Assert.Equal(Outcomes.HandledInOpenAssessment, h.State.Outcome);
    }

    [Fact]
    public void An_offence_suspected_after_the_transfer_holds_its_end_until_it_is_reported()
    {
        var fresh = Opened(offence: false);
        fresh.Accept(new ChildAndGuardiansInformed(Day1, "phone"), Day1);
        fresh.Accept(new TransferredOut("Jyväskylä", Day1), Day1);
        fresh.Accept(new OffenceSuspected(ConfidentialNote), Day1);
        fresh.Accept(new TransferDocumentsSent("Jyväskylä child welfare", Day2, "the notification and the history"), Day2);

        Assert.Equal(CasePhase.Closing, fresh.State.Phase);
        Assert.Equal(["policeReport"], ClosingRules.Missing(fresh.State).Select(o => o.Code));
        fresh.Accept(new PoliceReportFiled(Day2), Day2);
        Assert.Equal((RuntimeStatus.Completed, "transferred"), (fresh.State.RuntimeStatus, fresh.State.Outcome));
    }

    [Fact]
    public void A_termination_records_in_the_history_that_the_report_was_still_open()
    {
        var open = Opened();
        var terminated = open.Accept(new CaseTerminated("duplicate of another case") { Actor = "admin" }, Day1);
        var entry = Assert.Single(terminated.History, e => e.EventType == "Terminated");
        Assert.Equal("true", entry.Details!["policeReportOpen"]);
        Assert.Equal("terminated", open.State.Outcome);
        Assert.Empty(open.PendingTimers); // the escalation goes with the case

        var reported = Opened();
        reported.Accept(new PoliceReportFiled(Day1), Day1);
        var after = reported.Accept(new CaseTerminated("duplicate of another case") { Actor = "admin" }, Day2);
        Assert.False(after.History.Single(e => e.EventType == "Terminated").Details!.ContainsKey("policeReportOpen"));

        var never = Opened(offence: false);
        var plain = never.Accept(new CaseTerminated("duplicate of another case") { Actor = "admin" }, Day2);
        Assert.False(plain.History.Single(e => e.EventType == "Terminated").Details!.ContainsKey("policeReportOpen"));
    }
}
