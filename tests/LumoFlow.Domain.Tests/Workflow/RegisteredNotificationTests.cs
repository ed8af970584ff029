using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// A notification received by phone and registered later by a social worker: the case opens at the real time of
/// receipt (vireilletulo), whatever has already come due fires at once, and the history says who registered it when.
/// </summary>
public sealed class RegisteredNotificationTests
{
    private const string Worker = "worker.north@lumoflow.test";
    private const string Lead = "lead.north@lumoflow.test";
    private const string OnCall = "oncall.north@lumoflow.test";
    private const string Registrar = "sosiaalityontekija@kunta.test";

    [Fact]
    public void Registered_the_same_day_the_case_runs_as_if_submitted_then()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 15:00"), receivedAt: At("2026-04-01 10:00"), registeredBy: Registrar);

        Assert.Equal(new DateOnly(2026, 4, 14), h.State.Deadlines!.DecisionDue);
        Assert.Equal(At("2026-04-01 10:00"), h.State.ReceivedAt);
        Assert.Equal(At("2026-04-01 15:00"), h.State.CreatedTime);
        // LSL § 26(2): the urgency clock runs from the receipt (10:00, office hours), not from the registration.
        Assert.Equal(At("2026-04-01 12:00"), h.PendingTimers[TimerNames.UrgencyLead].DueAt);
        Assert.Equal(At("2026-04-01 14:00"), h.PendingTimers[TimerNames.UrgencyOnCall].DueAt);
        h.RunUntil(At("2026-04-15 12:00"));
        Assert.Contains($"2026-04-08 NotifierContactReminder -> {Worker}", h.EmailLog());
        Assert.Contains($"2026-04-10 DecisionReminder -> {Worker}", h.EmailLog());
        // By the registration at 15:00 both urgency steps had passed unrecorded, so the lead and on-call hear of it at once.
        Assert.Equal(At("2026-04-01 15:00"), h.Sent.Single(e => e.Email.Kind == "UrgencyEscalation" && e.Email.To == Lead).At);
        Assert.Equal(At("2026-04-01 15:00"), h.Sent.Single(e => e.Email.Kind == "UrgencyOnCall" && e.Email.To == OnCall).At);
    }

    [Fact]
    public void Registered_after_the_decision_deadline_the_escalation_goes_at_once_and_the_case_is_overdue()
    {
        // Received by phone on Wednesday 1.4.2026 (decisionDue Tuesday 14.4), registered on Thursday 16.4.
        var h = new WorkflowHarness();
        var registeredAt = At("2026-04-16 09:00");
        h.Open(registeredAt, receivedAt: At("2026-04-01 10:00"), registeredBy: Registrar);

        Assert.Equal(new DateOnly(2026, 4, 14), h.State.Deadlines!.DecisionDue);
        Assert.All(new[] { TimerNames.UrgencyLead, TimerNames.UrgencyOnCall, TimerNames.DecisionEscalation, TimerNames.DecisionOverdue,
                TimerNames.InformFamilyEscalation, TimerNames.InformFamilyOverdue },
            name => Assert.True(h.PendingTimers[name].DueAt < registeredAt));
        // Reminders whose time has passed are not sent late.
        Assert.DoesNotContain(TimerNames.DecisionReminder, h.PendingTimers.Keys);
        Assert.DoesNotContain(TimerNames.NotifierContactReminder, h.PendingTimers.Keys);
        Assert.DoesNotContain(TimerNames.InformFamilyReminder, h.PendingTimers.Keys);

        h.RunUntil(registeredAt); // what is due fires at once

        // The urgency was not recorded within 2 and 4 hours of the receipt (12:00 and 14:00 on 1.4) either; nor was the
        // family told by decisionDue (THL: within the same 7 working days).
        Assert.Equal(
            [$"2026-04-16 DecisionEscalation -> {Lead}", $"2026-04-16 InformFamilyEscalation -> {Lead}", $"2026-04-16 Receipt -> {NotifierEmail}",
             $"2026-04-16 UrgencyEscalation -> {Lead}", $"2026-04-16 UrgencyOnCall -> {OnCall}"],
            h.EmailLog());
        Assert.Equal(["decision", "informFamily"], CustomStatus.Of(h.State).Overdue);
        Assert.True(h.State.InformFamilyOverdue);
        Assert.Equal("2026-04-14", Assert.Single(h.History, e => e.EventType == "InformFamilyOverdue").Details!["due"]);

        var received = Assert.Single(h.History, e => e.EventType == "NotificationReceived");
        Assert.Equal(At("2026-04-01 10:00"), received.At);
        var registered = Assert.Single(h.History, e => e.EventType == "NotificationRegistered");
        Assert.Equal((Registrar, registeredAt), (registered.Actor, registered.At));
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Registered_after_the_assessment_deadline_both_deadlines_are_overdue_at_once()
    {
        // Received Friday 2.1.2026: decisionDue 14.1 (Epiphany 6.1 skipped), assessmentDue 2.4. Registered 8.4.
        var h = new WorkflowHarness();
        h.Open(At("2026-04-08 09:00"), receivedAt: At("2026-01-02 10:00"), registeredBy: Registrar);
        Assert.Equal(new DateOnly(2026, 1, 14), h.State.Deadlines!.DecisionDue);
        Assert.Equal(new DateOnly(2026, 4, 2), h.State.Deadlines.AssessmentDue);

        h.RunUntil(At("2026-04-08 09:00"));

        Assert.Equal(["decision", "assessment", "informFamily"], CustomStatus.Of(h.State).Overdue);
        // Received Friday 2.1 at 10:00 (a working day in office hours): urgency steps at 12:00 and 14:00 that day, long past.
        Assert.Equal(
            [$"2026-04-08 AssessmentEscalation -> {Lead}", $"2026-04-08 DecisionEscalation -> {Lead}", $"2026-04-08 InformFamilyEscalation -> {Lead}",
             $"2026-04-08 Receipt -> {NotifierEmail}",
             $"2026-04-08 UrgencyEscalation -> {Lead}", $"2026-04-08 UrgencyOnCall -> {OnCall}"],
            h.EmailLog());
        Assert.Empty(h.PendingTimers);
    }

    [Fact]
    public void An_event_that_no_longer_applies_when_it_arrives_is_recorded_as_refused_and_changes_nothing_else()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 10:00"));
        h.Accept(new UrgencyAssessed(false, null) { Actor = "first.worker" }, At("2026-04-01 10:30"));
        h.Accept(new DecisionMade(true, "assessment needed") { Actor = "first.worker" }, At("2026-04-02 09:00"));

        // A second worker decided at the same moment: the case has moved on.
        var late = new DecisionMade(false, "no need") { Actor = "second.worker" };
        var refusal = Assert.IsType<WorkflowRefusal>(h.Workflow.Apply(h.State, late, At("2026-04-02 09:00")));
        var step = CaseWorkflow.RecordRefusal(h.State, late, refusal, At("2026-04-02 09:00"));

        Assert.Equal(h.State with { LastUpdatedTime = At("2026-04-02 09:00") }, step.State);
        var entry = Assert.Single(step.History);
        Assert.Equal(("EventRefused", "second.worker"), (entry.EventType, entry.Actor));
        Assert.Equal("DecisionMade", entry.Details!["event"]);
        Assert.Equal("NotAllowedNow", entry.Details["refusal"]);
        Assert.Empty(step.Emails);
        Assert.Empty(step.TimersToSet);
    }
}
