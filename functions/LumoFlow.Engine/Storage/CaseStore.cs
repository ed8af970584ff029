using Azure;
using Azure.Data.Tables;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Engine.Storage;

/// <summary>
/// Reads and writes case partitions. Every change caused by one event is one entity-group transaction:
/// state + history + timers + outbox commit together or not at all, guarded by the state row's ETag.
/// </summary>
public sealed class CaseStore(TableClient cases, AlarmIndex alarms)
{
    /// <summary>
    /// Writes a new case. Returns false when a case with this id already exists (a retried submission
    /// with the same Idempotency-Key): nothing is written then.
    /// </summary>
    public async Task<bool> CreateAsync(WorkflowStep opened, string notificationJson, string? bodyHash,
        DateTimeOffset now, AlarmLease? lease, CancellationToken cancellationToken)
    {
        var caseId = opened.State.CaseId;
        var copy = new CaseWorkingCopy(opened.State, ETag.All, 0, null, [], []);
        copy.Apply(opened);
        var alarm = copy.NextWake(now) is { } wake ? AlarmKey.For(wake, caseId) : null;
        if (alarm is not null) await alarms.SetAsync(alarm, copy.Outbox.Count > 0 ? lease : null, cancellationToken);

        var transaction = new CaseTransaction(caseId);
        transaction.Add(TableTransactionActionType.Add, CaseRows.StateEntity(copy.State, copy.NewHistory.Count, alarm, bodyHash));
        var notification = new TableEntity(caseId, CaseRows.Notification);
        ChunkedText.Write(notification, notificationJson);
        transaction.Add(TableTransactionActionType.Add, notification);
        AddChanges(transaction, copy);
        try
        {
            await transaction.SubmitAsync(cases, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The state, pending timers and outbox of a case, in one range query; null for an unknown case.</summary>
    public async Task<CaseWorkingCopy?> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and RowKey ge {CaseRows.WorkingSetFrom} and RowKey lt {CaseRows.WorkingSetTo}");
        TableEntity? state = null;
        var timers = new List<DurableTimer>();
        var outbox = new List<LumoFlow.Domain.Messaging.Email>();
        await foreach (var row in cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == CaseRows.State) state = row;
            else if (row.RowKey.StartsWith(CaseRows.TimerPrefix, StringComparison.Ordinal)) timers.Add(CaseRows.ReadTimer(row));
            else if (row.RowKey.StartsWith(CaseRows.OutboxPrefix, StringComparison.Ordinal)) outbox.Add(CaseRows.ReadOutbox(row));
        }
        return state is null
            ? null
            : new CaseWorkingCopy(CaseRows.ReadState(state), state.ETag, state.GetInt32("HistoryCount") ?? 0,
                CaseRows.ReadAlarm(state), timers, outbox);
    }

    /// <summary>The state row alone (one point read), with the body hash of the submission that created it.</summary>
    public async Task<(CaseState State, string? BodyHash)?> GetStateAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.State, cancellationToken: cancellationToken);
        return row.HasValue ? (CaseRows.ReadState(row.Value!), row.Value!.GetString("BodyHash")) : null;
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string caseId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and RowKey ge {CaseRows.HistoryPrefix} and RowKey lt {"history."}");
        var history = new List<HistoryEntry>();
        await foreach (var row in cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            history.Add(CaseRows.ReadHistory(row));
        return history;
    }

    /// <summary>One document of a case (a note, a partner's question or answer, the summary); null when absent.</summary>
    public async Task<CaseDocument?> GetDocumentAsync(string caseId, string documentId, CancellationToken cancellationToken)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.DocumentPrefix + documentId, cancellationToken: cancellationToken);
        return row.HasValue ? CaseRows.ReadDocument(row.Value!) : null;
    }

    /// <summary>
    /// Writes what changed in <paramref name="copy"/>. Throws <see cref="RequestFailedException"/> with status 412
    /// when the case changed since it was loaded (another instance got there first): reload and try again.
    /// </summary>
    /// <param name="lease">Set on a new alarm that this instance will act on itself (see <see cref="CaseEngine"/>).</param>
    public async Task CommitAsync(CaseWorkingCopy copy, DateTimeOffset? nextWake, AlarmLease? lease, CancellationToken cancellationToken)
    {
        var caseId = copy.State.CaseId;
        var alarm = nextWake is { } wake ? AlarmKey.For(wake, caseId) : null;
        if (alarm is not null && alarm != copy.Alarm) await alarms.SetAsync(alarm, lease, cancellationToken);

        var transaction = new CaseTransaction(caseId);
        transaction.Add(TableTransactionActionType.UpdateMerge,
            CaseRows.StateEntity(copy.State, copy.HistoryCount + copy.NewHistory.Count, alarm, bodyHash: null), copy.ETag);
        AddChanges(transaction, copy);
        try
        {
            await transaction.SubmitAsync(cases, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            throw new RequestFailedException(412, $"Case {caseId} changed meanwhile.", e);
        }

        if (copy.Alarm is not null && copy.Alarm != alarm) await alarms.DeleteAsync(copy.Alarm, cancellationToken);
    }

    private static void AddChanges(CaseTransaction transaction, CaseWorkingCopy copy)
    {
        var caseId = copy.State.CaseId;
        for (var i = 0; i < copy.NewHistory.Count; i++)
            transaction.Add(TableTransactionActionType.Add, CaseRows.HistoryEntity(caseId, copy.HistoryCount + i + 1, copy.NewHistory[i]));
        foreach (var document in copy.NewDocuments)
            transaction.Add(TableTransactionActionType.Add, CaseRows.DocumentEntity(caseId, document));
        foreach (var timer in copy.TimersToUpsert)
            transaction.Add(TableTransactionActionType.UpsertReplace, CaseRows.TimerEntity(caseId, timer));
        foreach (var name in copy.TimersToDelete)
            transaction.Add(TableTransactionActionType.Delete, new TableEntity(caseId, CaseRows.TimerPrefix + name), ETag.All);
        foreach (var email in copy.EmailsToAdd)
            transaction.Add(TableTransactionActionType.Add, CaseRows.OutboxEntity(caseId, email));
        foreach (var email in copy.EmailsToDelete)
            transaction.Add(TableTransactionActionType.Delete, new TableEntity(caseId, CaseRows.OutboxPrefix + email.Id), ETag.All);
    }
}
