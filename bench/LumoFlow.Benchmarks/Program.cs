using System.Globalization;
using System.Text;

namespace LumoFlow.Benchmarks;

// LumoFlow benchmark: every figure measured in this run, against the Azurite that bench.sh started.
// Usage: LumoFlow.Benchmarks --table-port PORT [--quick] [--sweep N] [--replay N] [--out FILE]
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var port = int.Parse(Arg("--table-port") ?? "10002", CultureInfo.InvariantCulture);
        var quick = args.Contains("--quick");
        var outFile = Arg("--out");
        var connectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        int Scale(int full) => quick ? Math.Max(20, full / 20) : full;

        var report = new StringBuilder();
        void Line(string text = "") { Console.WriteLine(text); report.AppendLine(text); }
        static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

        Line($"LumoFlow benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}{(quick ? " — QUICK (scaled down)" : "")}");
        Line();

        // 1. Floor and intake at the same concurrency levels.
        Line("| concurrency | floor inserts/s | floor p50 ms | floor p99 ms | intake/s | intake p50 ms | intake p95 ms | intake p99 ms | intake / floor | storage requests per intake |");
        Line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var floors = new Dictionary<int, Load.Result>();
        var offset = 0;
        foreach (var (concurrency, operations) in new[] { (1, Scale(300)), (8, Scale(2000)), (32, Scale(3000)) })
        {
            var floor = await FloorBench.RunAsync(connectionString, operations, concurrency);
            floors[concurrency] = floor;
            var intake = await IntakeBench.RunAsync(connectionString, operations, concurrency, offset);
            offset += operations + 10;
            Line($"| {concurrency} | {F(floor.PerSecond)} | {F(floor.Latency[50], "0.0")} | {F(floor.Latency[99], "0.0")} | {F(intake.Load.PerSecond)} | " +
                 $"{F(intake.Load.Latency[50], "0.0")} | {F(intake.Load.Latency[95], "0.0")} | {F(intake.Load.Latency[99], "0.0")} | " +
                 $"{F(intake.Load.PerSecond / floor.PerSecond * 100)} % | {F(intake.RequestsPerIntake, "0.00")} |");
        }
        Line();

        // 2. The sweep: many cases due at the same instant.
        var sweep = await SweepBench.RunAsync(connectionString, Arg("--sweep") is { } sweepSize ? int.Parse(sweepSize, CultureInfo.InvariantCulture) : Scale(10_000));
        var floorOps = sweep.FloorAtScale.PerSecond;
        Line("| sweep: cases due at once | processed/s | firing delay p50 ms | p99 ms | storage requests per case | requests/s | floor (c=8) in the same table | sweep operations / floor |");
        Line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Line($"| {sweep.Cases} | {F(sweep.PerSecond)} | {F(sweep.FiringDelay[50])} | {F(sweep.FiringDelay[99])} | {F(sweep.RequestsPerCase, "0.00")} | " +
             $"{F(sweep.PerSecond * sweep.RequestsPerCase)} | {F(floorOps)} inserts/s at {sweep.EntitiesInTable} entities | {F(sweep.PerSecond * sweep.RequestsPerCase / floorOps * 100)} % |");
        Line();
        Line($"Cases processed per second as a share of that floor: {F(sweep.PerSecond / floorOps * 100)} %.");
        Line();
        Line("Sweep requests by kind: " + string.Join(", ", sweep.ByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
        Line();

        // 3. One complete lifecycle, request by request: staff acting promptly, and with two reminders firing.
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

        // 4. A tenth of Finland's yearly volume through complete lifecycles on a simulated clock.
        // 23,000 is a tenth of Finland's yearly volume; on Azurite, whose cost per request grows with the table,
        // that takes hours (see docs/performance.md), so the default is 2,300: ./bench.sh --replay 23000 for the full size.
        var replay = await ReplayBench.RunAsync(connectionString, Arg("--replay") is { } replaySize ? int.Parse(replaySize, CultureInfo.InvariantCulture) : Scale(2_300));
        Line("| replay: notifications | completed | actions | refused | simulated | wall time | storage requests | per case | peak memory |");
        Line("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        Line($"| {replay.Cases} | {replay.Completed} | {replay.Actions} | {replay.Refused} | {replay.From:yyyy-MM-dd} → {replay.To:yyyy-MM-dd} ({replay.Sweeps} hourly sweeps) | " +
             $"{F(replay.Wall.TotalSeconds, "0")} s | {replay.Requests} | {F((double)replay.Requests / replay.Cases, "0.0")} | {F(replay.PeakWorkingSetBytes / 1048576.0)} MiB |");

        if (outFile is not null) await File.WriteAllTextAsync(outFile, report.ToString());
        return 0;

        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
    }
}
