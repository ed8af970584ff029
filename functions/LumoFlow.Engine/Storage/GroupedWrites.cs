using Azure;
using Azure.Data.Tables;

namespace LumoFlow.Engine.Storage;

/// <summary>
/// Group commit for upserts and deletes in one table: a write that arrives while another to the same partition is in
/// flight waits for it and then goes with every other write that waited, in one entity-group transaction. Each
/// caller returns only once its own write is done, so code that writes a row before something else still does; but
/// many concurrent writers into one partition — cases placing their alarms in the current hour's bucket, the sweep
/// moving a morning's cases to their next reminder — share a storage request instead of paying one each.
/// A lone write goes at once, as a plain request: nothing ever waits for company.
/// </summary>
public sealed class GroupedWrites
{
    /// <summary>An upsert (insert or replace) of a row, or a delete of the row with this key (<see cref="Row"/> null).</summary>
    private sealed record Write(string RowKey, TableEntity? Row);

    private readonly TableClient _table;
    /// <summary>Keyed by partition: only writes to one partition can share a transaction.</summary>
    private readonly GroupCommit<Write, bool> _groups;

    public GroupedWrites(TableClient table)
    {
        _table = table;
        _groups = new GroupCommit<Write, bool>(WriteAsync);
    }

    /// <summary>Stores <paramref name="row"/>, inserting or replacing it; completes once it is stored.</summary>
    public Task UpsertAsync(TableEntity row, CancellationToken cancellationToken) =>
        _groups.AddAsync(row.PartitionKey, new Write(row.RowKey, row), cancellationToken);

    /// <summary>Deletes the row if it exists; completes once it is gone.</summary>
    public Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        _groups.AddAsync(partitionKey, new Write(rowKey, null), cancellationToken);

    /// <summary>
    /// Deletes these rows of one partition if they exist, all in the same group (a hundred to a transaction), after
    /// the writes to the partition queued before and before those queued after — for a caller that gathered them.
    /// </summary>
    public Task DeleteAllAsync(string partitionKey, IEnumerable<string> rowKeys) =>
        _groups.AddAllAsync(partitionKey, rowKeys.Select(k => new Write(k, null)), CancellationToken.None);

    /// <summary>Shared by several callers, so no single caller's cancellation applies.</summary>
    private async Task<bool> WriteAsync(string partitionKey, IReadOnlyList<Write> queued)
    {
        var cancellationToken = CancellationToken.None;
        // The same row twice in one group: the later write, as when done one after the other.
        var writes = queued.GroupBy(w => w.RowKey, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        if (writes.Count == 1)
        {
            await WriteOneAsync(partitionKey, writes[0], cancellationToken);
            return true;
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
                await transaction.SubmitAsync(_table, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // A row to delete was already gone, which fails the whole transaction: do them one by one.
                foreach (var write in chunk) await WriteOneAsync(partitionKey, write, cancellationToken);
            }
        }
        return true;
    }

    private async Task WriteOneAsync(string partitionKey, Write write, CancellationToken cancellationToken)
    {
        if (write.Row is { } row)
        {
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            return;
        }
        try { await _table.DeleteEntityAsync(partitionKey, write.RowKey, ETag.All, cancellationToken); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }
}
