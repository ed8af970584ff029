using System.Collections.Concurrent;
using System.Threading.Channels;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace LumoFlow.LocalHost;

/// <summary>
/// The backend as the sidecar sees it, with Durable's extended sessions: after an episode, a running orchestration
/// stays in memory for up to the backend's <c>ExtendedSessionIdleTimeout</c>, and its next messages are handed to the
/// sidecar with the state it already has, without loading its history from storage again.
/// <para>Why: the backend loads an orchestration's history with a table query at the start of every episode, and stock
/// Azurite answers every table query by scanning the whole table (docs/performance.md, "Stock Azurite's tables"). A
/// case makes about ten episodes in its first minutes, so under load the History table's scans grew with the square
/// of the load and ended the soak after about four minutes. Durable's own dispatcher (DurableTask.Core's
/// <c>TaskOrchestrationDispatcher.OnProcessWorkItemSessionAsync</c>, which the Functions host runs) keeps a session
/// and waits on it for the next messages; the sidecar's dispatcher (<c>TaskHubGrpcServer</c>, a preview) executes one
/// work item and releases it. This class adds that loop where the sidecar ends: the backend is set up with
/// <c>ExtendedSessionsEnabled</c>, so each work item carries its session.</para>
/// <para>How: when the sidecar releases the work item of an orchestration that is still running, the session is not
/// released but held, and waits for the orchestration's next messages (the backend routes them to an active session
/// by itself). When they come, the same work item, with those messages and its committed events as its past, is handed
/// to the sidecar's next fetch; when none come within the idle timeout, or the process stops, the session is released
/// as before and its next messages take the ordinary way. A work item that failed (abandoned) is always released.
/// Nothing is written differently: the episode commits through the backend as any other, so a crash loses what it
/// lost before, the messages not yet committed, which come back after their visibility timeout.</para>
/// </summary>
/// <param name="maxHeld">At most this many sessions are held waiting; past that, a session is released at once.</param>
internal sealed class ExtendedSessions(IOrchestrationService inner, int maxHeld, ILogger? logger = null)
    : PassThroughOrchestrationService(inner)
{
    private readonly Channel<TaskOrchestrationWorkItem> _resumed = Channel.CreateUnbounded<TaskOrchestrationWorkItem>();
    private readonly ConcurrentDictionary<TaskOrchestrationWorkItem, byte> _abandoned = new(ReferenceEqualityComparer.Instance);
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private Task<TaskOrchestrationWorkItem>? _fetch;
    private int _held;
    private long _resumedEpisodes;
    private volatile bool _stopping;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Episodes run from a held session, without a history load, since the start (tests and measurements).</summary>
    public long ResumedEpisodes => Interlocked.Read(ref _resumedEpisodes);

    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout,
        CancellationToken cancellationToken)
    {
        // The backend's fetch is never cancelled for a resumed session that comes first: it is kept for the next call,
        // so that no work item the backend hands out is dropped. One call at a time, so at most one fetch is outstanding.
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fetch = _fetch ??= Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
                if (fetch.IsCompleted)
                {
                    _fetch = null;
                    return await fetch;
                }
                if (_resumed.Reader.TryRead(out var resumed)) return resumed;
                var arrived = _resumed.Reader.WaitToReadAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(fetch, arrived) == arrived && !await arrived)
                {
                    _fetch = null; // stopped (the channel is completed): only the backend's fetch is left
                    return await fetch;
                }
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    public override Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        _abandoned[workItem] = 0;
        return Inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public override Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var failed = _abandoned.TryRemove(workItem, out _);
        if (failed || _stopping || workItem.Session is null
            || workItem.OrchestrationRuntimeState.OrchestrationStatus != OrchestrationStatus.Running)
            return Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        if (Interlocked.Increment(ref _held) > maxHeld)
        {
            Interlocked.Decrement(ref _held);
            return Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        }
        _ = HoldAsync(workItem);
        return Task.CompletedTask;
    }

    private async Task HoldAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            IList<TaskMessage>? messages;
            do
            {
                // Returns null when the idle timeout passes or the backend stops.
                messages = await workItem.Session.FetchNewOrchestrationMessagesAsync(workItem);
            } while (messages is { Count: 0 });
            if (messages is null)
            {
                await Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
                return;
            }
            workItem.NewMessages = messages;
            // The sidecar replays an episode from its past and new events (Durable's own loop keeps the orchestrator
            // object instead): everything committed so far is the past now, as a history load would have given it.
            workItem.OrchestrationRuntimeState = new OrchestrationRuntimeState(workItem.OrchestrationRuntimeState.Events);
            if (_resumed.Writer.TryWrite(workItem)) Interlocked.Increment(ref _resumedEpisodes);
            else await HandBackAsync(workItem); // stopped meanwhile (the channel is completed at the stop)
        }
        catch (Exception)
        {
            // Storage away for a moment: the session ends, and its messages come back after their visibility timeout.
            await HandBackAsync(workItem);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    public override Task StopAsync() => StopAsync(isForced: false);

    public override async Task StopAsync(bool isForced)
    {
        // Sessions resumed but not yet fetched by the sidecar (it has stopped fetching) are handed back; held ones end
        // when the backend's stop cancels their wait.
        _stopping = true;
        _resumed.Writer.TryComplete();
        while (_resumed.Reader.TryRead(out var workItem)) await HandBackAsync(workItem);
        _logger.LogInformation("Extended sessions: {Episodes} orchestration episodes ran without a history load since the start", ResumedEpisodes);
        await Inner.StopAsync(isForced);
    }

    /// <summary>Ends a session whose messages were fetched but not run: they are visible again for the next fetch or start.</summary>
    private async Task HandBackAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            await Inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
            await Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        }
        catch (Exception)
        {
            // Best effort, as the sidecar's own release: the messages come back after their visibility timeout.
        }
    }
}
