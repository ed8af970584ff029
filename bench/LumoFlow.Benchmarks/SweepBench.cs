using System.Diagnostics;
using System.Text.Json;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;
using LumoFlow.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Many cases due at the same instant — the morning a reminder falls due for a week's worth of notifications:
/// how fast the sweep gets through them, and how long after the due time each timer fired.
/// </summary>
public static class SweepBench
{
    public sealed record Result(int Cases, TimeSpan Elapsed, Percentiles FiringDelay, double RequestsPerCase, IReadOnlyDictionary<string, long> ByKind,
        Load.Result FloorAtScale, int EntitiesInTable, CpuTime.Sample Cpu)
    {
        public double PerSecond => Cases / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(string connectionString, int cases)
    {
        var opened = HelsinkiTime.AtLocalTime(new DateOnly(2027, 1, 11), new TimeOnly(10, 0)); // a Monday
        var clock = new FakeTimeProvider(opened);
        await using var app = new BenchApp(connectionString, clock, poke: false);
        _ = app.Server;

        // Same moment, no notifier email: each case's first alarm is the notifier-contact reminder, 3 working days on.
        await Load.RunAsync(cases, 32, async i =>
        {
            var notification = Notifications.Create(1_000_000 + i, notifierEmail: false, sometimesUrgent: false);
            var started = await app.Engine.StartAsync(notification, JsonSerializer.Serialize(notification, EngineJson.Options), null, CancellationToken.None);
            await app.Engine.RunAsync(started.CaseId, CancellationToken.None); // what the poke does right after intake
        });

        // Azurite's cost per request grows with the table's size, so the floor is measured again here: raw
        // single-entity inserts into the same Cases table the sweep is about to work on.
        var cases_ = ((LumoFlow.Engine.Storage.TableSet)app.Services.GetService(typeof(LumoFlow.Engine.Storage.TableSet))!).Cases;
        var entities = 0;
        await foreach (var _ in cases_.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"])) entities++;
        // Half of it before the sweep and half after, so that a machine whose speed drifts (a shared VM) is measured
        // on both sides of the sweep; the table grows by the sweep's history rows in between.
        var floorSize = Math.Max(500, cases / 5);
        Task<Load.Result> FloorAsync(string part) => Load.RunAsync(floorSize / 2, 8, async i =>
            await cases_.AddEntityAsync(new Azure.Data.Tables.TableEntity($"floor-{part}-{i}", "state") { ["State"] = "{}", ["At"] = DateTimeOffset.UtcNow }));
        var floorBefore = await FloorAsync("before");
        var digests = (LumoFlow.Engine.DigestSender)app.Services.GetService(typeof(LumoFlow.Engine.DigestSender))!;
        var due = new ReminderSchedule().NotifierContactReminder(new LumoFlow.Domain.Deadlines.DeadlineRules(WorkingDayCalendar.Default).For(opened), 0, WorkingDayCalendar.Default);
        clock.SetUtcNow(due);
        await digests.RunIfDueAsync(CancellationToken.None); // the weekly digest is shared work, not the cases'
        // Cold: no case is in this instance's cache, as after a restart or when another instance handled them last.
        ((LumoFlow.Engine.CaseCache)app.Services.GetService(typeof(LumoFlow.Engine.CaseCache))!).Clear();
        app.Counter.Reset();
        var cpu = CpuTime.Now();
        var start = Stopwatch.GetTimestamp();
        var swept = 0;
        int run;
        while ((run = await app.Sweeper.SweepOnceAsync(CancellationToken.None)) > 0) swept += run;
        var elapsed = Stopwatch.GetElapsedTime(start);
        cpu = CpuTime.Now() - cpu;
        var (requests, byKind) = (app.Counter.Count, app.Counter.ByKind.ToDictionary()); // before the floor's own inserts
        var floorAtScale = Load.Result.Combine([floorBefore, await FloorAsync("after")]);

        var delay = new Percentiles();
        var fired = app.Emails.Sent.Where(e => e.Email.Kind == "NotifierContactReminder").ToList();
        foreach (var (_, timestamp) in fired) delay.Add(Stopwatch.GetElapsedTime(start, timestamp));
        if (fired.Count != cases || swept != cases)
            throw new InvalidOperationException($"Expected {cases} timers to fire; {fired.Count} reminders were sent in {swept} runs.");
        return new Result(cases, elapsed, delay, (double)requests / cases, byKind, floorAtScale, entities, cpu);
    }
}
