using LumoFlow.App.Checks;
using Microsoft.DurableTask.Client;

namespace LumoFlow.LocalHost;

/// <summary>
/// Locally, what the Functions app's <c>DailyDeadlineCheck</c> timer trigger does in Azure: look now and then whether
/// this working morning's check is due, and run it once (<see cref="DeadlineChecks.RunIfDueAsync"/>).
/// <c>LumoFlow:Checks:IntervalSeconds</c> sets how often it looks (300), <c>0</c> turns it off.
/// </summary>
public sealed class DeadlineCheckLoop(DeadlineChecks checks, DurableTaskClient durable, IConfiguration configuration, ILogger<DeadlineCheckLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("LumoFlow:Checks:IntervalSeconds", 300.0);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await checks.RunIfDueAsync(durable, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The daily deadline check failed ({Error}); it looks again in {Seconds} s", e.GetType().Name, seconds);
            }
        }
    }
}
