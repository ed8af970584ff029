using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask;
using Moq;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.App.Tests;

/// <summary>
/// One wake-up of the case orchestration at a time, through a mocked <see cref="TaskOrchestrationContext"/>: what it
/// waits for, what it schedules, in which order and with which options.
/// </summary>
public sealed class CaseOrchestrationMockTests
{
    private static readonly DateTimeOffset Opened = At("2026-04-01 10:00");

    private static CaseOrchestrationInput OpenedCase() => CaseOrchestrationInput.Open(
        NewWorkflow().Open(CaseId, new NotificationReceived(ValidNotification(), Routing.Route("Kuopio"), [], Opened), Opened),
        new IntakeRecord("{}", null));

    private static Mock<TaskOrchestrationContext> Context(List<string> log, Func<DateTime> now)
    {
        // CallBase: the SDK's convenience overloads (CallActivityAsync without a result) forward to the abstract ones.
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        context.SetupGet(c => c.InstanceId).Returns(CaseId);
        context.Setup(c => c.CallActivityAsync<object>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName name, object? input, TaskOptions? options) => log.Add($"{name.Name}{(options?.Retry is null ? "" : " (retry)")}"))
            .Returns(Task.FromResult<object>(true));
        context.Setup(c => c.CallActivityAsync<RecordedCase>(It.Is<TaskName>(n => n.Name == CaseActivities.RecordCase), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName name, object? input, TaskOptions? options) => log.Add($"{name.Name}{(options?.Retry is null ? "" : " (retry)")}"))
            .Returns(Task.FromResult(new RecordedCase("etag", new Dictionary<string, string>())));
        context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? s) => log.Add($"status {((CustomStatus)s!).Phase}"));
        return context;
    }

    [Fact]
    public void The_case_records_its_opening_then_sends_the_receipt_then_waits_for_an_event_or_its_next_deadline()
    {
        var log = new List<string>();
        var context = Context(log, () => Opened.UtcDateTime);
        DateTime? waitedUntil = null;
        context.Setup(c => c.WaitForExternalEvent<CaseEventMessage>(CaseOrchestration.EventName, It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<CaseEventMessage>().Task);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback((DateTime fireAt, CancellationToken _) => waitedUntil = fireAt)
            .Returns(new TaskCompletionSource().Task);

        var run = new CaseOrchestration(NewWorkflow()).RunAsync(context.Object, OpenedCase());

        Assert.False(run.IsCompleted); // waiting
        Assert.Equal(["status AwaitingDecision", "RecordCase (retry)", "SendEmail (retry)"], log);
        // The next deadline: the urgency escalation to the team lead, 2 hours after a receipt in office hours (LSL § 26(2)).
        Assert.Equal(At("2026-04-01 12:00").UtcDateTime, waitedUntil);
    }

    [Fact]
    public void An_event_that_comes_first_is_applied_and_the_timer_is_cancelled()
    {
        var log = new List<string>();
        var now = At("2026-04-01 10:30");
        var context = Context(log, () => now.UtcDateTime);
        // Urgency assessed half an hour after receipt, before its escalation (12:00); the decision the next morning.
        var events = new Queue<(DateTimeOffset At, Task<CaseEventMessage> Message)>([
            (At("2026-04-01 10:30"), Task.FromResult(CaseEventMessage.From(new UrgencyAssessed(false, null) { Actor = "worker" }, "request-0"))),
            (At("2026-04-02 09:00"), Task.FromResult(CaseEventMessage.From(new DecisionMade(true, "needed") { Actor = "worker" }, "request-1"))),
            (At("2026-04-02 09:00"), new TaskCompletionSource<CaseEventMessage>().Task)]);
        var tokens = new List<CancellationToken>();
        context.Setup(c => c.WaitForExternalEvent<CaseEventMessage>(CaseOrchestration.EventName, It.IsAny<CancellationToken>()))
            .Returns(() => { var (at, message) = events.Dequeue(); now = at; return message; });
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback((DateTime _, CancellationToken token) => tokens.Add(token))
            .Returns(new TaskCompletionSource().Task);
        var recorded = new List<CaseRecordUpdate>();
        context.Setup(c => c.CallActivityAsync<RecordedCase>(It.Is<TaskName>(n => n.Name == CaseActivities.RecordCase), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => recorded.Add((CaseRecordUpdate)input!))
            .Returns(() => Task.FromResult(new RecordedCase($"etag-{recorded.Count}", new Dictionary<string, string>())));

        _ = new CaseOrchestration(NewWorkflow()).RunAsync(context.Object, OpenedCase());

        Assert.True(tokens[0].IsCancellationRequested); // the first wait's timer (the urgency escalation)
        Assert.True(tokens[1].IsCancellationRequested); // the second wait's (the notifier-contact reminder)
        Assert.False(tokens[2].IsCancellationRequested); // the third wait is still on
        var assessed = recorded[1].Steps.Single();
        Assert.Equal(2, assessed.Step);
        Assert.Contains(assessed.History, e => e.EventType == "UrgencyAssessed" && e.Actor == "worker");
        Assert.Equal(new RequestOutcome("request-0", Applied: true), assessed.Request);
        var decided = recorded[2].Steps.Single();
        Assert.Equal(3, decided.Step);
        Assert.Contains(decided.History, e => e.EventType == "DecisionMade" && e.Actor == "worker");
        Assert.Equal(new RequestOutcome("request-1", Applied: true), decided.Request);
        Assert.Null(recorded[0].RecordedAs); // the first write reads the record first
        Assert.Equal("etag-1", recorded[1].RecordedAs); // the next one goes by what the first returned
        Assert.Equal("etag-2", recorded[2].RecordedAs);
        Assert.Equal(CasePhase.Assessing, recorded[2].After.State.Phase);
    }

    [Fact]
    public void A_deadline_that_comes_first_fires_through_the_workflow()
    {
        var log = new List<string>();
        var now = At("2026-04-01 10:00").UtcDateTime;
        var context = Context(log, () => now);
        context.Setup(c => c.WaitForExternalEvent<CaseEventMessage>(CaseOrchestration.EventName, It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<CaseEventMessage>().Task);
        var timers = new Queue<TaskCompletionSource>([new(), new()]);
        var pending = new List<TaskCompletionSource>();
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime _, CancellationToken _) => { var t = timers.Dequeue(); pending.Add(t); return t.Task; });

        _ = new CaseOrchestration(NewWorkflow()).RunAsync(context.Object, OpenedCase());
        now = At("2026-04-01 12:00").UtcDateTime; // the urgency escalation's time has come: urgency not recorded in 2 hours
        pending[0].SetResult();

        Assert.Equal(["status AwaitingDecision", "RecordCase (retry)", "SendEmail (retry)", "status AwaitingDecision", "RecordCase (retry)", "SendEmail (retry)"], log);
        Assert.Equal(2, pending.Count); // and it waits again
    }
}
