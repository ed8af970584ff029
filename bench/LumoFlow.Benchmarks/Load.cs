using System.Diagnostics;

namespace LumoFlow.Benchmarks;

/// <summary>Runs an operation a fixed number of times from a fixed number of concurrent workers (a bounded, closed loop).</summary>
public static class Load
{
    public sealed record Result(int Operations, TimeSpan Elapsed, Percentiles Latency)
    {
        public double PerSecond => Operations / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(int operations, int concurrency, Func<int, Task> operation)
    {
        var latency = new Percentiles();
        var next = -1;
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
        return new Result(operations, total.Elapsed, latency);
    }
}
