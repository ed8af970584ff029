using Azure;
using Azure.Data.Tables;
using LumoFlow.Engine.Storage;

namespace LumoFlow.Engine;

/// <summary>A claim on an alarm: other instances skip it until <see cref="Until"/>.</summary>
public sealed record AlarmLease(DateTimeOffset Until, string Owner);

/// <summary>A due alarm as the sweeper sees it.</summary>
public sealed record DueAlarm(AlarmKey Key, ETag ETag);

/// <summary>
/// The <c>CaseAlarms</c> table: one row per case at its next wake-up (platform.md, point 2).
/// A new alarm row is written before the case transaction that points at it and the stale one deleted after,
/// so a crash leaves at worst an extra alarm — waking a case with nothing due does nothing — never a lost one.
/// Alarm rows of many cases fall into the same hour's partition, so their writes are grouped (<see cref="GroupedWrites"/>)
/// and the sweeper claims a partition's due alarms together.
/// </summary>
public sealed class AlarmIndex(TableClient table)
{
    private readonly GroupedWrites _writes = new(table);

    /// <summary>Writes the alarm row; returns once it is stored.</summary>
    public async Task SetAsync(AlarmKey key, AlarmLease? lease, CancellationToken cancellationToken)
    {
        var row = lease is null ? new TableEntity(key.PartitionKey, key.RowKey) : Lease(key, lease.Until, lease.Owner);
        await _writes.UpsertAsync(row, cancellationToken);
    }

    /// <summary>Removes the alarm row if it is still there.</summary>
    public Task DeleteAsync(AlarmKey key, CancellationToken cancellationToken) =>
        _writes.DeleteAsync(key.PartitionKey, key.RowKey, cancellationToken);

    /// <summary>Alarms due at <paramref name="now"/> whose lease (if any) has run out, earliest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<DueAlarm>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<DueAlarm>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {AlarmKey.Bucket(now)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var key = new AlarmKey(row.PartitionKey, row.RowKey);
            if (key.WakeAt > now) continue; // later in the current hour
            if (row.GetDateTimeOffset("LeaseUntil") is { } leaseUntil && leaseUntil > now) continue;
            due.Add(new DueAlarm(key, row.ETag));
            if (due.Count == max) break;
        }
        return due;
    }

    /// <summary>
    /// Takes the alarms for <paramref name="leaseUntil"/> so that other app instances skip them meanwhile, and returns
    /// those this instance got. ETag-conditional: an alarm another instance claimed (or removed) since it was read is
    /// not returned. A crashed holder's lease simply runs out. The alarms of one partition are claimed in one
    /// transaction; if another instance got one of them first, which fails the transaction, they are claimed one by one.
    /// </summary>
    public async Task<IReadOnlyList<DueAlarm>> TryClaimAsync(IReadOnlyList<DueAlarm> alarms, DateTimeOffset leaseUntil, string owner,
        CancellationToken cancellationToken)
    {
        var claimed = new List<DueAlarm>();
        foreach (var partition in alarms.GroupBy(a => a.Key.PartitionKey))
        foreach (var chunk in partition.Chunk(PartitionTransaction.MaxActions))
        {
            if (chunk.Length > 1)
            {
                var transaction = new PartitionTransaction(partition.Key);
                foreach (var alarm in chunk) transaction.Add(TableTransactionActionType.UpdateMerge, Lease(alarm.Key, leaseUntil, owner), alarm.ETag);
                try
                {
                    await transaction.SubmitAsync(table, cancellationToken);
                    claimed.AddRange(chunk);
                    continue;
                }
                catch (TableTransactionFailedException e) when (e.Status is 412 or 404) { }
            }
            foreach (var alarm in chunk)
                if (await TryClaimOneAsync(alarm, leaseUntil, owner, cancellationToken)) claimed.Add(alarm);
        }
        return claimed;
    }

    private async Task<bool> TryClaimOneAsync(DueAlarm alarm, DateTimeOffset leaseUntil, string owner, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(Lease(alarm.Key, leaseUntil, owner), alarm.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity Lease(AlarmKey key, DateTimeOffset leaseUntil, string owner) => new(key.PartitionKey, key.RowKey)
    {
        ["LeaseUntil"] = leaseUntil,
        ["LeaseOwner"] = owner,
    };
}
