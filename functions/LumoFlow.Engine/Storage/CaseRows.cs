using System.Text.Json;
using Azure.Data.Tables;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Engine.Storage;

using Email = LumoFlow.Domain.Messaging.Email;

/// <summary>
/// The rows of one case partition in the <c>Cases</c> table, and how each maps to the domain.
/// Row keys are chosen so that one range query (<see cref="WorkingSetFrom"/>…<see cref="WorkingSetTo"/>)
/// returns the state, the outbox and the timers, but not the history or the notification.
/// </summary>
public static class CaseRows
{
    public const string State = "state";
    public const string Notification = "notification";
    public const string HistoryPrefix = "history-";
    public const string OutboxPrefix = "outbox-";
    public const string TimerPrefix = "timer-";
    public const string DocumentPrefix = "document-";

    /// <summary>Inclusive lower bound of the working set: the outbox rows come first…</summary>
    public const string WorkingSetFrom = OutboxPrefix;
    /// <summary>…then <c>state</c>, then the <c>timer-</c> rows ('.' sorts right after '-').</summary>
    public const string WorkingSetTo = "timer.";

    public static string HistoryKey(int sequence) => $"{HistoryPrefix}{sequence:D6}";

    public static TableEntity StateEntity(CaseState state, int historyCount, AlarmKey? alarm, string? bodyHash)
    {
        var entity = new TableEntity(state.CaseId, State)
        {
            ["State"] = JsonSerializer.Serialize(state, EngineJson.Options),
            ["HistoryCount"] = historyCount,
            ["AlarmPartition"] = alarm?.PartitionKey,
            ["AlarmRow"] = alarm?.RowKey,
            // Projections for administrators' queries; the State document is the truth.
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
        if (bodyHash is not null) entity["BodyHash"] = bodyHash;
        return entity;
    }

    public static CaseState ReadState(TableEntity entity) =>
        JsonSerializer.Deserialize<CaseState>(entity.GetString("State"), EngineJson.Options)
        ?? throw new InvalidDataException($"Case {entity.PartitionKey} has an empty state row.");

    public static AlarmKey? ReadAlarm(TableEntity entity) =>
        entity.GetString("AlarmPartition") is { } partition && entity.GetString("AlarmRow") is { } row
            ? new AlarmKey(partition, row)
            : null;

    public static TableEntity HistoryEntity(string caseId, int sequence, HistoryEntry entry) => new(caseId, HistoryKey(sequence))
    {
        ["EventType"] = entry.EventType,
        ["At"] = entry.At,
        ["Actor"] = entry.Actor,
        ["Details"] = entry.Details is null ? null : JsonSerializer.Serialize(entry.Details, EngineJson.Options),
    };

    public static HistoryEntry ReadHistory(TableEntity entity) => new(
        entity.GetString("EventType"),
        entity.GetDateTimeOffset("At")!.Value,
        entity.GetString("Actor"),
        entity.GetString("Details") is { } details
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(details, EngineJson.Options)
            : null);

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

    public static TableEntity TimerEntity(string caseId, DurableTimer timer) => new(caseId, TimerPrefix + timer.Name)
    {
        ["DueAt"] = timer.DueAt,
    };

    public static DurableTimer ReadTimer(TableEntity entity) =>
        new(entity.RowKey[TimerPrefix.Length..], entity.GetDateTimeOffset("DueAt")!.Value);

    public static TableEntity OutboxEntity(string caseId, Email email) => new(caseId, OutboxPrefix + email.Id)
    {
        ["To"] = email.To,
        ["Subject"] = email.Subject,
        ["TextBody"] = email.TextBody,
        ["Kind"] = email.Kind,
    };

    public static Email ReadOutbox(TableEntity entity) => new(
        entity.RowKey[OutboxPrefix.Length..],
        entity.GetString("To"),
        entity.GetString("Subject"),
        entity.GetString("TextBody"),
        entity.GetString("Kind"));
}
