using Azure;
using Azure.Data.Tables;

namespace LumoFlow.Engine.Storage;

/// <summary>
/// Group commit for upserts and deletes in one table: a write that arrives while another to the same partition is in
/// flight waits for it and then goes with every other write that waited, in one entity-group transaction. Each
/// caller returns only once its own write is done, so code that writes a row before something else still does; but
/// many concurrent writers into one partition — intakes placing their alarms in the current hour's bucket, the sweep
/// moving a morning's cases to their next reminder — share a storage request instead of paying one each.
/// A lone write goes at once, as a plain request: nothing ever waits for company.
/// </summary>
public sealed class GroupedWrites(TableClient table)
{
    /// <summary>An upsert (insert or replace) of a row, or a delete of the row with this key (<see cref="Row"/> null).</summary>
    private sealed record Write(string RowKey, TableEntity? Row);

    private sealed class Group
    {
        /// <summary>By row key: the same row twice in one group keeps the later write, as when done one after the other.</summary>
        public Dictionary<string, Write> Writes { get; } = new(StringComparer.Ordinal);
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock _gate = new();
    /// <summary>Per partition: the writes waiting for the one in flight to finish.</summary>
    private readonly Dictionary<string, Group> _waiting = new(StringComparer.Ordinal);
    /// <summary>Partitions with a write in flight.</summary>
    private readonly HashSet<string> _writing = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="row"/>, inserting or replacing it; completes once it is stored.</summary>
    public Task UpsertAsync(TableEntity row, CancellationToken cancellationToken) =>
        EnqueueAsync(row.PartitionKey, new Write(row.RowKey, row), cancellationToken);

    /// <summary>Deletes the row if it exists; completes once it is gone.</summary>
    public Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        EnqueueAsync(partitionKey, new Write(rowKey, null), cancellationToken);

    private Task EnqueueAsync(string partitionKey, Write write, CancellationToken cancellationToken)
    {
        Group group;
        bool writer;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(partitionKey, out group!)) _waiting[partitionKey] = group = new Group();
            group.Writes[write.RowKey] = write;
            writer = _writing.Add(partitionKey);
        }
        if (writer) _ = WriteWaitingAsync(partitionKey);
        // A cancelled caller stops waiting; its write may still be done, which is harmless for an upsert or a delete.
        return group.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes the partition's waiting group, then the group that gathered meanwhile, until none is left.</summary>
    private async Task WriteWaitingAsync(string partitionKey)
    {
        while (true)
        {
            Group? group;
            lock (_gate)
            {
                if (!_waiting.Remove(partitionKey, out group))
                {
                    _writing.Remove(partitionKey);
                    return;
                }
            }
            try
            {
                // Shared by several callers, so no single caller's cancellation applies.
                await WriteAsync(partitionKey, group.Writes.Values, CancellationToken.None);
                group.Done.SetResult();
            }
            catch (Exception e)
            {
                group.Done.SetException(e);
            }
        }
    }

    private async Task WriteAsync(string partitionKey, ICollection<Write> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 1)
        {
            await WriteOneAsync(partitionKey, writes.First(), cancellationToken);
            return;
        }
        foreach (var chunk in writes.Chunk(PartitionTransaction.MaxActions))
        {
            var transaction = new PartitionTransaction(partitionKey);
            foreach (var write in chunk)
            {
                if (write.Row is { } row) transaction.Add(TableTransactionActionType.UpsertReplace, row);
                else transaction.Add(TableTransactionActionType.Delete, new TableEntity(partitionKey, write.RowKey), ETag.All);
            }
            try
            {
                await transaction.SubmitAsync(table, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // A row to delete was already gone, which fails the whole transaction: do them one by one.
                foreach (var write in chunk) await WriteOneAsync(partitionKey, write, cancellationToken);
            }
        }
    }

    private async Task WriteOneAsync(string partitionKey, Write write, CancellationToken cancellationToken)
    {
        if (write.Row is { } row)
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            return;
        }
        try { await table.DeleteEntityAsync(partitionKey, write.RowKey, ETag.All, cancellationToken); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }
}
