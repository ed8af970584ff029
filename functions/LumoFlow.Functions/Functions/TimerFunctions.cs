using LumoFlow.App.Admin;
using LumoFlow.App.Auth;
using LumoFlow.App.Checks;
using LumoFlow.App.Digest;
using LumoFlow.App.Records;
using LumoFlow.App.Email;
using Microsoft.DurableTask.Client;

namespace LumoFlow.Functions.Functions;

/// <summary>
/// The weekly overdue digest: the timer runs hourly, and the digest decides itself whether a week's is due. The daily
/// jobs — the deadline check, the engine-history retention, the access log's anchor — each look every quarter hour and
/// run once a day, whichever instance comes first. On-call's hourly summaries of URGENT emails held past the cap: the
/// timer runs every minute, and sends those whose hour is over. The gauges of open cases (overdue, urgency unassessed)
/// and failed orchestrations are measured every 5 minutes. Every hour, the rows of staff sessions that ended without a
/// further request are deleted.
/// </summary>
public sealed class TimerFunctions(WeeklyDigest digest, DeadlineChecks checks, EngineRetention retention, AccessLogAnchors anchors,
    OnCallAlerts onCall, CaseGauges gauges, StaffSessions sessions)
{
    /// <summary>What the telemetry's gauges show (<see cref="CaseGauges"/>): the alert on overdue cases reads it.</summary>
    [Function("CaseGauges")]
    public async Task<long> CaseGauges([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        (await gauges.MeasureAsync(durable, cancellationToken)).Overdue;

    [Function("EndedSessions")]
    public Task<int> EndedSessions([TimerTrigger("0 30 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sessions.DeleteEndedAsync(cancellationToken);

    [Function("OnCallSummaries")]
    public Task<int> OnCallSummaries([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        onCall.SendDueSummariesAsync(cancellationToken);

    [Function("DailyDeadlineCheck")]
    public async Task<int> DailyDeadlineCheck([TimerTrigger("0 */15 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        (await checks.RunIfDueAsync(durable, cancellationToken))?.Findings.Count ?? 0;

    /// <summary>The engine history of cases ended long enough ago, purged once a day (<see cref="EngineRetention"/>).</summary>
    [Function("DailyEngineRetention")]
    public async Task<int> DailyEngineRetention([TimerTrigger("0 */15 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        (await retention.RunIfDueAsync(durable, cancellationToken))?.Purged.Count ?? 0;

    /// <summary>The head of every chain of the access log, once a day, into the immutable container (<see cref="AccessLogAnchors"/>).</summary>
    [Function("DailyAccessLogAnchor")]
    public async Task<int> DailyAccessLogAnchor([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        (await anchors.RunIfDueAsync(cancellationToken))?.Heads ?? 0;

    [Function("WeeklyDigest")]
    public Task<int> WeeklyDigest([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.RunIfDueAsync(cancellationToken);
}
