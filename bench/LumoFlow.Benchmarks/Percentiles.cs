namespace LumoFlow.Benchmarks;

/// <summary>Latency samples and their percentiles (nearest-rank).</summary>
public sealed class Percentiles
{
    private readonly List<double> _ms = [];

    public void Add(TimeSpan elapsed)
    {
        lock (_ms) _ms.Add(elapsed.TotalMilliseconds);
    }

    /// <summary>Adds every sample of <paramref name="other"/> (to pool runs measured in parts).</summary>
    public void AddAll(Percentiles other)
    {
        List<double> samples;
        lock (other._ms) samples = [.. other._ms];
        lock (_ms) _ms.AddRange(samples);
    }

    public int Count
    {
        get { lock (_ms) return _ms.Count; }
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
