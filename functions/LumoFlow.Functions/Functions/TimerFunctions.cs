using LumoFlow.App.Checks;
using LumoFlow.App.Digest;
using LumoFlow.App.Email;
using Microsoft.DurableTask.Client;

namespace LumoFlow.Functions.Functions;

/// <summary>
/// The weekly overdue digest: the timer runs hourly, and the digest decides itself whether a week's is due. The daily
/// deadline check: the timer runs every quarter hour, and the check runs once on each working morning. On-call's
/// hourly summaries of URGENT emails held past the cap: the timer runs every minute, and sends those whose hour is over.
/// </summary>
public sealed class TimerFunctions(WeeklyDigest digest, DeadlineChecks checks, OnCallAlerts onCall)
{
    [Function("OnCallSummaries")]
    public Task<int> OnCallSummaries([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        onCall.SendDueSummariesAsync(cancellationToken);

    [Function("DailyDeadlineCheck")]
    public async Task<int> DailyDeadlineCheck([TimerTrigger("0 */15 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        (await checks.RunIfDueAsync(durable, cancellationToken))?.Findings.Count ?? 0;

    [Function("WeeklyDigest")]
    public Task<int> WeeklyDigest([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.RunIfDueAsync(cancellationToken);
}
