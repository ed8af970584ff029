using System.Diagnostics;
using System.Globalization;
using static LumoFlow.Benchmarks.Report;

namespace LumoFlow.Benchmarks;

// LumoFlow benchmark: every figure measured in this run, against the Azurite that bench.sh started (see bench.sh).
// Usage: LumoFlow.Benchmarks --blob-port P --queue-port P --table-port P [--quick] [--only floor|peer|intake|events|catchup|cost|admin]
//        [--catchup N] [--events N] [--out FILE] [--azurite DESCRIPTION] [--azurite-pid PID]
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        int Int(string name, int fallback) => Arg(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var storage = new BenchStorage(Int("--blob-port", 10000), Int("--queue-port", 10001), Int("--table-port", 10002));
        var quick = args.Contains("--quick");
        var only = Arg("--only");
        string[] parts = ["floor", "peer", "intake", "events", "catchup", "cost", "admin"];
        if (only is not null && !parts.Contains(only)) throw new ArgumentException($"--only takes one of: {string.Join(", ", parts)}");
        // Each LumoFlow part measures its peer beside it (the ratios need it); --only peer runs the peer's parts alone.
        bool Runs(string part) => only is null || only == part || (only == "peer" && part != "floor");
        var lumoflow = only != "peer";
        if (Arg("--azurite-pid") is { } azuritePid) CpuTime.AzuritePid = int.Parse(azuritePid, CultureInfo.InvariantCulture);

        var report = new Report();
        var durableNotes = new List<string>();
        report.Line(string.Create(CultureInfo.InvariantCulture, $"LumoFlow benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}{(quick ? " — QUICK (sizes scaled down)" : "")}"));
        if (Arg("--azurite") is { } azurite) report.Line($"Azurite {azurite}; Durable: DurableTask.AzureStorage 2.11.2 through the local host's sidecar, its default settings (LocalDurableTask)");
        report.Line();
        var total = Stopwatch.StartNew();

        // The shape of one LumoFlow lifecycle, as Durable ran it: the peer replays it.
        ShapeProbe.Shapes? shapes = null;
        if (only != "floor")
        {
            shapes = await OnFreshAppAsync(storage, ShapeProbe.ReadAsync, "shapes");
            report.Line($"The peer's shapes, read from Durable's history of a real case (each a bare orchestration with no-op activities, the same inputs' sizes):");
            report.Line();
            foreach (var shape in new[] { shapes.Lifecycle, shapes.CatchUp })
                report.Line($"- **{shape.Name}** — {shape.Activities} activities ({shape.CallsOf("RecordCase")} RecordCase, {shape.CallsOf("SendEmail")} SendEmail, " +
                            $"{shape.CallsOf("LinkChildren")} LinkChildren), {shape.Events} external events, {shape.TimersCreated} timers created (none fires), " +
                            $"{shape.Episodes} episodes, input {shape.InputChars} chars: {shape.Describe()}");
            report.Line();
        }

        if (Runs("floor") || Runs("intake")) await IntakeAsync();
        if (Runs("events")) await EventsAsync();
        if (Runs("catchup")) await CatchUpAsync();
        if (Runs("cost")) await CostAsync();
        if (lumoflow && Runs("admin")) await AdminAsync();

        report.Line($"Peak memory: benchmark process (load, app, sidecar, Durable worker) {F(PeakMemory.Self() / 1048576.0)} MiB" +
                    (PeakMemory.Azurite() is { } azuritePeak ? $"; Azurite {F(azuritePeak / 1048576.0)} MiB" : "") +
                    $". Wall time {F(total.Elapsed.TotalMinutes, "0.0")} min.");
        report.Line();
        report.Line("Durable's warnings, counted per part (not printed; see DurableLog.cs): " + string.Join("; ", durableNotes) + ".");
        report.Line();
        report.Targets();
        if (Arg("--out") is { } outFile) await File.WriteAllTextAsync(outFile, report.Text);
        return 0;

        async Task IntakeAsync()
        {
            var withPeer = Runs("peer") || Runs("intake");
            var withIntake = lumoflow && Runs("intake");
            var peerInput = withPeer && shapes is not null ? PeerDriver.InputFor(shapes.Lifecycle) : null;
            // Each round on a task hub of its own, and sizes that keep Azurite measuring the app: stock Azurite finds a
            // queue's visible messages by scanning every message of the account (LokiQueueMetadataStore), so each case
            // left waiting with a timer (one queue message) makes every later queue operation dearer — a few hundred
            // already halve the peer's start rate. The parts take turns, so both pay alike; the full run measures more
            // rounds, not bigger ones (docs/performance.md).
            var rows = new List<IntakeBench.Level>();
            var rounds = quick ? 1 : 5;
            foreach (var (concurrency, operations) in new[] { (1, quick ? 10 : 40), (8, quick ? 15 : 80), (32, quick ? 24 : 160) })
            {
                var measured = new List<IntakeBench.Level>();
                for (var round = 1; round <= rounds; round++)
                    measured.Add(await OnFreshAppAsync(storage, async app =>
                    {
                        var bench = new IntakeBench(app, storage, peerInput, floor: lumoflow, intake: withIntake);
                        await bench.WarmUpAsync(quick ? 10 : 20);
                        return await bench.RunAsync(concurrency, operations, rounds: 1, slices: 2);
                    }, $"intake at concurrency {concurrency}, round {round}", needsApp: peerInput is not null || withIntake));
                var median = measured.OrderBy(l => l.Ratios[0]).ElementAt(rounds / 2);
                rows.Add(median with { Ratios = [.. measured.Select(l => l.Ratios[0])] });
            }
            static string Cpu(Load.Result r) => $"{F(r.Cpu.Bench.TotalMilliseconds / r.Operations, "0.00")} / {(r.Cpu.Azurite is { } a ? F(a.TotalMilliseconds / r.Operations, "0.00") : "?")}";
            static string Rate(Load.Result? r) => r is null ? "–" : F(r.PerSecond);
            static string Ms(Load.Result? r, int p) => r is null ? "–" : F(r.Latency[p], "0.0");
            report.Line($"Floor, the peer's starts and intake at three concurrencies (each row the median of {rounds} rounds; in a round the parts take turns, 2 slices each, the app left to settle after each slice of starts; each round on a fresh task hub). " +
                        "Floor: single-entity inserts into a fresh table. Peer start: ScheduleNewOrchestrationInstanceAsync. Intake: POST /api/notifications until 202. CPU ms per operation: benchmark process / Azurite.");
            report.Line();
            report.Table(["concurrency", "floor inserts/s", "floor p50 ms", "peer starts/s", "peer p50 ms", "peer p99 ms", "intake/s", "intake p50 ms", "intake p95 ms", "intake p99 ms",
                    "intake / peer", "intake / floor", "every round's intake / peer", "CPU per floor insert", "CPU per peer start", "CPU per intake"],
                rows.Select(l => (IReadOnlyList<string>)[
                    l.Concurrency.ToString(CultureInfo.InvariantCulture), Rate(l.Floor), Ms(l.Floor, 50), Rate(l.Peer), Ms(l.Peer, 50), Ms(l.Peer, 99),
                    Rate(l.Intake), Ms(l.Intake, 50), Ms(l.Intake, 95), Ms(l.Intake, 99),
                    l.Intake is not null && l.Peer is not null ? Percent(l.Intake.PerSecond / l.Peer.PerSecond) : "–",
                    l.Intake is not null && l.Floor is not null ? Percent(l.Intake.PerSecond / l.Floor.PerSecond) : "–",
                    string.Join(", ", l.Ratios.Select(Percent)),
                    l.Floor is null ? "–" : Cpu(l.Floor), l.Peer is null ? "–" : Cpu(l.Peer), l.Intake is null ? "–" : Cpu(l.Intake)]));
            foreach (var l in rows.Where(l => l.Intake is not null && l.Peer is not null))
                report.Target($"intake ≥ 70 % of the peer's start rate, concurrency {l.Concurrency}", l.Intake!.PerSecond >= 0.7 * l.Peer!.PerSecond,
                    $"{Percent(l.Intake.PerSecond / l.Peer.PerSecond)}: {F(l.Intake.PerSecond)} intakes/s against {F(l.Peer.PerSecond)} starts/s (rounds: {string.Join(", ", l.Ratios.Select(Percent))})");
        }

        async Task AdminAsync()
        {
            const int cases = 10_000;
            var result = await OnFreshAppAsync(storage, app => AdminBench.RunAsync(app, cases, listRequests: quick ? 20 : 100, reportRequests: quick ? 3 : 10), "admin reads");
            report.Line($"Administrators' reads at {cases:N0} cases (seeded through the real workflow into the case index in {F(result.Seeding.TotalSeconds, "0.0")} s; see AdminBench.cs). " +
                        "List: GET /api/admin/cases?team=…&overdue=any&runtimeStatus=Running&top=50. Report: GET /api/admin/reports/compliance for the last 12 months. Over HTTP, request to last byte.");
            report.Line();
            report.Table(["read", "requests", "p50 ms", "p95 ms", "p99 ms", "result"],
            [
                ["filtered list page", result.List.Count.ToString(CultureInfo.InvariantCulture), F(result.List[50], "0.0"), F(result.List[95], "0.0"), F(result.List[99], "0.0"), $"{result.ListItems} items"],
                ["compliance report", result.Report.Count.ToString(CultureInfo.InvariantCulture), F(result.Report[50], "0.0"), F(result.Report[95], "0.0"), F(result.Report[99], "0.0"), $"{result.ReportReceived:N0} received in the period"],
            ]);
            report.Target($"filtered list page p95 < 500 ms at {cases:N0} cases", result.List[95] < 500, $"p95 {F(result.List[95], "0.0")} ms");
            report.Target($"compliance report < 5 s at {cases:N0} cases", result.Report[99] < 5000, $"slowest of {result.Report.Count}: {F(result.Report[99], "0")} ms");
        }

        async Task EventsAsync()
        {
            var events = Arg("--events") is not null ? Int("--events", 0) : quick ? 40 : 200;
            const int concurrency = 32, pollMs = 200, slices = 4;
            var (peer, lumo) = await OnFreshAppAsync(storage, async app =>
            {
                var bench = new EventsBench(app, shapes!.Lifecycle, concurrency, pollMs);
                var (cases, peers) = await bench.PrepareAsync(lumoflow ? events : 0, events);
                var (peerParts, lumoParts) = (new List<EventsBench.Result>(), new List<EventsBench.Result>());
                var size = events / slices;
                for (var s = 0; s < slices; s++)
                {
                    // Peer, LumoFlow, LumoFlow, peer, …: each goes first as often.
                    var peerSlice = peers.Skip(s * size).Take(size).ToList();
                    var caseSlice = cases.Skip(s * size).Take(size).ToList();
                    if (s % 2 == 0) peerParts.Add(await bench.PeerAsync(peerSlice));
                    if (caseSlice.Count > 0) lumoParts.Add(await bench.LumoFlowAsync(caseSlice));
                    if (s % 2 == 1) peerParts.Add(await bench.PeerAsync(peerSlice));
                }
                return (EventsBench.Result.Combine(peerParts), lumoParts.Count > 0 ? EventsBench.Result.Combine(lumoParts) : null);
            }, "events");
            report.Line($"Events: {concurrency} staff members at once, each raising an event on a waiting case and reading it every {pollMs} ms until it shows the event applied; " +
                        $"{events} events each, in {slices} slices taking turns. LumoFlow: NotifierContacted over HTTP, GET /api/cases/{{id}}. Peer: RaiseEventAsync, GetInstanceAsync (custom status).");
            report.Line();
            static IReadOnlyList<string> Row(string who, EventsBench.Result r) =>
                [who, r.Events.ToString(CultureInfo.InvariantCulture), F(r.PerSecond, "0.0"), F(r.Answer[50], "0.0"), F(r.Answer[99], "0.0"), F(r.Visible[50]), F(r.Visible[99])];
            var rows = new List<IReadOnlyList<string>> { Row("peer (bare Durable)", peer) };
            if (lumo is not null) rows.Add(Row("LumoFlow", lumo));
            report.Table(["", "events", "applied/s", "answer p50 ms", "answer p99 ms", "202 → visible p50 ms", "p99 ms"], rows);
            if (lumo is not null)
                report.Target("events ≥ 70 % of the peer's", lumo.PerSecond >= 0.7 * peer.PerSecond,
                    $"{Percent(lumo.PerSecond / peer.PerSecond)}: {F(lumo.PerSecond, "0.0")} events/s applied against {F(peer.PerSecond, "0.0")}; 202 → visible p50 {F(lumo.Visible[50])} ms against {F(peer.Visible[50])} ms");
        }

        async Task CatchUpAsync()
        {
            // 10,000 was the aim; on stock Azurite the catch-up grows with the square of its size (every queue operation
            // scans all the account's messages, above; docs/performance.md): --catchup 10000 runs it, for hours.
            var cases = Arg("--catchup") is not null ? Int("--catchup", 0) : quick ? 300 : 1_000;
            // Each on a task hub and tables of its own, one after the other: both start from the same empty Azurite.
            var peer = await OnFreshAppAsync(storage, app => CatchUpBench.PeerAsync(app, shapes!.CatchUp, cases), "catch-up, peer");
            var lumo = lumoflow ? await OnFreshAppAsync(storage, app => CatchUpBench.LumoFlowAsync(app, cases), "catch-up, LumoFlow") : null;
            report.Line($"Catch-up: {cases} cases registered by staff with a time of receipt 20 days ago ({CatchUpBench.Concurrency} at once), so every timer up to the decision escalation is due at once. " +
                        "Emails per second from the first registration to the last email; firing delay from a case's 202 to its escalation email. The peer: as many instances of the catch-up shape, started as fast.");
            report.Line();
            static IReadOnlyList<string> Row(string who, CatchUpBench.Result r) =>
                [who, r.Cases.ToString(CultureInfo.InvariantCulture), F(r.RegisteredPerSecond), r.Emails.ToString(CultureInfo.InvariantCulture), F(r.Elapsed.TotalSeconds), F(r.EmailsPerSecond, "0.0"),
                 F(r.Delay[50] / 1000, "0.0"), F(r.Delay[99] / 1000, "0.0"), F(r.RequestsPerCase, "0.0")];
            var rows = new List<IReadOnlyList<string>> { Row("peer (bare Durable)", peer) };
            if (lumo is not null) rows.Add(Row("LumoFlow", lumo));
            report.Table(["", "cases", "registered/s", "emails", "seconds", "emails/s", "firing delay p50 s", "p99 s", "storage requests per case"], rows);
            foreach (var (who, r) in new[] { ("peer", peer), ("LumoFlow", lumo) })
                if (r is not null) report.Line($"Catch-up requests per case by kind, {who}: " + string.Join(", ", r.ByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {F((double)k.Value / r.Cases, "0.##")}")));
            report.Line();
            if (lumo is not null)
                report.Target("catch-up ≥ 70 % of the peer's", lumo.EmailsPerSecond >= 0.7 * peer.EmailsPerSecond,
                    $"{Percent(lumo.EmailsPerSecond / peer.EmailsPerSecond)}: {F(lumo.EmailsPerSecond, "0.0")} emails/s against {F(peer.EmailsPerSecond, "0.0")}; firing delay p50 {F(lumo.Delay[50] / 1000, "0.0")} s against {F(peer.Delay[50] / 1000, "0.0")} s");
        }

        async Task CostAsync()
        {
            var cases = quick ? 3 : 20;
            var window = TimeSpan.FromSeconds(quick ? 20 : 120);
            var (idle, calls, peer, lumo) = await OnFreshAppAsync(storage, async app =>
            {
                var idle = await CostBench.IdleAsync(app, window);
                var calls = await CostBench.CallsAsync(app, shapes!.Lifecycle);
                var peer = await CostBench.PeerAsync(app, shapes.Lifecycle, cases);
                var lumo = lumoflow ? await CostBench.LumoFlowAsync(app, cases) : null;
                return (idle, calls, peer, lumo);
            }, "cost");
            report.Line($"Storage requests per complete lifecycle ({cases} side by side, each step left to settle): work only; background (empty polls, partition bookkeeping) counted apart.");
            report.Line();
            var rows = new List<IReadOnlyList<string>>();
            for (var i = 0; i < peer.Steps.Count; i++)
                rows.Add([lumo is not null ? lumo.Steps[i].What : peer.Steps[i].What, lumo is null ? "–" : F(lumo.Steps[i].Work, "0.0"), F(peer.Steps[i].Work, "0.0")]);
            rows.Add(["**total per lifecycle**", lumo is null ? "–" : $"**{F(lumo.Work, "0.0")}**", $"**{F(peer.Work, "0.0")}**"]);
            rows.Add([$"(background in the whole window: {(lumo is null ? "" : $"LumoFlow {F(lumo.Window.TotalSeconds)} s, ")}peer {F(peer.Window.TotalSeconds)} s)",
                lumo is null ? "–" : lumo.Background.ToString(CultureInfo.InvariantCulture), peer.Background.ToString(CultureInfo.InvariantCulture)]);
            report.Table(["step", "LumoFlow", "peer"], rows);
            if (lumo is not null) report.Line("LumoFlow's requests per lifecycle by kind: " + ByKind(lumo));
            report.Line("The peer's requests per lifecycle by kind: " + ByKind(peer));
            report.Line();
            report.Table(["one call, alone (requests before it answers)", "LumoFlow", "peer"],
                calls.LumoFlow.Zip(calls.Peer, (l, p) => (IReadOnlyList<string>)[$"{l.What} / {p.What}", $"{l.Requests}: {Kinds(l.ByKind)}", $"{p.Requests}: {Kinds(p.ByKind)}"]));
            report.Line($"Idle: an app with nothing to do sent {idle.Requests} requests in {F(idle.Window.TotalSeconds)} s ({string.Join(", ", idle.ByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"))}); " +
                        $"the weekly-digest loop's run (every {F(CostBench.DigestInterval.TotalMinutes)} min) {idle.DigestRun}. Extrapolated: **{F(idle.PerHour)} requests per hour**, {F(idle.PerHour * 24 * 30 / 1e6, "0.0")} million a month.");
            report.Line();
            if (lumo is not null)
                report.Target("storage requests per lifecycle ≤ 1.3× the peer's", lumo.Work <= 1.3 * peer.Work,
                    $"{F(lumo.Work / peer.Work, "0.00")}×: {F(lumo.Work, "0.0")} requests against {F(peer.Work, "0.0")} (work; background apart)");
        }

        /// <summary>Runs <paramref name="part"/> on an app with a task hub and tables of its own, and deletes them after.</summary>
        async Task<T> OnFreshAppAsync<T>(BenchStorage on, Func<BenchApp, Task<T>> part, string label, bool needsApp = true)
        {
            if (!needsApp) return await part(null!);
            var app = new BenchApp(on);
            try
            {
                await app.StartAsync();
                var result = await part(app);
                await app.QuietAsync(); // nothing in flight when it stops
                return result;
            }
            finally
            {
                await app.DisposeAsync();
                await app.DeleteStorageAsync();
                durableNotes.Add($"{label}: {app.DurableLog.Describe()}");
            }
        }

        static string Kinds(IReadOnlyDictionary<string, long> byKind) =>
            string.Join(", ", byKind.OrderByDescending(k => k.Value).Select(k => k.Value == 1 ? k.Key : $"{k.Key} ×{k.Value}"));

        static string ByKind(CostBench.Lifecycle l) =>
            string.Join(", ", l.WorkByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {F((double)k.Value / l.Cases, "0.#")}"));
    }
}
