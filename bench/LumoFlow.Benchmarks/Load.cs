using System.Diagnostics;

namespace LumoFlow.Benchmarks;

/// <summary>Runs an operation a fixed number of times from a fixed number of concurrent workers (a bounded, closed loop).</summary>
public static class Load
{
    public sealed record Result(int Operations, TimeSpan Elapsed, Percentiles Latency, CpuTime.Sample Cpu)
    {
        public double PerSecond => Operations / Elapsed.TotalSeconds;

        /// <summary>Runs measured in parts, as one: operations, time, CPU and latency samples pooled.</summary>
        public static Result Combine(IReadOnlyList<Result> parts)
        {
            var latency = new Percentiles();
            foreach (var part in parts) latency.AddAll(part.Latency);
            return new Result(parts.Sum(p => p.Operations), TimeSpan.FromTicks(parts.Sum(p => p.Elapsed.Ticks)), latency,
                parts.Select(p => p.Cpu).Aggregate((a, b) => a + b));
        }
    }

    public static async Task<Result> RunAsync(int operations, int concurrency, Func<int, Task> operation)
    {
        var latency = new Percentiles();
        var next = -1;
        var cpu = CpuTime.Now();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                var one = Stopwatch.StartNew();
                await operation(i);
                latency.Add(one.Elapsed);
            }
        }));
        return new Result(operations, total.Elapsed, latency, CpuTime.Now() - cpu);
    }
}
