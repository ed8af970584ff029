using System.Globalization;
using System.Text;

namespace LumoFlow.Benchmarks;

// LumoFlow benchmark: every figure measured in this run, against the Azurite that bench.sh started.
// Usage: LumoFlow.Benchmarks --table-port PORT [--azurite DESCRIPTION] [--quick] [--sweep N] [--replay N] [--only intake|sweep|lifecycle|replay] [--out FILE]
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var port = int.Parse(Arg("--table-port") ?? "10002", CultureInfo.InvariantCulture);
        var quick = args.Contains("--quick");
        var outFile = Arg("--out");
        var only = Arg("--only"); // one section alone; "intake" is the floor-and-intake table
        bool Runs(string section) => only is null || only == section;
        var connectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        int Scale(int full) => quick ? Math.Max(20, full / 20) : full;

        var report = new StringBuilder();
        void Line(string text = "") { Console.WriteLine(text); report.AppendLine(text); }
        static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
        // CPU milliseconds per operation: this process (load and app) / Azurite.
        static string CpuPer(CpuTime.Sample cpu, int operations) =>
            $"{F(cpu.Bench.TotalMilliseconds / operations, "0.00")} / {(cpu.Azurite is { } azurite ? F(azurite.TotalMilliseconds / operations, "0.00") : "?")}";
        static string Cpu(Load.Result load) => CpuPer(load.Cpu, load.Operations);

        Line($"LumoFlow benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}{(quick ? " — QUICK (scaled down)" : "")}");
        if (Arg("--azurite") is { } azurite) Line($"Azurite {azurite}");
        if (Arg("--azurite-pid") is { } azuritePid) CpuTime.AzuritePid = int.Parse(azuritePid, CultureInfo.InvariantCulture);
        Line();

        // 1. Floor and intake at the same concurrency levels.
        if (Runs("intake")) await FloorAndIntake();
        // 2. The sweep: many cases due at the same instant.
        if (Runs("sweep")) await Sweep();
        // 3. One complete lifecycle, request by request: staff acting promptly, and with two reminders firing.
        if (Runs("lifecycle")) await Lifecycles();
        // 4. A tenth of Finland's yearly volume through complete lifecycles on a simulated clock.
        if (Runs("replay")) await Replay();

        if (outFile is not null) await File.WriteAllTextAsync(outFile, report.ToString());
        return 0;

        async Task FloorAndIntake()
        {
            // Each row is the median of five rounds, by the ratio; the ratios of all five are shown. In a round the floor
            // (in a fresh table) and intake take turns, five slices each, so that a machine whose speed drifts from one
            // second to the next (a shared VM: a floor measured alone varied by a third) slows both alike.
            const int rounds = 5, slices = 5;
            Line("| concurrency | floor inserts/s | floor p50 ms | floor p99 ms | intake/s | intake p50 ms | intake p95 ms | intake p99 ms | intake / floor | the 5 rounds | storage requests per intake | CPU ms per insert: bench / Azurite | CPU ms per intake: bench / Azurite |");
            Line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
            await using var intakes = new IntakeBench(connectionString);
            await intakes.WarmUpAsync(Scale(1000));
            await (await FloorBench.CreateAsync(connectionString)).RunAsync(Scale(1000), 8); // warm-up
            foreach (var (concurrency, operations) in new[] { (1, Scale(300)), (8, Scale(2000)), (32, Scale(3000)) })
            {
                var measured = new List<(Load.Result Floor, IntakeBench.Result Intake, double Ratio)>();
                for (var round = 0; round < rounds; round++)
                {
                    var floors = new List<Load.Result>();
                    var intakeSlices = new List<IntakeBench.Result>();
                    var floorBench = await FloorBench.CreateAsync(connectionString);
                    for (var slice = 0; slice < slices; slice++)
                    {
                        floors.Add(await floorBench.RunAsync(operations / slices, concurrency));
                        intakeSlices.Add(await intakes.RunAsync(operations / slices, concurrency));
                    }
                    var (floor, intake) = (Load.Result.Combine(floors), IntakeBench.Result.Combine(intakeSlices));
                    measured.Add((floor, intake, intake.Load.PerSecond / floor.PerSecond));
                }
                var (f, i, ratio) = measured.OrderBy(m => m.Ratio).ElementAt(rounds / 2);
                Line($"| {concurrency} | {F(f.PerSecond)} | {F(f.Latency[50], "0.0")} | {F(f.Latency[99], "0.0")} | {F(i.Load.PerSecond)} | " +
                     $"{F(i.Load.Latency[50], "0.0")} | {F(i.Load.Latency[95], "0.0")} | {F(i.Load.Latency[99], "0.0")} | " +
                     $"{F(ratio * 100)} % | {string.Join(", ", measured.Select(m => F(m.Ratio * 100) + " %"))} | {F(i.RequestsPerIntake, "0.00")} | {Cpu(f)} | {Cpu(i.Load)} |");
            }
            Line();
        }

        async Task Sweep()
        {
            var sweep = await SweepBench.RunAsync(connectionString, Arg("--sweep") is { } sweepSize ? int.Parse(sweepSize, CultureInfo.InvariantCulture) : Scale(10_000));
            var floorOps = sweep.FloorAtScale.PerSecond;
            Line("| sweep: cases due at once | processed/s | firing delay p50 ms | p99 ms | storage requests per case | requests/s | floor (c=8) in the same table | sweep requests / floor | CPU ms per case: bench / Azurite | CPU ms per floor insert: bench / Azurite |");
            Line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Line($"| {sweep.Cases} | {F(sweep.PerSecond)} | {F(sweep.FiringDelay[50])} | {F(sweep.FiringDelay[99])} | {F(sweep.RequestsPerCase, "0.00")} | " +
                 $"{F(sweep.PerSecond * sweep.RequestsPerCase)} | {F(floorOps)} inserts/s at {sweep.EntitiesInTable} entities, before and after the sweep | {F(sweep.PerSecond * sweep.RequestsPerCase / floorOps * 100)} % | " +
                 $"{CpuPer(sweep.Cpu, sweep.Cases)} | {Cpu(sweep.FloorAtScale)} |");
            Line();
            Line($"Cases processed per second as a share of that floor: {F(sweep.PerSecond / floorOps * 100)} %.");
            Line();
            Line("Sweep requests by kind: " + string.Join(", ", sweep.ByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
            Line();
        }

        async Task Lifecycles()
        {
            var prompt = await LifecycleBench.RunAsync(connectionString, remindersFire: false);
            var late = await LifecycleBench.RunAsync(connectionString, remindersFire: true);
            foreach (var (title, lifecycle) in new[] { ("staff act before any reminder is due", prompt), ("two reminders come due and fire", late) })
            {
                Line($"| lifecycle step — {title} | storage requests |");
                Line("| --- | ---: |");
                foreach (var step in lifecycle.Steps) Line($"| {step.What} | {step.Requests} |");
                Line($"| **total per case** | **{lifecycle.Total}** |");
                Line($"| (shared by all cases: hourly sweep polls that found nothing, and the weekly digests, over these 12 days) | {lifecycle.SharedSweepPolls} |");
                Line();
                Line("Requests by kind: " + string.Join(", ", lifecycle.ByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
                Line();
            }
        }

        async Task Replay()
        {
            // 23,000 is a tenth of Finland's yearly volume (about 230,000 notifications in 2024). About 16 minutes with
            // bench/azurite-keyed-lookups.js; hours on stock Azurite (see docs/performance.md).
            var replay = await ReplayBench.RunAsync(connectionString, Arg("--replay") is { } replaySize ? int.Parse(replaySize, CultureInfo.InvariantCulture) : Scale(23_000));
            Line("| replay: notifications | completed | actions | refused | simulated | wall time | storage requests | per case | peak memory |");
            Line("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
            Line($"| {replay.Cases} | {replay.Completed} | {replay.Actions} | {replay.Refused} | {replay.From:yyyy-MM-dd} → {replay.To:yyyy-MM-dd} ({replay.Sweeps} hourly sweeps) | " +
                 $"{F(replay.Wall.TotalSeconds, "0")} s | {replay.Requests} | {F((double)replay.Requests / replay.Cases, "0.0")} | {F(replay.PeakWorkingSetBytes / 1048576.0)} MiB |");
        }

        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
    }
}
