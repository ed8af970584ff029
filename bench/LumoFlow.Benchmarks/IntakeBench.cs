namespace LumoFlow.Benchmarks;

/// <summary>
/// The floor (raw single-entity inserts), the peer's start rate (ScheduleNewOrchestrationInstanceAsync, the Durable
/// client's own call, with an input of LumoFlow's size) and intake (POST /api/notifications to 202: validation,
/// routing, Durable's start and the case's record) at one concurrency, taking turns: in each round every part runs
/// <c>slices</c> times, in turn, so that a machine whose speed drifts (a shared VM) slows all alike. After each slice
/// of starts the app is left to settle (<see cref="BenchApp.QuietAsync"/>) — the cases just started run their first
/// wake-up meanwhile, as they would — so that no slice pays for the one before.
/// </summary>
public sealed class IntakeBench(BenchApp? app, BenchStorage storage, PeerInput? peer, bool floor, bool intake)
{
    public sealed record Level(int Concurrency, Load.Result? Floor, Load.Result? Peer, Load.Result? Intake, IReadOnlyList<double> Ratios);

    private int _next = 10_000_000; // notification numbers: every child is new

    public async Task WarmUpAsync(int operations)
    {
        if (floor) await (await FloorBench.CreateAsync(storage.ConnectionString)).RunAsync(operations, 8);
        if (peer is not null) await PeerStartsAsync(operations, 8);
        if (intake) await IntakesAsync(operations, 8);
    }

    /// <summary>The median round by intake/peer (or whichever ratio there is), with every round's ratio.</summary>
    public async Task<Level> RunAsync(int concurrency, int operations, int rounds, int slices)
    {
        var measured = new List<(Load.Result? Floor, Load.Result? Peer, Load.Result? Intake, double Ratio)>();
        for (var round = 0; round < rounds; round++)
        {
            var floorBench = floor ? await FloorBench.CreateAsync(storage.ConnectionString) : null; // a fresh table each round
            var parts = new List<(string Name, Func<Task<Load.Result>> Run)>();
            if (floorBench is not null) parts.Add(("floor", () => floorBench.RunAsync(operations / slices, concurrency)));
            if (peer is not null) parts.Add(("peer", () => PeerStartsAsync(operations / slices, concurrency)));
            if (intake) parts.Add(("intake", () => IntakesAsync(operations / slices, concurrency)));
            var results = parts.ToDictionary(p => p.Name, _ => new List<Load.Result>());
            for (var slice = 0; slice < slices; slice++)
                for (var k = 0; k < parts.Count; k++)
                {
                    var (name, run) = parts[(slice + k) % parts.Count]; // each part goes first in turn
                    results[name].Add(await run());
                }
            Load.Result? Of(string name) => results.TryGetValue(name, out var r) ? Load.Result.Combine(r) : null;
            var (f, p, i) = (Of("floor"), Of("peer"), Of("intake"));
            var ratio = i is not null && p is not null ? i.PerSecond / p.PerSecond
                : i is not null && f is not null ? i.PerSecond / f.PerSecond
                : p is not null && f is not null ? p.PerSecond / f.PerSecond : double.NaN;
            measured.Add((f, p, i, ratio));
        }
        var median = measured.OrderBy(m => m.Ratio).ElementAt(rounds / 2);
        return new Level(concurrency, median.Floor, median.Peer, median.Intake, [.. measured.Select(m => m.Ratio)]);
    }

    private async Task<Load.Result> PeerStartsAsync(int operations, int concurrency)
    {
        var result = await Load.RunAsync(operations, concurrency, _ => PeerDriver.StartAsync(app!.Durable, peer!));
        await app!.QuietAsync();
        return result;
    }

    private async Task<Load.Result> IntakesAsync(int operations, int concurrency)
    {
        // Bodies are made before the clock starts, as a load generator replays prepared requests.
        var first = Interlocked.Add(ref _next, operations) - operations;
        var bodies = Enumerable.Range(first, operations).Select(n => Notifications.Body(n)).ToList();
        var client = app!.Http();
        var result = await Load.RunAsync(operations, concurrency, i => LumoFlowDriver.SubmitAsync(client, bodies[i]));
        await app.QuietAsync();
        return result;
    }
}
