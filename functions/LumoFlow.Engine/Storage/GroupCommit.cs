namespace LumoFlow.Engine.Storage;

/// <summary>
/// Group commit: an item that arrives while a flush of the same key (a table partition, say) is in flight waits for
/// that flush and then goes out with every other item that waited, in one flush. Each caller completes once the flush
/// holding its item has, with that flush's result or its exception. A lone item is flushed at once — nothing ever
/// waits for company — and flushes of one key never overlap, so the waiting group grows exactly as long as storage
/// takes to answer. Used for alarm rows (<see cref="GroupedWrites"/>, and the intake alarms in <see cref="AlarmIndex"/>).
/// </summary>
public sealed class GroupCommit<TItem, TResult>(Func<string, IReadOnlyList<TItem>, Task<TResult>> flush)
{
    private sealed class Group
    {
        public List<TItem> Items { get; } = [];
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock _gate = new();
    /// <summary>Per key: the items waiting for the flush in flight to finish.</summary>
    private readonly Dictionary<string, Group> _waiting = new(StringComparer.Ordinal);
    /// <summary>Keys with a flush in flight.</summary>
    private readonly HashSet<string> _flushing = new(StringComparer.Ordinal);

    /// <summary>Adds an item to the next flush of <paramref name="key"/>; completes with that flush.</summary>
    public Task<TResult> AddAsync(string key, TItem item, CancellationToken cancellationToken) => AddAllAsync(key, [item], cancellationToken);

    /// <summary>
    /// Adds items to the next flush of <paramref name="key"/>, all in the same one, after everything added before;
    /// completes with that flush.
    /// </summary>
    public Task<TResult> AddAllAsync(string key, IEnumerable<TItem> items, CancellationToken cancellationToken)
    {
        Group group;
        bool flusher;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out group!)) _waiting[key] = group = new Group();
            group.Items.AddRange(items);
            flusher = _flushing.Add(key);
        }
        if (flusher) _ = FlushWaitingAsync(key);
        // A cancelled caller stops waiting; its item may still be flushed with the others.
        return group.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Flushes the key's waiting group, then the group that gathered meanwhile, until none is left.</summary>
    private async Task FlushWaitingAsync(string key)
    {
        while (true)
        {
            Group? group;
            lock (_gate)
            {
                if (!_waiting.Remove(key, out group))
                {
                    _flushing.Remove(key);
                    return;
                }
            }
            try
            {
                group.Done.SetResult(await flush(key, group.Items));
            }
            catch (Exception e)
            {
                group.Done.SetException(e);
            }
        }
    }
}
