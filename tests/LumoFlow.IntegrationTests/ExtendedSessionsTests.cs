using DurableTask.Core;
using DurableTask.Core.History;
using LumoFlow.IntegrationTests.Infrastructure;
using LumoFlow.LocalHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The local host's extended sessions (<see cref="ExtendedSessions"/>): on their own against a mocked backend (what is
/// kept, what is released, what a stop hands back), and on the real sidecar and Azurite (a case's staff events run from
/// its kept session, and with the setting at 0 nothing is kept and everything still arrives).
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class ExtendedSessionsTests(DevServices services)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_running_orchestration_is_kept_and_its_next_messages_come_back_with_everything_committed_as_its_past()
    {
        var backend = new Backend();
        var sessions = new ExtendedSessions(backend.Object, maxHeld: 10);
        var workItem = backend.WorkItem(Running());
        var next = Raised("UrgencyAssessed");
        backend.NextMessages(workItem, [next]);

        await sessions.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        var resumed = await sessions.LockNextTaskOrchestrationWorkItemAsync(Timeout.InfiniteTimeSpan, CancellationToken.None).WaitAsync(Soon);

        Assert.Same(workItem, resumed);
        Assert.Equal([next], resumed.NewMessages);
        Assert.Equal(4, resumed.OrchestrationRuntimeState.PastEvents.Count); // the committed episode, as a history load gives it
        Assert.Empty(resumed.OrchestrationRuntimeState.NewEvents);
        Assert.Equal(1, sessions.ResumedEpisodes);
        backend.Verify(b => b.ReleaseTaskOrchestrationWorkItemAsync(It.IsAny<TaskOrchestrationWorkItem>()), Times.Never);
    }

    [Fact]
    public async Task A_session_that_gets_no_message_within_its_idle_time_is_released()
    {
        var backend = new Backend();
        var sessions = new ExtendedSessions(backend.Object, maxHeld: 10);
        var workItem = backend.WorkItem(Running());
        backend.NextMessages(workItem, (IList<TaskMessage>?)null); // the backend's idle timeout passed

        await sessions.ReleaseTaskOrchestrationWorkItemAsync(workItem);

        await backend.ReleasedAsync(workItem);
        Assert.Equal(0, sessions.ResumedEpisodes);
    }

    [Fact]
    public async Task A_failed_work_item_a_finished_orchestration_and_one_over_the_limit_are_released_at_once()
    {
        var backend = new Backend();
        var sessions = new ExtendedSessions(backend.Object, maxHeld: 1);
        var failed = backend.WorkItem(Running());
        var finished = backend.WorkItem(Completed());
        var held = backend.WorkItem(Running());
        var overLimit = backend.WorkItem(Running());
        backend.NextMessages(held, new TaskCompletionSource<IList<TaskMessage>?>().Task); // waits for messages

        await sessions.AbandonTaskOrchestrationWorkItemAsync(failed);
        await sessions.ReleaseTaskOrchestrationWorkItemAsync(failed);
        await sessions.ReleaseTaskOrchestrationWorkItemAsync(finished);
        await sessions.ReleaseTaskOrchestrationWorkItemAsync(held);
        await sessions.ReleaseTaskOrchestrationWorkItemAsync(overLimit);

        backend.Verify(b => b.ReleaseTaskOrchestrationWorkItemAsync(failed), Times.Once);
        backend.Verify(b => b.ReleaseTaskOrchestrationWorkItemAsync(finished), Times.Once);
        backend.Verify(b => b.ReleaseTaskOrchestrationWorkItemAsync(overLimit), Times.Once);
        backend.Verify(b => b.ReleaseTaskOrchestrationWorkItemAsync(held), Times.Never);
    }

    [Fact]
    public async Task The_backend_s_fetch_is_kept_when_a_resumed_session_comes_first_and_returned_by_the_next_call()
    {
        var backend = new Backend();
        var fromBackend = new TaskCompletionSource<TaskOrchestrationWorkItem>();
        backend.Setup(b => b.LockNextTaskOrchestrationWorkItemAsync(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).Returns(fromBackend.Task);
        var sessions = new ExtendedSessions(backend.Object, maxHeld: 10);
        var kept = backend.WorkItem(Running());
        var gate = new TaskCompletionSource<IList<TaskMessage>?>();
        backend.NextMessages(kept, gate.Task);

        var first = sessions.LockNextTaskOrchestrationWorkItemAsync(Timeout.InfiniteTimeSpan, CancellationToken.None);
        await sessions.ReleaseTaskOrchestrationWorkItemAsync(kept);
        gate.SetResult([Raised("NotifierContacted")]);
        Assert.Same(kept, await first.WaitAsync(Soon));

        var fresh = backend.WorkItem(Running());
        var second = sessions.LockNextTaskOrchestrationWorkItemAsync(Timeout.InfiniteTimeSpan, CancellationToken.None);
        fromBackend.SetResult(fresh);
        Assert.Same(fresh, await second.WaitAsync(Soon));
        backend.Verify(b => b.LockNextTaskOrchestrationWorkItemAsync(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_stop_hands_back_a_resumed_work_item_the_sidecar_has_not_fetched_and_keeps_nothing_after()
    {
        var backend = new Backend();
        var sessions = new ExtendedSessions(backend.Object, maxHeld: 10);
        var resumed = backend.WorkItem(Running());
        backend.NextMessages(resumed, [Raised("UrgencyAssessed")]);
        await sessions.ReleaseTaskOrchestrationWorkItemAsync(resumed);
        await Poll.UntilAsync(() => Task.FromResult(sessions.ResumedEpisodes == 1), "the session resumed", seconds: 5);

        await sessions.StopAsync();

        backend.Verify(b => b.AbandonTaskOrchestrationWorkItemAsync(resumed), Times.Once); // its messages visible again
        backend.Verify(b => b.ReleaseTaskOrchestrationWorkItemAsync(resumed), Times.Once);
        backend.Verify(b => b.StopAsync(false), Times.Once);
        var later = backend.WorkItem(Running());
        await sessions.ReleaseTaskOrchestrationWorkItemAsync(later);
        backend.Verify(b => b.ReleaseTaskOrchestrationWorkItemAsync(later), Times.Once);
    }

    [Fact]
    public async Task On_the_real_sidecar_a_case_s_staff_events_run_from_its_kept_session_and_are_applied()
    {
        await using var app = new LumoFlowApp(services);
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("kept-session")));
        await app.AssessUrgencyAsync(id);
        await app.InformFamilyAsync(id);
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "UrgencyAssessed") && Cases.HasEvent(s, "ChildAndGuardiansInformed"));

        Assert.True(app.Services.GetRequiredService<ExtendedSessions>().ResumedEpisodes > 0);
    }

    [Fact]
    public async Task With_the_idle_timeout_at_0_nothing_is_kept_and_a_case_s_events_are_applied_all_the_same()
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?>
        {
            ["LumoFlow:Durable:ExtendedSessionIdleTimeoutSeconds"] = "0",
        });
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("no-kept-session")));
        await app.AssessUrgencyAsync(id);
        await app.InformFamilyAsync(id);
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "UrgencyAssessed") && Cases.HasEvent(s, "ChildAndGuardiansInformed"));

        Assert.Equal(0, app.Services.GetRequiredService<ExtendedSessions>().ResumedEpisodes);
    }

    private static OrchestrationRuntimeState Running()
    {
        var state = new OrchestrationRuntimeState();
        state.AddEvent(new OrchestratorStartedEvent(-1));
        state.AddEvent(new ExecutionStartedEvent(-1, "{}")
        {
            Name = "CaseOrchestration",
            OrchestrationInstance = new OrchestrationInstance { InstanceId = "case-a", ExecutionId = "e1" },
        });
        state.AddEvent(new TaskScheduledEvent(0, "RecordCase"));
        state.AddEvent(new OrchestratorCompletedEvent(-1));
        return state;
    }

    private static OrchestrationRuntimeState Completed()
    {
        var state = Running();
        state.AddEvent(new ExecutionCompletedEvent(-1, "null", OrchestrationStatus.Completed));
        return state;
    }

    private static TaskMessage Raised(string name) => new()
    {
        Event = new EventRaisedEvent(-1, "{}") { Name = name },
        OrchestrationInstance = new OrchestrationInstance { InstanceId = "case-a" },
    };

    /// <summary>A mocked backend whose work items carry mocked sessions.</summary>
    private sealed class Backend : Mock<IOrchestrationService>
    {
        private readonly Dictionary<TaskOrchestrationWorkItem, Mock<IOrchestrationSession>> _sessions = new(ReferenceEqualityComparer.Instance);

        public Backend()
        {
            Setup(b => b.ReleaseTaskOrchestrationWorkItemAsync(It.IsAny<TaskOrchestrationWorkItem>())).Returns(Task.CompletedTask);
            Setup(b => b.AbandonTaskOrchestrationWorkItemAsync(It.IsAny<TaskOrchestrationWorkItem>())).Returns(Task.CompletedTask);
            Setup(b => b.StopAsync(It.IsAny<bool>())).Returns(Task.CompletedTask);
            Setup(b => b.LockNextTaskOrchestrationWorkItemAsync(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
                .Returns(new TaskCompletionSource<TaskOrchestrationWorkItem>().Task); // nothing new unless a test says so
        }

        public TaskOrchestrationWorkItem WorkItem(OrchestrationRuntimeState state)
        {
            var session = new Mock<IOrchestrationSession>();
            var workItem = new TaskOrchestrationWorkItem
            {
                InstanceId = "case-a",
                OrchestrationRuntimeState = state,
                NewMessages = [],
                Session = session.Object,
            };
            _sessions[workItem] = session;
            return workItem;
        }

        public void NextMessages(TaskOrchestrationWorkItem workItem, IList<TaskMessage>? messages) =>
            NextMessages(workItem, Task.FromResult(messages));

        public void NextMessages(TaskOrchestrationWorkItem workItem, Task<IList<TaskMessage>?> messages) =>
            _sessions[workItem].Setup(s => s.FetchNewOrchestrationMessagesAsync(workItem)).Returns(messages!);

        public Task ReleasedAsync(TaskOrchestrationWorkItem workItem) => Poll.UntilAsync(() => Task.FromResult(
            Invocations.Any(i => i.Method.Name == nameof(IOrchestrationService.ReleaseTaskOrchestrationWorkItemAsync) && ReferenceEquals(i.Arguments[0], workItem))),
            "the work item released", seconds: 5);
    }
}
