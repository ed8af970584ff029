using LumoFlow.App.Digest;

namespace LumoFlow.LocalHost;

/// <summary>
/// Locally, what the Functions app's <c>WeeklyDigest</c> timer trigger does in Azure: run the digest now and then; it
/// decides itself whether a week's digest is due (<see cref="WeeklyDigest"/>). <c>LumoFlow:Digest:IntervalSeconds</c>
/// sets how often (300), <c>0</c> turns it off.
/// </summary>
public sealed class WeeklyDigestLoop(WeeklyDigest digest, IConfiguration configuration, ILogger<WeeklyDigestLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("LumoFlow:Digest:IntervalSeconds", 300.0);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await digest.RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The weekly digest failed ({Error}); it runs again in {Seconds} s", e.GetType().Name, seconds);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
