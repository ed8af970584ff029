namespace LumoFlow.Benchmarks;

/// <summary>Latency samples and their percentiles (nearest-rank).</summary>
public sealed class Percentiles
{
    private readonly List<double> _ms = [];

    public void Add(TimeSpan elapsed)
    {
        lock (_ms) _ms.Add(elapsed.TotalMilliseconds);
    }

    public double this[double percentile]
    {
        get
        {
            lock (_ms)
            {
                if (_ms.Count == 0) return double.NaN;
                var sorted = _ms.Order().ToList();
                var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
                return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
            }
        }
    }
}
