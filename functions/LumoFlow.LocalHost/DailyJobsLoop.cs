using LumoFlow.App.Admin;
using LumoFlow.App.Auth;
using LumoFlow.App.Checks;
using LumoFlow.App.Records;
using Microsoft.DurableTask.Client;

namespace LumoFlow.LocalHost;

/// <summary>
/// Locally, what the Functions app's daily timer triggers do in Azure: look now and then whether a daily job is due,
/// and run it once a day — this working morning's deadline check (<see cref="DeadlineChecks.RunIfDueAsync"/>), the
/// engine-history retention (<see cref="EngineRetention.RunIfDueAsync"/>) and today's anchor of the access log
/// (<see cref="AccessLogAnchors.RunIfDueAsync"/>). Each is claimed, so two instances run it once. Each look also measures
/// the telemetry's gauges (<see cref="CaseGauges"/>), as the Functions app's <c>CaseGauges</c> timer does, and deletes the
/// rows of staff sessions that ended without a further request (<see cref="StaffSessions.DeleteEndedAsync"/>).
/// <c>LumoFlow:Checks:IntervalSeconds</c> sets how often it looks (300), <c>0</c> turns it off.
/// </summary>
public sealed class DailyJobsLoop(DeadlineChecks checks, EngineRetention retention, AccessLogAnchors anchors, CaseGauges gauges,
    StaffSessions sessions, DurableTaskClient durable, IConfiguration configuration, ILogger<DailyJobsLoop> logger)
    : TimerLoop(configuration, logger, "LumoFlow:Checks:IntervalSeconds", 300)
{
    protected override IEnumerable<(string, Func<CancellationToken, Task>)> Jobs =>
    [
        ("daily deadline check", stop => checks.RunIfDueAsync(durable, stop)),
        ("daily engine-history retention", stop => retention.RunIfDueAsync(durable, stop)),
        ("daily access log anchor", anchors.RunIfDueAsync),
        ("telemetry gauges", stop => gauges.MeasureAsync(durable, stop)),
        ("deletion of ended sessions", sessions.DeleteEndedAsync),
    ];
}
