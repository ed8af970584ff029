using LumoFlow.App.Digest;

namespace LumoFlow.LocalHost;

/// <summary>
/// Locally, what the Functions app's <c>WeeklyDigest</c> timer trigger does in Azure: run the digest at start and then
/// now and then; it decides itself whether a week's digest is due (<see cref="WeeklyDigest"/>).
/// <c>LumoFlow:Digest:IntervalSeconds</c> sets how often (300), <c>0</c> turns it off.
/// </summary>
public sealed class WeeklyDigestLoop(WeeklyDigest digest, IConfiguration configuration, ILogger<WeeklyDigestLoop> logger)
    : TimerLoop(configuration, logger, "LumoFlow:Digest:IntervalSeconds", 300, runAtStart: true)
{
    protected override IEnumerable<(string, Func<CancellationToken, Task>)> Jobs =>
        [("weekly digest", digest.RunIfDueAsync)];
}
