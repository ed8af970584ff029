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
internal sealed class RenewedActivityLocks(IOrchestrationService inner, TimeSpan interval) : PassThroughOrchestrationService(inner)
{
    private readonly ConcurrentDictionary<TaskActivityWorkItem, Renewal> _renewals = new(ReferenceEqualityComparer.Instance);

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            var renewal = new Renewal();
            _renewals[workItem] = renewal;
            _ = RenewWhileRunningAsync(workItem, renewal);
        }
        return workItem!;
    }

    public override Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        AfterRenewalAsync(workItem, () => Inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage));

    public override Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        AfterRenewalAsync(workItem, () => Inner.AbandonTaskActivityWorkItemAsync(workItem));

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
                    await Inner.RenewTaskActivityWorkItemLockAsync(workItem);
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
}
