using System.Globalization;
using System.Diagnostics;
using Azure.Data.Tables;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.Benchmarks;

/// <summary>
/// The administrators' reads at 10,000 cases: a filtered list page (<c>GET /api/admin/cases</c>, overdue cases of one team
/// by next deadline) and THL's compliance report (<c>GET /api/admin/reports/compliance</c>), timed from request to last
/// byte over HTTP with the function key.
/// <para>Seeding: running 10,000 cases through Durable takes hours on stock Azurite (docs/performance.md), and the two reads
/// do not touch a case's orchestration, so the cases are made by the real workflow in memory (opened with a past time of
/// receipt spread over 14 months; two in three decided, one in ten terminated) and written to the case index as the
/// record writes do (<see cref="CaseIndex.UpdateAsync"/>). Durable's Instances table gets one Running row per case, so
/// that the list's query for failed instances scans as many rows as it would in a real task hub.</para>
/// </summary>
public static class AdminBench
{
    public sealed record Result(int Cases, TimeSpan Seeding, Percentiles List, int ListItems, Percentiles Report, int ReportReceived);

    public static async Task<Result> RunAsync(BenchApp app, int cases, int listRequests, int reportRequests)
    {
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, cases);
        seeding.Stop();

        var staff = app.Staff();
        var team = app.Services.GetRequiredService<RoutingTable>().Route("Kuopio").Id;
        var list = new Percentiles();
        var items = 0;
        for (var i = 0; i < listRequests + 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var body = await staff.GetStringAsync($"/api/admin/cases?team={team}&overdue=any&runtimeStatus=Running&top=50");
            if (i >= 3) list.Add(Stopwatch.GetElapsedTime(start)); // the first three warm up
            items = System.Text.Json.JsonDocument.Parse(body).RootElement.GetArrayLength();
        }

        var report = new Percentiles();
        var received = 0;
        var period = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow.AddMonths(-12):yyyy-MM-dd}..{DateTime.UtcNow:yyyy-MM-dd}");
        for (var i = 0; i < reportRequests + 1; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var body = await staff.GetStringAsync($"/api/admin/reports/compliance?period={period}");
            if (i >= 1) report.Add(Stopwatch.GetElapsedTime(start));
            received = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("organisation").GetProperty("received").GetInt32();
        }
        return new Result(cases, seeding.Elapsed, list, items, report, received);
    }

    private static async Task SeedAsync(BenchApp app, int cases)
    {
        var workflow = app.Services.GetRequiredService<CaseWorkflow>();
        var routing = app.Services.GetRequiredService<RoutingTable>();
        var index = app.Services.GetRequiredService<CaseIndex>();
        var instances = new TableServiceClient(app.StorageConnectionString).GetTableClient(app.Hub + "Instances");
        await instances.CreateIfNotExistsAsync();
        var now = DateTimeOffset.UtcNow;
        await Load.RunAsync(cases, 32, async i =>
        {
            var notification = Notifications.Create(i, now.AddDays(-(i % 425)).AddHours(-1));
            var id = $"BENCH{i:D11}";
            var received = new NotificationReceived(notification, routing.Route(notification.Children![0].HomeMunicipality), [], notification.TimeOfReceipt(now), "bench");
            var step = workflow.Open(id, received, now);
            var stored = new StoredCase(step.State, PendingTimers.None.After(step), 1);
            if (i % 3 != 0 && workflow.Apply(stored.State, new DecisionMade(i % 7 != 0, "bench") { Actor = "bench" }, now) is WorkflowStep decided)
                stored = new StoredCase(decided.State, stored.Timers.After(decided), 2);
            if (i % 10 == 0 && workflow.Apply(stored.State, new CaseTerminated("bench") { Actor = "bench" }, now) is WorkflowStep ended)
                stored = new StoredCase(ended.State, stored.Timers.After(ended), stored.Step + 1);
            await index.UpdateAsync(stored, knownETag: null, isNew: true, CancellationToken.None);
            await instances.UpsertEntityAsync(new TableEntity(id, "")
            {
                ["Name"] = CaseOrchestration.Name, ["RuntimeStatus"] = stored.State.IsOpen ? "Running" : "Terminated",
                ["CreatedTime"] = now.UtcDateTime, ["LastUpdatedTime"] = now.UtcDateTime,
            });
        });
    }
}
