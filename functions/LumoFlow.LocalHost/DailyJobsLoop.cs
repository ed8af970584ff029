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
    StaffSessions sessions,
    DurableTaskClient durable, IConfiguration configuration, ILogger<DailyJobsLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("LumoFlow:Checks:IntervalSeconds", 300.0);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunAsync("deadline check", () => checks.RunIfDueAsync(durable, stoppingToken), seconds, stoppingToken);
            await RunAsync("engine-history retention", () => retention.RunIfDueAsync(durable, stoppingToken), seconds, stoppingToken);
            await RunAsync("access log anchor", () => anchors.RunIfDueAsync(stoppingToken), seconds, stoppingToken);
            await RunAsync("telemetry gauges", () => gauges.MeasureAsync(durable, stoppingToken), seconds, stoppingToken);
            await RunAsync("ended sessions", () => sessions.DeleteEndedAsync(stoppingToken), seconds, stoppingToken);
        }
    }

    /// <summary>One job; its failure is logged (its type only) and the loop goes on to the next job and the next look.</summary>
    private async Task RunAsync(string job, Func<Task> run, double seconds, CancellationToken stoppingToken)
    {
        try
        {
            await run();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("The daily {Job} failed ({Error}); it looks again in {Seconds} s", job, e.GetType().Name, seconds);
        }
    }
}
