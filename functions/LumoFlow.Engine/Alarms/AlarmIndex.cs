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
/// Alarm rows of many cases fall into the same hour's partition, so their writes are grouped (<see cref="GroupedUpserts"/>).
/// </summary>
public sealed class AlarmIndex(TableClient table)
{
    private readonly GroupedUpserts _writes = new(table);

    /// <summary>Writes the alarm row; returns once it is stored.</summary>
    public async Task SetAsync(AlarmKey key, AlarmLease? lease, CancellationToken cancellationToken)
    {
        var row = new TableEntity(key.PartitionKey, key.RowKey);
        if (lease is not null)
        {
            row["LeaseUntil"] = lease.Until;
            row["LeaseOwner"] = lease.Owner;
        }
        await _writes.UpsertAsync(row, cancellationToken);
    }

    public async Task DeleteAsync(AlarmKey key, CancellationToken cancellationToken)
    {
        try { await table.DeleteEntityAsync(key.PartitionKey, key.RowKey, ETag.All, cancellationToken); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

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
    /// Takes the alarm for <paramref name="leaseUntil"/> so that other app instances skip it meanwhile.
    /// ETag-conditional: false when another instance claimed it first. A crashed holder's lease simply runs out.
    /// </summary>
    public async Task<bool> TryClaimAsync(DueAlarm alarm, DateTimeOffset leaseUntil, string owner, CancellationToken cancellationToken)
    {
        var lease = new TableEntity(alarm.Key.PartitionKey, alarm.Key.RowKey)
        {
            ["LeaseUntil"] = leaseUntil,
            ["LeaseOwner"] = owner,
        };
        try
        {
            await table.UpdateEntityAsync(lease, alarm.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }
}
