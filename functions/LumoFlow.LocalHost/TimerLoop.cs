namespace LumoFlow.LocalHost;

/// <summary>
/// Locally, what a Functions app's timer trigger does in Azure: run its jobs now and then, every
/// <c>intervalSetting</c> seconds (<c>0</c> turns the loop off). A job that fails is logged (its type only) and the
/// loop goes on to the next job and the next look. The jobs decide themselves whether anything is due.
/// </summary>
/// <param name="runAtStart">Whether the first look is at start, not one interval later.</param>
public abstract class TimerLoop(IConfiguration configuration, ILogger logger, string intervalSetting, double defaultSeconds, bool runAtStart = false)
    : BackgroundService
{
    /// <summary>The jobs of one look, in order, each with its name for the log.</summary>
    protected abstract IEnumerable<(string Name, Func<CancellationToken, Task> Run)> Jobs { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue(intervalSetting, defaultSeconds);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        if (runAtStart) await LookAsync(seconds, stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await LookAsync(seconds, stoppingToken);
    }

    private async Task LookAsync(double seconds, CancellationToken stoppingToken)
    {
        foreach (var (name, run) in Jobs)
        {
            try
            {
                await run(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The {Job} failed ({Error}); it looks again in {Seconds} s", name, e.GetType().Name, seconds);
            }
        }
    }
}
