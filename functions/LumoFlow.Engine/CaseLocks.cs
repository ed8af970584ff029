namespace LumoFlow.Engine;

/// <summary>
/// Serialises work on one case within this app instance (the in-process poke, the sweeper, staff events), so that
/// two of them never deliver the same outbox email at once. Striped: a fixed set of locks, chosen by the case id.
/// Across instances the alarm lease and the state row's ETag do the same job.
/// </summary>
public sealed class CaseLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string caseId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(caseId) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
