using LumoFlow.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace LumoFlow.Engine;

/// <summary>
/// Finds cases whose alarm is due, claims each with an ETag-conditional lease, and runs it (platform.md, point 3).
/// Standalone, <see cref="SweeperService"/> calls it in a loop; in Azure, the <c>Sweep</c> timer trigger does.
/// </summary>
public sealed class Sweeper(AlarmIndex alarms, CaseEngine engine, DigestSender digests, EngineOptions options, TimeProvider time, ILogger<Sweeper> logger)
{
    /// <summary>Runs every case due now, then the weekly digest if its time has come; returns how many cases were run.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var total = await RunDueCasesAsync(cancellationToken);
        await digests.RunIfDueAsync(cancellationToken);
        return total;
    }

    private async Task<int> RunDueCasesAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var due = await alarms.DueAsync(now, options.SweepBatchSize, cancellationToken);
            if (due.Count == 0) break;
            // Claimed a hundred at a time (one transaction per alarm partition), just before that hundred is run, so a
            // lease never has to outlast the whole batch.
            foreach (var chunk in due.Chunk(PartitionTransaction.MaxActions))
            {
                var claimed = await alarms.TryClaimAsync(chunk, now + options.LeaseDuration, options.InstanceId, cancellationToken);
                await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.SweepParallelism, CancellationToken = cancellationToken },
                    async (alarm, ct) => await RunClaimedAsync(alarm, now, ct));
                total += claimed.Count;
            }
            if (due.Count < options.SweepBatchSize) break;
        }
        return total;
    }

    private async Task RunClaimedAsync(DueAlarm alarm, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseId = alarm.Key.CaseId;
        try
        {
            var result = await engine.RunAsync(caseId, cancellationToken);
            // An alarm no case points at (a crash between writing it and the case commit, or a retried intake)
            // is removed once it is old enough that no commit can still be in flight for it.
            if (!result.Alarms.Contains(alarm.Key) && alarm.Key.WakeAt < now - options.StaleAlarmGrace)
                await alarms.DeleteAsync(alarm.Key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lease runs out and the case is tried again on a later sweep.
            logger.LogError(e, "Running case {CaseId} failed", caseId);
        }
    }
}
