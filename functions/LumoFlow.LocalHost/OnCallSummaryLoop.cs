using LumoFlow.App.Email;

namespace LumoFlow.LocalHost;

/// <summary>
/// Locally, what the Functions app's <c>OnCallSummaries</c> timer trigger does in Azure: now and then, send on-call's
/// summary of each hour whose URGENT emails went past the cap, once the hour is over (<see cref="OnCallAlerts"/>).
/// <c>LumoFlow:Urgency:OnCallSummaryIntervalSeconds</c> sets how often it looks (60), <c>0</c> turns it off.
/// </summary>
public sealed class OnCallSummaryLoop(OnCallAlerts onCall, IConfiguration configuration, ILogger<OnCallSummaryLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("LumoFlow:Urgency:OnCallSummaryIntervalSeconds", 60.0);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await onCall.SendDueSummariesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("On-call's summaries failed ({Error}); they are looked at again in {Seconds} s", e.GetType().Name, seconds);
            }
        }
    }
}
