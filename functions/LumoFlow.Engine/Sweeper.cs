using Microsoft.Extensions.Logging;

namespace LumoFlow.Engine;

/// <summary>
/// Finds cases whose alarm is due and runs them, under the sweep lease (platform.md, point 3).
/// Standalone, <see cref="SweeperService"/> calls it in a loop; in Azure, the <c>Sweep</c> timer trigger does.
/// </summary>
public sealed class Sweeper(AlarmIndex alarms, CaseEngine engine, DigestSender digests, EngineOptions options, TimeProvider time, ILogger<Sweeper> logger)
{
    /// <summary>The sweep lease is renewed before every this many due alarms.</summary>
    private const int LeaseRenewedEvery = 100;

    /// <summary>One pass at a time in this instance (the loop and the <c>/Sweep</c> endpoint may both call).</summary>
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Runs every case due now, then the weekly digest if its time has come; returns how many cases were run.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await alarms.RetireExpiredSparesAsync(time.GetUtcNow());
            var total = await RunDueCasesAsync(cancellationToken);
            await digests.RunIfDueAsync(cancellationToken);
            return total;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<int> RunDueCasesAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var due = await alarms.DueAsync(now, options.SweepBatchSize, cancellationToken);
            if (due.Count == 0) break;
            // The sweep lease is taken (or renewed) only when there is something to run, and again for every hundred
            // cases, so that it never has to outlast a whole batch; while another instance sweeps, this one does not.
            foreach (var chunk in due.Chunk(LeaseRenewedEvery))
            {
                if (!await alarms.TryHoldSweepAsync(now, time.GetUtcNow() + options.LeaseDuration, options.InstanceId, cancellationToken))
                    return total;
                // The alarm rows the chunk's cases move off (mostly the ones that just rang, all in one hour's partition)
                // are deleted together once the chunk is done: one transaction instead of a share of many. Until then a
                // crash leaves them behind, which only wakes their cases once more for nothing.
                await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = options.SweepParallelism, CancellationToken = cancellationToken },
                    async (alarm, ct) => await RunDueAsync(alarm, now, ct));
                await DeleteReleasedAsync();
                total += chunk.Sum(a => a.CaseIds.Count);
            }
            if (due.Count < options.SweepBatchSize) break;
        }
        return total;
    }

    private async Task DeleteReleasedAsync()
    {
        try
        {
            await alarms.DeleteReleasedAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // They stay: each wakes its case once more for nothing, and a later sweep drops it once it is old.
            logger.LogWarning("Deleting the alarms the sweep's cases moved off failed ({Error})", e.GetType().Name);
        }
    }

    /// <summary>Runs the cases a due alarm wakes, then removes the alarm if no case needs it any more.</summary>
    private async Task RunDueAsync(DueAlarm alarm, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = alarm.Key;
        // One of this instance's own intake alarms is removed by the last of its cases to move off it, not here.
        var removedByItsCases = key.IsIntake && alarms.TracksIntake(key);
        var finished = true;
        foreach (var caseId in alarm.CaseIds)
        {
            try
            {
                var result = await engine.RunAsync(caseId, cancellationToken, releaseLater: true);
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
