using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// LSL § 26(2), SHL § 36(1): for every notification a social worker assesses at once whether the child needs urgent
/// child welfare — pre-birth notifications too (LSL § 25 c(2)). In the workflow: <c>urgencyAssessment</c> is open from
/// receipt; <c>DecisionMade</c> waits for <c>UrgencyAssessed</c>; unrecorded, the team lead hears of it after 2 hours and
/// on-call after 4 (from the next working morning when received out of hours); a red flag reaches on-call at once.
/// The case is in Kuopio (the north team) unless said otherwise.
/// </summary>
public sealed class UrgencyTests
{
    private const string Lead = "lead.north@lumoflow.test";
    private const string OnCall = "oncall.north@lumoflow.test";

    private static readonly DateTimeOffset Wednesday10 = At("2026-04-01 10:00"); // a working day, in office hours

    private static bool AboutUrgency(SentEmail e) => e.Email.Kind is "UrgencyEscalation" or "UrgencyOnCall" or "Urgent";

    private static string[] UrgencyLog(WorkflowHarness h) =>
        [.. h.Sent.Where(AboutUrgency).Select(e => $"{e.At:yyyy-MM-dd HH:mm zzz} {e.Email.Kind} -> {e.Email.To}")];

    private static string Line(string helsinkiLocal, string kind, string to) => $"{At(helsinkiLocal):yyyy-MM-dd HH:mm zzz} {kind} -> {to}";

    [Fact]
    public void Every_case_opens_with_the_urgency_obligation_and_both_urgency_timers()
    {
        var h = new WorkflowHarness();

        var opened = h.Open(Wednesday10);

        Assert.Equal("urgencyAssessment", CustomStatus.Of(h.State).OpenObligations[0]);
        Assert.Equal(At("2026-04-01 12:00"), h.PendingTimers[TimerNames.UrgencyLead].DueAt);
        Assert.Equal(At("2026-04-01 14:00"), h.PendingTimers[TimerNames.UrgencyOnCall].DueAt);
        Assert.Contains(opened.TimersToSet, t => t.Name == TimerNames.UrgencyLead);
        // No red flag (neglect only): nobody is alerted at once, only the receipt goes.
        Assert.False(h.State.RedFlag);
        Assert.Equal(["Receipt"], h.Sent.Select(e => e.Email.Kind));
    }

    [Fact]
    public void Unrecorded_the_lead_hears_of_it_after_2_hours_and_on_call_after_4_each_once()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);

        h.RunUntil(At("2026-04-01 11:59"));
        Assert.Empty(UrgencyLog(h));

        h.RunUntil(At("2026-04-10 00:00"));

        Assert.Equal([Line("2026-04-01 12:00", "UrgencyEscalation", Lead), Line("2026-04-01 14:00", "UrgencyOnCall", OnCall)], UrgencyLog(h));
        var toLead = h.Sent.Single(e => e.Email.Kind == "UrgencyEscalation").Email;
        Assert.Contains($"{BaseUrl}/api/cases/{CaseId}", toLead.TextBody);
        Assert.Contains(CaseId, toLead.Subject + toLead.TextBody);
        Assert.Contains("urgencyAssessment", CustomStatus.Of(h.State).OpenObligations); // still open: escalating does not meet it
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Recorded_in_time_no_escalation_goes_out_and_both_timers_are_cancelled()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);

        var step = h.Accept(new UrgencyAssessed(false, ConfidentialNote) { Actor = "sw.virtanen" }, At("2026-04-01 10:40"));
        h.RunUntil(At("2026-08-01 00:00"));

        Assert.Contains(TimerNames.UrgencyLead, step.TimersToCancel);
        Assert.Contains(TimerNames.UrgencyOnCall, step.TimersToCancel);
        Assert.Empty(UrgencyLog(h));
        Assert.DoesNotContain(h.Fired, t => t.Name is TimerNames.UrgencyLead or TimerNames.UrgencyOnCall);
        Assert.DoesNotContain("urgencyAssessment", CustomStatus.Of(h.State).OpenObligations);
        Assert.Equal(new UrgencyAssessment(false, At("2026-04-01 10:40"), "sw.virtanen"), h.State.Urgency);
        var entry = Assert.Single(h.History, e => e.EventType == "UrgencyAssessed");
        Assert.Equal("false", entry.Details!["urgent"]);
        Assert.Equal(ConfidentialNote, h.Documents.Single(d => d.Kind == "UrgencyAssessed").Text); // the note is a document, never emailed
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Recorded_after_the_lead_heard_of_it_on_call_is_not_told()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);

        h.Accept(new UrgencyAssessed(true, null), At("2026-04-01 13:00"));
        h.RunUntil(At("2026-04-10 00:00"));

        Assert.Equal([Line("2026-04-01 12:00", "UrgencyEscalation", Lead)], UrgencyLog(h));
        Assert.Equal("true", h.History.Single(e => e.EventType == "UrgencyAssessed").Details!["urgent"]);
    }

    [Fact]
    public void An_urgency_timer_that_fires_after_the_urgency_was_recorded_does_nothing()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);
        h.Accept(new UrgencyAssessed(false, null), At("2026-04-01 10:30"));

        foreach (var timer in new[] { TimerNames.UrgencyLead, TimerNames.UrgencyOnCall })
        {
            var step = Assert.IsType<WorkflowStep>(h.Workflow.Apply(h.State, new TimerFired(timer), At("2026-04-01 14:00")));
            Assert.Empty(step.Emails);
            Assert.Empty(step.TimersToSet);
        }
    }

    [Fact]
    public void Received_out_of_hours_without_a_red_flag_the_ladder_starts_the_next_working_morning()
    {
        // Friday 13.3.2026 at 17:00: nothing at once; Monday 16.3 08:00 is the start — the lead at 10:00, on-call at 12:00.
        var h = new WorkflowHarness();
        h.Open(At("2026-03-13 17:00"));

        Assert.Equal(["Receipt"], h.Sent.Select(e => e.Email.Kind));
        h.RunUntil(At("2026-03-17 00:00"));

        Assert.Equal([Line("2026-03-16 10:00", "UrgencyEscalation", Lead), Line("2026-03-16 12:00", "UrgencyOnCall", OnCall)], UrgencyLog(h));
    }

    [Fact]
    public void The_escalation_goes_to_the_lead_of_the_team_the_case_is_with_when_it_is_due()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);

        h.Accept(new Reassigned(Intake.Id, null) { Actor = "lead.north" }, At("2026-04-01 11:00"));
        h.RunUntil(At("2026-04-02 00:00"));

        Assert.Equal([Line("2026-04-01 12:00", "UrgencyEscalation", Intake.LeadEmail), Line("2026-04-01 14:00", "UrgencyOnCall", Intake.OnCallEmail)],
            UrgencyLog(h));
    }

    // ---- Red flags: on-call at once, whatever the time. ----

    public static TheoryData<string, Notification> RedFlags() => new()
    {
        { "immediate danger", ValidNotification(immediateDanger: true) },
        { "offence suspected", ValidNotification(offenceSuspected: true) },
        { "violence or sexual abuse", ValidNotification() with { Reasons = ["violenceOrSexualAbuse"] } },
        { "the child's self-harm", ValidNotification() with { Reasons = ["neglect", "childSelfHarm"] } },
    };

    [Theory]
    [MemberData(nameof(RedFlags))]
    public void A_red_flag_reaches_on_call_at_once_even_at_23_on_a_Saturday(string flag, Notification notification)
    {
        // Saturday 14.3.2026 at 23:00. Unassessed, the ladder still runs from Monday 16.3 08:00.
        var h = new WorkflowHarness();
        h.Open(At("2026-03-14 23:00"), notification);

        Assert.True(h.State.RedFlag, flag);
        var urgent = Assert.Single(h.Sent, e => e.Email.Kind == "Urgent");
        Assert.Equal((OnCall, At("2026-03-14 23:00")), (urgent.Email.To, urgent.At));
        Assert.Contains($"{BaseUrl}/api/cases/{CaseId}", urgent.Email.TextBody);

        h.RunUntil(At("2026-03-17 00:00"));
        Assert.Equal(
            [Line("2026-03-14 23:00", "Urgent", OnCall), Line("2026-03-16 10:00", "UrgencyEscalation", Lead), Line("2026-03-16 12:00", "UrgencyOnCall", OnCall)],
            UrgencyLog(h));
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void On_call_assessing_a_red_flag_at_night_stops_the_morning_ladder()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-03-14 23:00"), ValidNotification(immediateDanger: true));

        h.Accept(new UrgencyAssessed(true, "on call: urgent placement considered") { Actor = "oncall.worker" }, At("2026-03-14 23:40"));
        h.RunUntil(At("2026-03-17 00:00"));

        Assert.Equal([Line("2026-03-14 23:00", "Urgent", OnCall)], UrgencyLog(h));
    }

    [Fact]
    public void Without_a_red_flag_nobody_is_alerted_at_night()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-03-14 23:00"), ValidNotification() with { Reasons = ["neglect", "schoolNeglect"] });

        Assert.False(h.State.RedFlag);
        Assert.DoesNotContain(h.Sent, e => e.Email.Kind == "Urgent");
    }

    // ---- Pre-birth (LSL § 25 c(2)): urgency is assessed at once before the birth too. ----

    [Fact]
    public void A_pre_birth_case_has_the_urgency_obligation_and_its_ladder_though_no_deadline_runs()
    {
        // Tuesday 10.2.2026 at 10:00.
        var h = new WorkflowHarness();
        h.Open(At("2026-02-10 10:00"), PreBirthNotification());

        Assert.Null(h.State.Deadlines);
        Assert.Equal(["urgencyAssessment", "childBorn"], CustomStatus.Of(h.State).OpenObligations);
        Assert.Equal([TimerNames.UrgencyLead, TimerNames.UrgencyOnCall], h.PendingTimers.Keys.Order(StringComparer.Ordinal));

        h.RunUntil(At("2026-03-01 00:00"));

        Assert.Equal([Line("2026-02-10 12:00", "UrgencyEscalation", Lead), Line("2026-02-10 14:00", "UrgencyOnCall", OnCall)], UrgencyLog(h));
        Assert.Empty(h.PendingTimers);
    }

    [Fact]
    public void A_pre_birth_notification_with_a_red_flag_reaches_on_call_at_once()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-02-14 02:00"), PreBirthNotification() with { ImmediateDanger = true }); // Saturday night

        Assert.Equal([Line("2026-02-14 02:00", "Urgent", OnCall)], UrgencyLog(h));
        h.Accept(new UrgencyAssessed(false, null) { Actor = "oncall.worker" }, At("2026-02-14 03:00"));
        Assert.DoesNotContain("urgencyAssessment", CustomStatus.Of(h.State).OpenObligations);
        Assert.Empty(h.PendingTimers);
    }

    // ---- The decision waits for the urgency assessment. ----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DecisionMade_is_refused_until_the_urgency_is_recorded_then_accepted(bool startAssessment)
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);
        // Everything closing needs is in place, so only the urgency can stand in the way of the decision.
        h.Accept(new NotifierContacted("phone", At("2026-04-01 10:20"), null), At("2026-04-01 10:20"));
        h.Accept(new ChildNotMet("the family is already a client and was met last week"), At("2026-04-01 10:25"));
        h.Accept(new ChildAndGuardiansInformed(At("2026-04-01 10:25"), "phone"), At("2026-04-01 10:25"));
        var before = h.State;
        var emailsBefore = h.Sent.Count;

        var refusal = h.Refuse(new DecisionMade(startAssessment, "decided"), At("2026-04-01 10:30"));

        Assert.Equal(RefusalKind.NotAllowedNow, refusal.Kind);
        Assert.Equal(RefusalCode.UrgencyFirst, refusal.Code);
        Assert.Equal(["urgencyAssessment"], refusal.Missing.Select(m => m.Code));
        Assert.Contains("UrgencyAssessed", refusal.Reason);
        Assert.Same(before, h.State);
        Assert.Equal(emailsBefore, h.Sent.Count);
        Assert.Equal(CasePhase.AwaitingDecision, h.State.Phase);

        h.Accept(new UrgencyAssessed(false, null), At("2026-04-01 10:35"));
        h.Accept(new DecisionMade(startAssessment, "decided"), At("2026-04-01 10:40"));

        // Nothing else is missing: started, the assessment is ready to close at once; not started, the case finishes
        // closing at once (nothing remains of ClosingRules.ToCloseWithoutAssessment).
        Assert.Equal(startAssessment ? CasePhase.ReadyToClose : CasePhase.Closed, h.State.Phase);
        Assert.NotNull(h.State.Decision);
    }

    [Fact]
    public void The_urgency_comes_first_even_when_closing_obligations_are_missing_too()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);

        var refusal = h.Refuse(new DecisionMade(false, "no need"), At("2026-04-01 10:30"));

        Assert.Equal(RefusalCode.UrgencyFirst, refusal.Code);
        Assert.Equal(["urgencyAssessment"], refusal.Missing.Select(m => m.Code));
    }

    [Fact]
    public void A_late_urgency_assessment_still_lets_the_decision_through()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);
        h.RunUntil(At("2026-04-03 00:00")); // both escalations went

        h.Accept(new UrgencyAssessed(false, null), At("2026-04-07 09:00"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-04-07 10:00"));

        Assert.Equal(CasePhase.Assessing, h.State.Phase);
        Assert.Equal(2, h.Sent.Count(e => e.Email.Kind is "UrgencyEscalation" or "UrgencyOnCall"));
    }

    [Fact]
    public void Ending_the_case_cancels_the_urgency_timers()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10);

        var step = h.Accept(new CaseTerminated("opened by mistake") { Actor = "admin" }, At("2026-04-01 10:30"));
        h.RunUntil(At("2026-04-10 00:00"));

        Assert.Contains(TimerNames.UrgencyLead, step.TimersToCancel);
        Assert.Contains(TimerNames.UrgencyOnCall, step.TimersToCancel);
        Assert.Empty(UrgencyLog(h));
        Assert.Empty(CustomStatus.Of(h.State).OpenObligations);
    }
}
