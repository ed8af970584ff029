using LumoFlow.App.Checks;
using LumoFlow.App.Digest;
using Microsoft.DurableTask.Client;

namespace LumoFlow.Functions.Functions;

/// <summary>
/// The weekly overdue digest: the timer runs hourly, and the digest decides itself whether a week's is due. The daily
/// deadline check: the timer runs every quarter hour, and the check runs once on each working morning.
/// </summary>
public sealed class TimerFunctions(WeeklyDigest digest, DeadlineChecks checks)
{
    [Function("DailyDeadlineCheck")]
    public async Task<int> DailyDeadlineCheck([TimerTrigger("0 */15 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        (await checks.RunIfDueAsync(durable, cancellationToken))?.Findings.Count ?? 0;

    [Function("WeeklyDigest")]
    public Task<int> WeeklyDigest([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.RunIfDueAsync(cancellationToken);
}
