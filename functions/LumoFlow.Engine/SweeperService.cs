using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LumoFlow.Engine;

/// <summary>Standalone hosting: sweeps on an interval, and runs poked cases at once.</summary>
public sealed class SweeperService(Sweeper sweeper, CaseEngine engine, CasePokes pokes, EngineOptions options,
    TimeProvider time, ILogger<SweeperService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SweepLoopAsync(stoppingToken), PokeLoopAsync(stoppingToken));

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        if (!options.RunSweeper) return;
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        do
        {
            try
            {
                var run = await sweeper.SweepOnceAsync(stoppingToken);
                if (run > 0) logger.LogInformation("Sweep ran {Count} due cases", run);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sweep failed; trying again next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PokeLoopAsync(CancellationToken stoppingToken)
    {
        await Parallel.ForEachAsync(pokes.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.SweepParallelism, CancellationToken = stoppingToken },
            async (caseId, ct) =>
            {
                try { await engine.RunAsync(caseId, ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Running poked case {CaseId} failed; the sweep will retry", caseId);
                }
            });
    }
}
