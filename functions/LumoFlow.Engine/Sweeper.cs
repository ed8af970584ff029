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
                total += claimed.Sum(a => a.CaseIds.Count);
            }
            if (due.Count < options.SweepBatchSize) break;
        }
        return total;
    }

    /// <summary>Runs the cases a claimed alarm wakes, then removes the alarm if no case needs it any more.</summary>
    private async Task RunClaimedAsync(DueAlarm alarm, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = alarm.Key;
        // One of this instance's own intake alarms is removed by the last of its cases to move off it, not here.
        var removedByItsCases = key.IsIntake && alarms.TracksIntake(key);
        var finished = true;
        foreach (var caseId in alarm.CaseIds)
        {
            try
            {
                var result = await engine.RunAsync(caseId, cancellationToken);
                // A case that does not point at the alarm: when it does not exist (a crash between writing the alarm and
                // the case, or a retried intake), or points elsewhere (a crash before the commit that would have
                // pointed at it), the alarm is dropped once it is old enough that no such commit can still be in flight.
                // An intake alarm its existing case has moved off is done at once: only the case's creation points at one.
                var old = key.WakeAt < now - options.StaleAlarmGrace;
                var done = result.Found ? !result.Alarms.Contains(key) && (key.IsIntake || old) : old;
                if (done && key.IsIntake) await alarms.LeaveIntakeAsync(key, caseId, cancellationToken);
                finished &= done;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The lease runs out and the case is tried again on a later sweep.
                logger.LogError(e, "Running case {CaseId} failed", caseId);
                finished = false;
            }
        }
        if (finished && !removedByItsCases) await alarms.DeleteAsync(key, cancellationToken);
    }
}
