using System.Collections.Concurrent;
using DurableTask.Core;

namespace LumoFlow.LocalHost;

/// <summary>
/// The backend as the sidecar sees it, with one difference: an activity's work item stays locked for as long as the
/// activity runs, renewed every <c>interval</c>, as Durable's own dispatcher does it in the Functions host.
/// <para>Why: the sidecar (<c>TaskHubGrpcServer</c>) never renews a work item: an activity's queue message reappears
/// when its visibility timeout runs out, however long the activity still runs. With the timeout at Durable's 5 minutes,
/// an email whose send was cut off by a crash waited those 5 minutes before it was tried again (302 s, measured); with
/// a short timeout and no renewal, a slow activity would be run a second time beside the first. Renewed, the timeout
/// can be short (<see cref="LocalDurableTask.WorkItemVisibilityTimeout"/>): it only decides how soon the work of a
/// process that died comes back.</para>
/// <para>A renewal and the work item's completion are never under way at once: each moves the queue message's pop
/// receipt, and a completion whose receipt a renewal had just replaced would leave the message to run again.</para>
/// </summary>
internal sealed class RenewedActivityLocks(IOrchestrationService inner, TimeSpan interval) : IOrchestrationService
{
    private readonly ConcurrentDictionary<TaskActivityWorkItem, Renewal> _renewals = new(ReferenceEqualityComparer.Instance);

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            var renewal = new Renewal();
            _renewals[workItem] = renewal;
            _ = RenewWhileRunningAsync(workItem, renewal);
        }
        return workItem!;
    }

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        AfterRenewalAsync(workItem, () => inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage));

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        AfterRenewalAsync(workItem, () => inner.AbandonTaskActivityWorkItemAsync(workItem));

    private async Task RenewWhileRunningAsync(TaskActivityWorkItem workItem, Renewal renewal)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, renewal.Stop.Token);
                await renewal.Gate.WaitAsync(renewal.Stop.Token);
                try
                {
                    await inner.RenewTaskActivityWorkItemLockAsync(workItem);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed renewal (storage away for a moment) is tried again at the next interval; if the message
                    // reappears meanwhile, the activity's own idempotence covers a second run (EmailDelivery's claim).
                }
                finally
                {
                    renewal.Gate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // completed, abandoned, or the process stops
        }
    }

    private async Task AfterRenewalAsync(TaskActivityWorkItem workItem, Func<Task> finish)
    {
        if (!_renewals.TryRemove(workItem, out var renewal))
        {
            await finish();
            return;
        }
        renewal.Stop.Cancel();
        await renewal.Gate.WaitAsync(); // a renewal under way ends first
        try
        {
            await finish();
        }
        finally
        {
            renewal.Gate.Release();
            renewal.Stop.Dispose();
        }
    }

    private sealed class Renewal
    {
        public CancellationTokenSource Stop { get; } = new();
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }

    // Everything else passes straight through.
    public Task StartAsync() => inner.StartAsync();
    public Task StopAsync() => inner.StopAsync();
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages,
            continuedAsNewMessage, orchestrationState);
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
}
