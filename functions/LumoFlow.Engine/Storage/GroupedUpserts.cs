using Azure.Data.Tables;

namespace LumoFlow.Engine.Storage;

/// <summary>
/// Group commit for upserts into one table: an upsert that arrives while another to the same partition is in flight
/// waits for it and then goes with every other upsert that waited, in one entity-group transaction. Each caller
/// returns only once its own row is stored, so code that writes a row before something else still does; but many
/// concurrent writers into one partition — intakes placing their alarms in the current hour's bucket, the sweep
/// placing the next reminders of a morning's cases — share a storage request instead of paying one each.
/// A lone upsert is written at once, as a plain upsert: nothing ever waits for company.
/// </summary>
public sealed class GroupedUpserts(TableClient table)
{
    private sealed class Group
    {
        public Dictionary<string, TableEntity> Rows { get; } = new(StringComparer.Ordinal);
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock _gate = new();
    /// <summary>Per partition: the rows waiting for the write in flight to finish.</summary>
    private readonly Dictionary<string, Group> _waiting = new(StringComparer.Ordinal);
    /// <summary>Partitions with a write in flight.</summary>
    private readonly HashSet<string> _writing = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="row"/> (insert or replace); completes when it is stored, throws when the write failed.</summary>
    public Task UpsertAsync(TableEntity row, CancellationToken cancellationToken)
    {
        Group group;
        bool writer;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(row.PartitionKey, out group!)) _waiting[row.PartitionKey] = group = new Group();
            // The same row twice in one group: the later one wins, as when written one after the other.
            group.Rows[row.RowKey] = row;
            writer = _writing.Add(row.PartitionKey);
        }
        if (writer) _ = WriteWaitingAsync(row.PartitionKey);
        // A cancelled caller stops waiting; its row may still be written, which is harmless for an upsert.
        return group.Stored.Task.WaitAsync(cancellationToken);
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
                await WriteAsync(partitionKey, group.Rows.Values, CancellationToken.None);
                group.Stored.SetResult();
            }
            catch (Exception e)
            {
                group.Stored.SetException(e);
            }
        }
    }

    private async Task WriteAsync(string partitionKey, ICollection<TableEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 1)
        {
            await table.UpsertEntityAsync(rows.First(), TableUpdateMode.Replace, cancellationToken);
            return;
        }
        foreach (var chunk in rows.Chunk(PartitionTransaction.MaxActions))
        {
            var transaction = new PartitionTransaction(partitionKey);
            foreach (var row in chunk) transaction.Add(TableTransactionActionType.UpsertReplace, row);
            await transaction.SubmitAsync(table, cancellationToken);
        }
    }
}
