using System.Diagnostics;
using LumoFlow.App.Digest;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.Benchmarks;

/// <summary>
/// What a lifecycle costs in storage requests, LumoFlow's tables and Durable's queues, tables and blobs together:
/// <c>cases</c> lifecycles run side by side, step by step (the walk-through for LumoFlow, the same shape for the peer),
/// each step left to settle before the next. A request is work unless it is background
/// (<see cref="StorageRequestCounter.IsBackground"/>: empty polls and partition bookkeeping, which go on whatever there
/// is to do and are counted apart). Also: the requests one call makes before it answers, with nothing else running,
/// and what an app with nothing to do sends in an hour.
/// </summary>
public static class CostBench
{
    public sealed record Step(string What, double Work);

    public sealed record Lifecycle(int Cases, IReadOnlyList<Step> Steps, long Background, TimeSpan Window, IReadOnlyDictionary<string, long> WorkByKind)
    {
        public double Work => Steps.Sum(s => s.Work);
    }

    public sealed record Idle(TimeSpan Window, IReadOnlyDictionary<string, long> ByKind, long DigestRun)
    {
        public long Requests => ByKind.Values.Sum();
        public double PerHour => Requests * 3600 / Window.TotalSeconds + DigestRun * 3600 / DigestInterval.TotalSeconds;
    }

    public sealed record Call(string What, IReadOnlyDictionary<string, long> ByKind)
    {
        public long Requests => ByKind.Values.Sum();
    }

    public sealed record Calls(IReadOnlyList<Call> LumoFlow, IReadOnlyList<Call> Peer);

    /// <summary>The local host's weekly-digest loop runs this often by default (WeeklyDigestLoop).</summary>
    public static readonly TimeSpan DigestInterval = TimeSpan.FromSeconds(300);

    public static async Task<Lifecycle> LumoFlowAsync(BenchApp app, int cases)
    {
        var staff = app.Staff();
        var client = app.Http();
        var ids = new string[cases];
        var steps = new List<(string, Func<int, Task>)>
        {
            ("intake (+ receipt)", async i => ids[i] = await LumoFlowDriver.SubmitAsync(client, Notifications.Body(40_000_000 + i))),
        };
        steps.AddRange(Walkthrough.Events.Select(step => (step.What, (Func<int, Task>)(i => step.Run(app, staff, ids[i])))));
        var lifecycle = await MeasureAsync(app, cases, steps);
        foreach (var id in ids)
            if ((string?)(await LumoFlowDriver.StatusAsync(staff, id))["runtimeStatus"] != "Completed")
                throw new InvalidOperationException($"Case {id} did not complete its lifecycle.");
        return lifecycle;
    }

    public static async Task<Lifecycle> PeerAsync(BenchApp app, LifecycleShape shape, int cases)
    {
        var input = PeerDriver.InputFor(shape);
        var ids = new string[cases];
        var steps = new List<(string, Func<int, Task>)> { ("start", async i => ids[i] = await PeerDriver.StartAsync(app.Durable, input)) };
        for (var wake = 1; wake < shape.Wakes.Count; wake++)
        {
            var w = wake;
            steps.Add(($"event {w}", i => PeerDriver.RaiseAsync(app.Durable, ids[i], shape, w)));
        }
        var lifecycle = await MeasureAsync(app, cases, steps);
        foreach (var id in ids)
            if ((await app.Durable.GetInstanceAsync(id))?.RuntimeStatus != Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed)
                throw new InvalidOperationException($"Peer {id} did not complete its lifecycle.");
        return lifecycle;
    }

    private static async Task<Lifecycle> MeasureAsync(BenchApp app, int cases, IReadOnlyList<(string What, Func<int, Task> Run)> steps)
    {
        await app.QuietAsync();
        var start = app.Counter.Snapshot();
        var clock = Stopwatch.StartNew();
        var measured = new List<Step>();
        foreach (var (what, run) in steps)
        {
            var before = app.Counter.Snapshot();
            await Load.RunAsync(cases, cases, run);
            await app.QuietAsync();
            measured.Add(new Step(what, (double)StorageRequestCounter.Work(app.Counter.Since(before)).Values.Sum() / cases));
        }
        var window = app.Counter.Since(start);
        return new Lifecycle(cases, measured, window.Where(k => StorageRequestCounter.IsBackground(k.Key)).Sum(k => k.Value), clock.Elapsed, StorageRequestCounter.Work(window));
    }

    /// <summary>The requests one call sends before it answers, on a case alone, with nothing else running.</summary>
    public static async Task<Calls> CallsAsync(BenchApp app, LifecycleShape shape)
    {
        var staff = app.Staff();
        string id = "";
        var lumoflow = new List<Call>
        {
            new("intake: POST /api/notifications until 202", await CountAsync(app, async () => id = await LumoFlowDriver.SubmitAsync(app.Http(), Notifications.Body(50_000_000)))),
            new("event: POST …/events/NotifierContacted until 202", await CountAsync(app, () => LumoFlowDriver.RaiseAsync(staff, id, "NotifierContacted", new { how = "phone" }))),
            new("status: GET /api/cases/{id}", await CountAsync(app, () => LumoFlowDriver.StatusAsync(staff, id))),
        };
        var input = PeerDriver.InputFor(shape);
        var peer = new List<Call>
        {
            new("start: ScheduleNewOrchestrationInstanceAsync", await CountAsync(app, async () => id = await PeerDriver.StartAsync(app.Durable, input))),
            new("event: RaiseEventAsync", await CountAsync(app, () => PeerDriver.RaiseAsync(app.Durable, id, shape, 1))),
            new("status: GetInstanceAsync", await CountAsync(app, () => app.Durable.GetInstanceAsync(id, getInputsAndOutputs: true))),
        };
        return new Calls(lumoflow, peer);
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(BenchApp app, Func<Task> call)
    {
        await app.QuietAsync();
        var before = app.Counter.Snapshot();
        await call();
        var work = StorageRequestCounter.Work(app.Counter.Since(before));
        await app.QuietAsync();
        return work;
    }

    /// <summary>An app with nothing to do, over <paramref name="window"/>; the digest loop's run counted apart (it runs every 5 minutes).</summary>
    public static async Task<Idle> IdleAsync(BenchApp app, TimeSpan window)
    {
        await app.QuietAsync(10); // long enough for Durable's polling to have backed off to its cap
        var before = app.Counter.Snapshot();
        await Task.Delay(window);
        var idle = app.Counter.Since(before);
        var beforeDigest = app.Counter.Snapshot();
        await app.Services.GetRequiredService<WeeklyDigest>().RunIfDueAsync(CancellationToken.None);
        var digest = app.Counter.Since(beforeDigest).Where(k => k.Key.StartsWith("lumoflow", StringComparison.Ordinal)).Sum(k => k.Value);
        return new Idle(window, idle, digest);
    }
}
