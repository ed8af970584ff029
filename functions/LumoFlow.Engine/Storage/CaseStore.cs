using Azure;
using Azure.Data.Tables;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Engine.Storage;

/// <summary>
/// Reads and writes case partitions. Every change caused by one event is one write guarded by the state row's ETag:
/// the state row (with its timers and outbox) plus the new history rows and documents, together or not at all — an
/// entity-group transaction, or a single-entity update when the history rows can ride in the state row for now
/// (<see cref="CaseRows.HistoryTailFits"/>). Alarm rows are written before the transaction that points at them and deleted after it stops
/// pointing at them, so a crash leaves at worst an extra wake-up, never a lost one.
/// </summary>
public sealed class CaseStore(TableClient cases, AlarmIndex alarms)
{
    /// <summary>
    /// An id for a new case whose intake alarm is already stored (see <see cref="AlarmIndex.ReserveIntakeAsync"/>):
    /// pass both to <see cref="CreateAsync"/>.
    /// </summary>
    public Task<(string CaseId, AlarmKey Alarm)> ReserveNewCaseAsync(DateTimeOffset now, AlarmLease? lease, CancellationToken cancellationToken) =>
        alarms.ReserveIntakeAsync(now, lease, cancellationToken);

    /// <summary>
    /// Writes a new case — its alarm, unless <paramref name="reserved"/> already lists it, then one single-entity insert —
    /// and returns it ready to go on; null when a case with this id already exists (a retried submission with the same
    /// Idempotency-Key): then only the shared intake alarm lists it, and the existing case is what that alarm wakes.
    /// </summary>
    public async Task<CaseWorkingCopy?> CreateAsync(WorkflowStep opened, string notificationJson, string? bodyHash,
        DateTimeOffset now, AlarmLease? lease, AlarmKey? reserved, CancellationToken cancellationToken)
    {
        if (opened.DocumentsToStore.Count > 0) throw new InvalidOperationException("Opening a case stores no documents.");
        var caseId = opened.State.CaseId;
        var intake = new IntakeRows(notificationJson);
        // The opening history is row 1, for now the state row's history tail (see IntakeRows).
        var copy = new CaseWorkingCopy(new StoredCase(opened.State, opened.TimersToSet, opened.Emails, HistoryTail: [opened.History]), ETag.All, 1,
            CaseAlarms.None, bodyHash, intake);
        // At most one alarm on the intake path. With an id reserved, or work to do now (a receipt, children to look up):
        // the intake alarm shared with the notifications accepted together; the first run places the timer alarm and
        // moves off it. Otherwise the timer alarm.
        var placed = reserved is not null ? new CaseAlarms(null, reserved)
            : copy.HasImmediateWork ? new CaseAlarms(null, await alarms.SetIntakeAsync(caseId, now, lease, cancellationToken))
            : await PlaceAlarmsAsync(copy, now, null, lease, cancellationToken);
        try
        {
            var state = CaseRows.StateEntity(copy.Stored, 1, placed, bodyHash, intake);
            var response = await cases.AddEntityAsync(state, cancellationToken);
            copy.Committed(response.Headers.ETag ?? ETag.All, placed, intakeMoved: false, CaseRows.PropertiesOf(state), copy.HistoryTail);
            return copy;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            if (placed.Immediate is { } shared) await alarms.LeaveIntakeAsync(shared, caseId, cancellationToken);
            return null;
        }
    }

    /// <summary>The case with its timers and outbox, in one point read; null for an unknown case.</summary>
    public async Task<CaseWorkingCopy?> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.State, cancellationToken: cancellationToken);
        if (!row.HasValue) return null;
        var entity = row.Value!;
        return new CaseWorkingCopy(CaseRows.ReadStored(entity), entity.ETag, entity.GetInt32("HistoryRows") ?? 0, CaseRows.ReadAlarms(entity),
            entity.GetString("BodyHash"), CaseRows.ReadIntake(entity), CaseRows.PropertiesOf(entity));
    }

    /// <summary>The state alone, with the body hash of the submission that created the case.</summary>
    public async Task<(CaseState State, string? BodyHash)?> GetStateAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.State, cancellationToken: cancellationToken);
        return row.HasValue ? (CaseRows.ReadState(row.Value!), row.Value!.GetString("BodyHash")) : null;
    }

    /// <summary>The case's history, oldest first; empty for an unknown case.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string caseId, CancellationToken cancellationToken) =>
        [.. (await GetHistoryRowsAsync(caseId, cancellationToken)).SelectMany(row => row)];

    /// <summary>
    /// The case's history rows in order, wherever they are stored: the <c>history-NNNNNN</c> rows, then those still
    /// riding in the state row (<see cref="StoredCase.HistoryTail"/>, the opening one right after intake). One query.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<HistoryEntry>>> GetHistoryRowsAsync(string caseId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and (RowKey eq {CaseRows.State} or (RowKey ge {CaseRows.HistoryPrefix} and RowKey lt {"history."}))");
        var rows = new List<IReadOnlyList<HistoryEntry>>();
        await foreach (var row in cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            // The state row sorts after every history row, and its tail follows the written rows.
            if (row.RowKey == CaseRows.State) rows.AddRange(CaseRows.ReadStored(row).HistoryTail ?? []);
            else rows.Add(CaseRows.ReadHistory(row));
        }
        return rows;
    }

    /// <summary>The notification as submitted (from its row, or from the state row right after intake).</summary>
    public async Task<string?> GetNotificationJsonAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.Notification, cancellationToken: cancellationToken);
        return row.HasValue ? ChunkedText.Read(row.Value!) : (await ReadIntakeAsync(caseId, cancellationToken))?.NotificationJson;
    }

    /// <summary>The intake notification still riding in the state row, if any (see <see cref="IntakeRows"/>).</summary>
    private async Task<IntakeRows?> ReadIntakeAsync(string caseId, CancellationToken cancellationToken)
    {
        var state = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.State, cancellationToken: cancellationToken);
        return state.HasValue ? CaseRows.ReadIntake(state.Value!) : null;
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
    /// <param name="retryAt">After a failed delivery: when to try the outbox again.</param>
    /// <param name="lease">Set on a new immediate alarm that this instance will act on itself (the poke).</param>
    /// <param name="releaseLater">
    /// The case's own alarm rows it no longer points at are released for the caller to delete later, with others
    /// (<see cref="AlarmIndex.ReleaseLater"/>: the sweeper deletes a chunk's in one go), not deleted before this returns.
    /// </param>
    public async Task CommitAsync(CaseWorkingCopy copy, DateTimeOffset now, DateTimeOffset? retryAt, AlarmLease? lease, CancellationToken cancellationToken,
        bool releaseLater = false)
    {
        var caseId = copy.State.CaseId;
        var placed = await PlaceAlarmsAsync(copy, now, retryAt, lease, cancellationToken);
        // History rows not yet written: the stored tail and this commit's. They stay in the state row when nothing
        // else needs a row of its own and they fit; otherwise they are written out, in the transaction it takes anyway.
        List<IReadOnlyList<HistoryEntry>> unwritten = [.. copy.HistoryTail, .. copy.NewHistoryRows];
        var rideAlong = copy.NewDocuments.Count == 0 && copy.Intake is null && CaseRows.HistoryTailFits(unwritten);
        IReadOnlyList<IReadOnlyList<HistoryEntry>> tail = rideAlong ? unwritten : [];
        var state = CaseRows.StateEntity(copy.Stored with { HistoryTail = tail.Count > 0 ? tail : null },
            copy.HistoryRows + copy.NewHistoryRows.Count, placed, copy.BodyHash);
        var written = CaseRows.PropertiesOf(state);
        // Merged when the new row writes every property the stored one holds, replaced when one must go (the intake
        // notification once it has a row of its own). Both are one ETag-guarded write, alike in Azure; Azurite replaces by
        // removing and re-inserting the entity, at a cost that grows with the table's size, and merges in place
        // (docs/performance.md: the sweep).
        var merge = copy.StoredProperties is { } stored && written.IsSupersetOf(stored);
        ETag etag;
        try
        {
            if (rideAlong)
            {
                etag = (await cases.UpdateEntityAsync(state, copy.ETag, merge ? TableUpdateMode.Merge : TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? ETag.All;
            }
            else
            {
                var transaction = new PartitionTransaction(caseId);
                transaction.Add(merge ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace, state, copy.ETag);
                if (copy.Intake is { } intake)
                    transaction.Add(TableTransactionActionType.Add, CaseRows.NotificationEntity(caseId, intake.NotificationJson));
                var first = copy.HistoryRows - copy.HistoryTail.Count + 1; // the sequence number of the first unwritten row
                for (var i = 0; i < unwritten.Count; i++)
                    transaction.Add(TableTransactionActionType.Add, CaseRows.HistoryEntity(caseId, first + i, unwritten[i]));
                foreach (var document in copy.NewDocuments)
                    transaction.Add(TableTransactionActionType.Add, CaseRows.DocumentEntity(caseId, document));
                etag = (await transaction.SubmitAsync(cases, cancellationToken)).Value[0].Headers.ETag ?? ETag.All;
            }
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            throw new RequestFailedException(412, $"Case {caseId} changed meanwhile.", e);
        }

        foreach (var stale in new[] { copy.Alarms.Timer, copy.Alarms.Immediate }.OfType<AlarmKey>().Where(a => !placed.Contains(a)))
            await alarms.ReleaseAsync(stale, caseId, releaseLater, cancellationToken);
        copy.Committed(etag, placed, intakeMoved: true, written, tail);
    }

    /// <summary>Whether the stored alarm rows are already where a commit would put them (then nothing needs writing).</summary>
    public static bool AlarmsInPlace(CaseWorkingCopy copy, DateTimeOffset? retryAt) =>
        retryAt is null && TimerAlarmOf(copy) == copy.Alarms.Timer && copy.HasImmediateWork == (copy.Alarms.Immediate is not null);

    private static AlarmKey? TimerAlarmOf(CaseWorkingCopy copy) =>
        copy.TimerWake is { } wake ? AlarmKey.For(wake, copy.State.CaseId) : null;

    /// <summary>
    /// Writes the alarm rows the case will need after this commit, before it: the timer alarm at the earliest timer,
    /// and an immediate alarm while there is work to do now (leased to this instance when it will do it itself).
    /// Rows that stay the same are not written again.
    /// </summary>
    private async Task<CaseAlarms> PlaceAlarmsAsync(CaseWorkingCopy copy, DateTimeOffset now, DateTimeOffset? retryAt,
        AlarmLease? lease, CancellationToken cancellationToken)
    {
        var caseId = copy.State.CaseId;
        var timer = TimerAlarmOf(copy);
        var immediate = !copy.HasImmediateWork ? null
            : retryAt is { } at ? AlarmKey.For(at, caseId)
            : copy.Alarms.Immediate ?? AlarmKey.For(now, caseId);
        if (timer is not null && timer != copy.Alarms.Timer) await alarms.SetAsync(timer, null, cancellationToken);
        if (immediate is not null && immediate != copy.Alarms.Immediate) await alarms.SetAsync(immediate, retryAt is null ? lease : null, cancellationToken);
        return new CaseAlarms(timer, immediate);
    }
}
