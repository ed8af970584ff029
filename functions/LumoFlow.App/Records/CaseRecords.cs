using Azure;
using Azure.Data.Tables;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Records;

/// <summary>
/// What a write of the record did, the state row's ETag after it (to guard the next write), and the ETag of each outbox
/// email it wrote (so that its delivery can claim the email without reading it first).
/// </summary>
public sealed record RecordResult(bool Written, string ETag, IReadOnlyDictionary<string, string> EmailETags, string? IndexETag = null)
{
    public static RecordResult AsFound(CaseSnapshot current) => new(false, current.ETag.ToString(), new Dictionary<string, string>());
}

/// <summary>The case's state row as read, with the ETag that guards the next write.</summary>
public sealed record CaseSnapshot(StoredCase Case, ETag ETag)
{
    public CaseState State => Case.State;
}

/// <summary>
/// Reads and writes case records (<see cref="CaseRows"/>). A write is ordered by the step number: it writes the steps
/// the record does not have yet, with the new state row, in one entity-group transaction guarded by the state row's
/// ETag — so a write that is repeated (a retried activity, a duplicate message) or that loses a race changes nothing,
/// and the record never holds half a step. A writer that knows the ETag its last write left (the case's orchestration)
/// writes in one request; one that does not reads first.
/// </summary>
public sealed class CaseRecords(LumoFlowTables tables, CaseIndex index, TimeProvider time)
{
    /// <summary>An entity-group transaction holds at most 100 entities.</summary>
    private const int MaxRowsPerWrite = 100;

    private TableClient Cases => tables.Cases;

    /// <summary>The case's state row, in one point read; null for an unknown case.</summary>
    public async Task<CaseSnapshot?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.State, cancellationToken: cancellationToken);
        return row.HasValue ? Snapshot(row.Value!) : null;
    }

    /// <summary>
    /// The state row (null when there is none yet) and the staff requests not yet recorded, oldest first, in one query of
    /// the partition.
    /// </summary>
    public async Task<(CaseSnapshot? Case, IReadOnlyList<PendingRequest> Pending)> GetWithPendingRequestsAsync(
        string caseId, CancellationToken cancellationToken)
    {
        var (stateRow, requestRows, pendingStatus) = (CaseRows.State, CaseRows.RequestPrefix, nameof(RequestStatus.Pending));
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and (RowKey eq {stateRow} or (RowKey ge {requestRows} and RowKey lt {"request."} and Status eq {pendingStatus}))");
        CaseSnapshot? snapshot = null;
        var pending = new List<PendingRequest>();
        await foreach (var row in Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == CaseRows.State) snapshot = Snapshot(row);
            else pending.Add(CaseRows.ReadRequest(row));
        }
        return (snapshot, pending);
    }

    /// <summary>
    /// Writes the steps of <paramref name="update"/> that the record does not have yet, with the state after them, and
    /// returns the state row's ETag (after this write, or as it found it when there was nothing left to write). It
    /// writes at once when it can tell where the record is: guarded by <see cref="CaseRecordUpdate.RecordedAs"/>, the
    /// ETag the writer's last write left; or, for the opening (<see cref="CaseRecordUpdate.Intake"/>), as a new record.
    /// When another write got in first (a termination, a retry), or otherwise, it reads the record and writes only what
    /// is still missing.
    /// </summary>
    /// <para>Then the case's <see cref="CaseIndex"/> row is brought up to what the record holds — also when this write
    /// found nothing left to do, so that a retry after a crash between the two writes catches the index up.</para>
    public async Task<RecordResult> RecordAsync(CaseRecordUpdate update, CancellationToken cancellationToken)
    {
        var (result, recorded) = await WriteAsync(update, cancellationToken);
        var indexETag = await index.UpdateAsync(recorded, update.IndexRecordedAs, isNew: update.Intake is not null, cancellationToken);
        return result with { IndexETag = indexETag };
    }

    private async Task<(RecordResult Result, StoredCase Recorded)> WriteAsync(CaseRecordUpdate update, CancellationToken cancellationToken)
    {
        if (update.RecordedAs is not null || update.Intake is not null)
        {
            try
            {
                var expected = update.RecordedAs is { } recordedAs ? new ETag(recordedAs) : (ETag?)null;
                return (await SubmitAsync(Transaction(update, expected, update.Steps), cancellationToken), update.After);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else wrote the record since: see below.
            }
        }
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(update.CaseId, cancellationToken);
            var recorded = current?.Case.Step ?? 0;
            var missing = update.Steps.Where(s => s.Step > recorded).ToList();
            if (current is not null && (missing.Count == 0 || update.After.Step <= recorded)) return (RecordResult.AsFound(current), current.Case);
            // An ended case stays ended: a step that lost the race with a termination is not written over it.
            if (current is { State.IsOpen: false } && update.After.State.IsOpen) return (RecordResult.AsFound(current), current.Case);

            try
            {
                return (await SubmitAsync(Transaction(update, current?.ETag, missing), cancellationToken), update.After);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another write got in first (the intake handler and the first activity both write step 1, or a retry):
                // read again and write only what is still missing.
            }
        }
    }

    /// <summary>Submits a write whose first action is the state row's; returns the new ETags of the state row and the emails.</summary>
    private async Task<RecordResult> SubmitAsync(List<TableTransactionAction> transaction, CancellationToken cancellationToken)
    {
        var responses = (await Cases.SubmitTransactionAsync(transaction, cancellationToken)).Value;
        var emails = new Dictionary<string, string>();
        for (var i = 0; i < transaction.Count; i++)
            if (transaction[i].Entity.RowKey.StartsWith(CaseRows.EmailPrefix, StringComparison.Ordinal) && responses[i].Headers.ETag is { } etag)
                emails[transaction[i].Entity.RowKey[CaseRows.EmailPrefix.Length..]] = etag.ToString();
        return new RecordResult(true, responses[0].Headers.ETag?.ToString()
            ?? throw new InvalidOperationException("The storage service returned no ETag for the state row."), emails);
    }

    /// <param name="current">The state row's ETag to replace it under; null when the record does not exist yet.</param>
    private List<TableTransactionAction> Transaction(CaseRecordUpdate update, ETag? current, IReadOnlyList<RecordedStep> steps)
    {
        var caseId = update.CaseId;
        var now = time.GetUtcNow();
        var state = CaseRows.StateEntity(update.After);
        var actions = new List<TableTransactionAction>
        {
            current is { } etag
                ? new(TableTransactionActionType.UpdateReplace, state, etag)
                : new(TableTransactionActionType.Add, state),
        };
        if (current is null && update.Intake is { } intake)
            actions.Add(new(TableTransactionActionType.Add, CaseRows.NotificationEntity(caseId, intake)));
        foreach (var step in steps)
        {
            if (step.History.Count > 0)
                actions.Add(new(TableTransactionActionType.Add, CaseRows.HistoryEntity(caseId, step.Step, step.History)));
            actions.AddRange(step.Documents.Select(d =>
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, CaseRows.DocumentEntity(caseId, d))));
            actions.AddRange(step.Emails.Select(e =>
                new TableTransactionAction(TableTransactionActionType.Add, CaseRows.EmailEntity(caseId, e, now, update.After.State.TeamId))));
            if (step.Request is { } request)
                actions.Add(new(TableTransactionActionType.UpsertMerge, CaseRows.RequestOutcomeEntity(caseId, request)));
        }
        if (actions.Count > MaxRowsPerWrite)
            throw new InvalidOperationException($"Case {caseId}: one write of {actions.Count} rows is more than a transaction holds.");
        return actions;
    }

    /// <summary>Records that a staff member raised an event, so that the next request sees it before the case has applied it.</summary>
    public async Task AddPendingRequestAsync(string caseId, PendingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await Cases.AddEntityAsync(CaseRows.RequestEntity(caseId, request), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The case's orchestration was quicker and has recorded the outcome already.
        }
    }

    /// <summary>
    /// The case's history, oldest first: the steps' rows, with each email's delivery from the outbox. One query of the
    /// partition (history and outbox rows). With <paramref name="throughStep"/>, only the steps up to it: the history of
    /// the state read a moment earlier, not of a step recorded since.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string caseId, CancellationToken cancellationToken, int? throughStep = null)
    {
        var (historyRows, emailRows) = (CaseRows.HistoryPrefix, CaseRows.EmailPrefix);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and ((RowKey ge {historyRows} and RowKey lt {"history."}) or (RowKey ge {emailRows} and RowKey lt {"email."}))");
        var steps = new List<HistoryEntry>();
        var deliveries = new List<HistoryEntry>();
        await foreach (var row in Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(CaseRows.HistoryPrefix, StringComparison.Ordinal))
            {
                if (throughStep is null || string.CompareOrdinal(row.RowKey, CaseRows.HistoryKey(throughStep.Value)) <= 0) steps.AddRange(CaseRows.ReadHistory(row));
            }
            else if (CaseRows.SentEntry(row) is { } sent) deliveries.Add(sent);
        }
        // Steps come in step order; an email's delivery goes after what happened before it (a stable sort by time).
        return [.. steps.Concat(deliveries).OrderBy(e => e.At)];
    }

    /// <summary>Whether the case exists, and the hash of the submission that opened it (for an Idempotency-Key's retry).</summary>
    public async Task<(bool Exists, string? BodyHash)> GetBodyHashAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.Notification, select: ["BodyHash"], cancellationToken: cancellationToken);
        return row.HasValue ? (true, row.Value!.GetString("BodyHash")) : (false, null);
    }

    public async Task<string?> GetNotificationJsonAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.Notification, cancellationToken: cancellationToken);
        return row.HasValue ? ChunkedText.Read(row.Value!) : null;
    }

    public async Task<CaseDocument?> GetDocumentAsync(string caseId, string documentId, CancellationToken cancellationToken)
    {
        var row = await Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.DocumentPrefix + documentId, cancellationToken: cancellationToken);
        return row.HasValue ? CaseRows.ReadDocument(row.Value!) : null;
    }

    private static CaseSnapshot Snapshot(TableEntity row) => new(CaseRows.ReadStored(row), row.ETag);
}
