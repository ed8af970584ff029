using System.Text.Json;
using Azure.Data.Tables;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Engine.Storage;

using Email = LumoFlow.Domain.Messaging.Email;

/// <summary>
/// What the state row holds: the workflow's state, its pending timers and its outbox, as one document; and the
/// case's newest history rows while they have no row of their own yet (<see cref="CaseRows.HistoryTailFits"/>).
/// </summary>
/// <param name="HistoryTail">
/// History rows numbered after the last one written as a <c>history-NNNNNN</c> row, oldest first; null when none.
/// </param>
public sealed record StoredCase(CaseState State, IReadOnlyList<DurableTimer> Timers, IReadOnlyList<Email> Outbox,
    IReadOnlyList<IReadOnlyList<HistoryEntry>>? HistoryTail = null);

/// <summary>
/// The rows of one case partition in the <c>Cases</c> table, and how each maps to the domain:
/// <list type="bullet">
/// <item><c>state</c>: the workflow state with its pending timers and outbox — everything an event or a wake-up
/// needs, in one point read, rewritten whole on each change (ETag-guarded); plus projections for queries.</item>
/// <item><c>notification</c>: the notification as submitted.</item>
/// <item><c>history-NNNNNN</c>: one append-only row per event, holding what it caused. The newest few ride in the
/// state row until a commit that writes other rows anyway, or one that would make the tail too long, writes them out
/// (<see cref="HistoryTailFits"/>).</item>
/// <item><c>document-…</c>: notes, partner questions and answers, the assessment summary.</item>
/// </list>
/// Why timers and outbox live in the state row rather than rows of their own (platform.md's first sketch): they
/// are always read and written together with the state, so separate rows only made every transaction larger.
/// </summary>
public static class CaseRows
{
    public const string State = "state";
    public const string Notification = "notification";
    public const string HistoryPrefix = "history-";
    public const string DocumentPrefix = "document-";

    public static string HistoryKey(int sequence) => $"{HistoryPrefix}{sequence:D6}";

    /// <summary>At most this many history rows ride in the state row (<see cref="StoredCase.HistoryTail"/>)…</summary>
    public const int HistoryTailRows = 4;

    /// <summary>…holding at most this many characters of JSON, so that the row every event reads stays small.</summary>
    public const int HistoryTailChars = 8_000;

    /// <summary>
    /// Whether these history rows — the stored tail and an event's new rows — may ride in the state row, so that an
    /// event which writes nothing else is a single-entity update rather than an entity-group transaction. Either is
    /// one ETag-guarded request in Azure; Azurite spends about twice as long on a transaction (docs/performance.md).
    /// </summary>
    public static bool HistoryTailFits(IReadOnlyList<IReadOnlyList<HistoryEntry>> rows) =>
        rows.Count <= HistoryTailRows && JsonSerializer.Serialize(rows, EngineJson.Options).Length <= HistoryTailChars;

    public static TableEntity StateEntity(StoredCase stored, int historyRows, CaseAlarms alarms, string? bodyHash, IntakeRows? intake = null)
    {
        var state = stored.State;
        var entity = new TableEntity(state.CaseId, State)
        {
            ["HistoryRows"] = historyRows,
            // Empty, not null, when absent: a merge update leaves out null properties, which would keep the old key.
            ["AlarmPartition"] = alarms.Timer?.PartitionKey ?? "",
            ["AlarmRow"] = alarms.Timer?.RowKey ?? "",
            ["ImmediateAlarmPartition"] = alarms.Immediate?.PartitionKey ?? "",
            ["ImmediateAlarmRow"] = alarms.Immediate?.RowKey ?? "",
            // Projections for administrators' queries; the document is the truth.
            ["Kind"] = state.Kind,
            ["RuntimeStatus"] = state.RuntimeStatus.ToString(),
            ["Phase"] = state.Phase.ToString(),
            ["TeamId"] = state.TeamId,
            ["CreatedTime"] = state.CreatedTime,
            ["LastUpdatedTime"] = state.LastUpdatedTime,
            ["DecisionDue"] = state.Deadlines?.DecisionDue.ToString("yyyy-MM-dd"),
            ["AssessmentDue"] = state.Deadlines?.AssessmentDue.ToString("yyyy-MM-dd"),
            ["DecisionOverdue"] = state.DecisionOverdue,
            ["AssessmentOverdue"] = state.AssessmentOverdue,
        };
        ChunkedText.Write(entity, JsonSerializer.Serialize(stored, EngineJson.Options), "Doc");
        if (bodyHash is not null) entity["BodyHash"] = bodyHash;
        if (intake is not null) ChunkedText.Write(entity, intake.NotificationJson, "IntakeNotification");
        return entity;
    }

    /// <summary>
    /// The properties of a state row, as written or as read, without the keys and the service's own (ETag, Timestamp).
    /// A null value is not stored, so it is not counted.
    /// </summary>
    public static IReadOnlySet<string> PropertiesOf(TableEntity entity) =>
        entity.Where(p => p.Value is not null && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp") && !p.Key.StartsWith("odata.", StringComparison.Ordinal))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The intake notification still riding in a state row, if any.</summary>
    public static IntakeRows? ReadIntake(TableEntity entity) =>
        entity.GetInt32("IntakeNotificationChunks") is > 0
            ? new IntakeRows(ChunkedText.Read(entity, "IntakeNotification"))
            : null;

    public static TableEntity NotificationEntity(string caseId, string notificationJson)
    {
        var entity = new TableEntity(caseId, Notification);
        ChunkedText.Write(entity, notificationJson);
        return entity;
    }

    public static StoredCase ReadStored(TableEntity entity) =>
        JsonSerializer.Deserialize<StoredCase>(ChunkedText.Read(entity, "Doc"), EngineJson.Options)
        ?? throw new InvalidDataException($"Case {entity.PartitionKey} has an empty state row.");

    public static CaseState ReadState(TableEntity entity) => ReadStored(entity).State;

    public static CaseAlarms ReadAlarms(TableEntity entity) => new(
        Key(entity.GetString("AlarmPartition"), entity.GetString("AlarmRow")),
        Key(entity.GetString("ImmediateAlarmPartition"), entity.GetString("ImmediateAlarmRow")));

    private static AlarmKey? Key(string? partition, string? row) => !string.IsNullOrEmpty(partition) && !string.IsNullOrEmpty(row) ? new AlarmKey(partition, row) : null;

    public static TableEntity HistoryEntity(string caseId, int sequence, IReadOnlyList<HistoryEntry> entries)
    {
        var entity = new TableEntity(caseId, HistoryKey(sequence))
        {
            ["EventType"] = entries[0].EventType,
            ["At"] = entries[0].At,
        };
        ChunkedText.Write(entity, JsonSerializer.Serialize(entries, EngineJson.Options), "Entries");
        return entity;
    }

    public static IReadOnlyList<HistoryEntry> ReadHistory(TableEntity entity) =>
        JsonSerializer.Deserialize<List<HistoryEntry>>(ChunkedText.Read(entity, "Entries"), EngineJson.Options) ?? [];

    public static TableEntity DocumentEntity(string caseId, CaseDocument document)
    {
        var entity = new TableEntity(caseId, DocumentPrefix + document.Id)
        {
            ["Kind"] = document.Kind,
            ["Author"] = document.Author,
            ["At"] = document.At,
        };
        ChunkedText.Write(entity, document.Text);
        return entity;
    }

    public static CaseDocument ReadDocument(TableEntity entity) => new(
        entity.RowKey[DocumentPrefix.Length..],
        entity.GetString("Kind"),
        ChunkedText.Read(entity),
        entity.GetString("Author"),
        entity.GetDateTimeOffset("At")!.Value);
}

/// <summary>
/// A case's alarm rows: <see cref="Timer"/> at its earliest pending timer, and <see cref="Immediate"/> while it has work
/// to do now — email in its outbox, children to look up — the safety net for the in-process poke. Two rows, so
/// delivering an email never moves the timer alarm.
/// </summary>
public sealed record CaseAlarms(AlarmKey? Timer, AlarmKey? Immediate)
{
    public static readonly CaseAlarms None = new(null, null);
    public bool Contains(AlarmKey key) => key == Timer || key == Immediate;
}
