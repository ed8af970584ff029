using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using LumoFlow.App.Orchestration;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Records;

using Email = LumoFlow.Domain.Messaging.Email;

/// <summary>
/// The rows of one case's partition in the <c>Cases</c> table, and how each maps to the domain:
/// <list type="bullet">
/// <item><c>state</c>: the <see cref="StoredCase"/> as one document, plus projections for queries (team, phase,
/// deadlines, overdue flags). Every write of the record replaces it under its ETag.</item>
/// <item><c>notification</c>: the notification as submitted, and the hash of the submission (Idempotency-Key).</item>
/// <item><c>history-NNNNNN</c>: what step NNNNNN caused, one append-only row per step.</item>
/// <item><c>document-…</c>: notes, partner questions and answers, the assessment summary (SHL § 37).</item>
/// <item><c>email-…</c>: the outbox: each email a step queued, and whether it was sent.</item>
/// <item><c>request-…</c>: an event a staff member raised: pending until the case's orchestration applies or refuses it.</item>
/// </list>
/// </summary>
public static class CaseRows
{
    public const string State = "state";
    public const string Notification = "notification";
    public const string HistoryPrefix = "history-";
    public const string DocumentPrefix = "document-";
    public const string EmailPrefix = "email-";
    public const string RequestPrefix = "request-";

    public static string HistoryKey(int step) => $"{HistoryPrefix}{step:D6}";

    public static TableEntity StateEntity(StoredCase stored)
    {
        var state = stored.State;
        var entity = new TableEntity(state.CaseId, State)
        {
            ["Step"] = stored.Step,
            // Projections for the weekly digest's query (administrators' lists read CaseIndex); the document is the truth.
            ["Kind"] = state.Kind,
            ["RuntimeStatus"] = state.RuntimeStatus.ToString(),
            ["Phase"] = state.Phase.ToString(),
            ["TeamId"] = state.TeamId,
            ["CreatedTime"] = state.CreatedTime,
            ["ReceivedAt"] = state.ReceivedAt,
            ["LastUpdatedTime"] = state.LastUpdatedTime,
            ["DecisionDue"] = state.Deadlines?.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["AssessmentDue"] = state.Deadlines?.AssessmentDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["DecisionOverdue"] = state.DecisionOverdue,
            ["AssessmentOverdue"] = state.AssessmentOverdue,
            ["NextTimer"] = stored.Timers.Earliest?.DueAt,
        };
        ChunkedText.Write(entity, JsonSerializer.Serialize(stored, LumoFlowJson.Options), "Doc");
        return entity;
    }

    public static StoredCase ReadStored(TableEntity entity) =>
        JsonSerializer.Deserialize<StoredCase>(ChunkedText.Read(entity, "Doc"), LumoFlowJson.Options)
        ?? throw new InvalidDataException($"Case {entity.PartitionKey} has an empty state row.");

    /// <summary>The notification as submitted, with the hash of the submission when it came with an Idempotency-Key.</summary>
    public static TableEntity NotificationEntity(string caseId, IntakeRecord intake)
    {
        var entity = new TableEntity(caseId, Notification);
        ChunkedText.Write(entity, intake.NotificationJson);
        if (intake.BodyHash is not null) entity["BodyHash"] = intake.BodyHash;
        return entity;
    }

    public static TableEntity HistoryEntity(string caseId, int step, IReadOnlyList<HistoryEntry> entries)
    {
        var entity = new TableEntity(caseId, HistoryKey(step))
        {
            ["EventType"] = entries[0].EventType,
            ["At"] = entries[0].At,
        };
        ChunkedText.Write(entity, JsonSerializer.Serialize(entries, LumoFlowJson.Options), "Entries");
        return entity;
    }

    public static IReadOnlyList<HistoryEntry> ReadHistory(TableEntity entity) =>
        JsonSerializer.Deserialize<List<HistoryEntry>>(ChunkedText.Read(entity, "Entries"), LumoFlowJson.Options) ?? [];

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

    /// <param name="teamId">
    /// The case's team when the email was queued: on-call's hourly cap counts by it (<see cref="LumoFlow.App.Email.OnCallAlerts"/>).
    /// </param>
    public static TableEntity EmailEntity(string caseId, Email email, DateTimeOffset queuedAt, string? teamId = null)
    {
        var entity = new TableEntity(caseId, EmailPrefix + email.Id)
        {
            ["To"] = email.To,
            ["Subject"] = email.Subject,
            ["TextBody"] = email.TextBody,
            ["Kind"] = email.Kind,
            ["QueuedAt"] = queuedAt,
            ["Status"] = OutboxStatus.Queued.ToString(),
        };
        if (teamId is not null) entity["TeamId"] = teamId;
        return entity;
    }

    public static Email ReadEmail(TableEntity entity) => new(
        entity.RowKey[EmailPrefix.Length..],
        entity.GetString("To"),
        entity.GetString("Subject"),
        entity.GetString("TextBody"),
        entity.GetString("Kind"));

    public static OutboxStatus StatusOf(TableEntity email) => Enum.Parse<OutboxStatus>(email.GetString("Status"));

    /// <summary>
    /// An email's delivery as history shows it: once it went out, on its own or in on-call's hourly summary; and while
    /// it is held for that summary.
    /// </summary>
    public static HistoryEntry? SentEntry(TableEntity email)
    {
        var details = new Dictionary<string, string> { ["email"] = email.RowKey[EmailPrefix.Length..], ["kind"] = email.GetString("Kind") };
        return (StatusOf(email), email.GetDateTimeOffset("SentAt"), email.GetDateTimeOffset("HeldAt")) switch
        {
            (OutboxStatus.Sent, { } sentAt, _) => new HistoryEntry("EmailSent", sentAt, "system", details),
            (OutboxStatus.Summarised, { } sentAt, _) => new HistoryEntry("EmailSentInSummary", sentAt, "system", details),
            (OutboxStatus.Held, _, { } heldAt) => new HistoryEntry("EmailHeldForSummary", heldAt, "system", details),
            _ => null,
        };
    }

    /// <summary>Whether the outbox is done with an email: sent on its own, or in on-call's hourly summary.</summary>
    public static bool IsDelivered(OutboxStatus status) => status is OutboxStatus.Sent or OutboxStatus.Summarised;

    public static TableEntity RequestEntity(string caseId, PendingRequest request)
    {
        var entity = new TableEntity(caseId, RequestPrefix + request.Id)
        {
            ["Event"] = request.Message.Event,
            ["RaisedAt"] = request.RaisedAt,
            ["Status"] = RequestStatus.Pending.ToString(),
        };
        ChunkedText.Write(entity, request.Message.Json, "Json");
        return entity;
    }

    public static PendingRequest ReadRequest(TableEntity entity) => new(
        new CaseEventMessage(entity.GetString("Event"), ChunkedText.Read(entity, "Json"), entity.RowKey[RequestPrefix.Length..]),
        entity.GetDateTimeOffset("RaisedAt")!.Value);

    /// <summary>The outcome a step writes onto its request's row (merged: the row may not be there yet).</summary>
    public static TableEntity RequestOutcomeEntity(string caseId, RequestOutcome outcome) => new(caseId, RequestPrefix + outcome.RequestId)
    {
        ["Status"] = (outcome.Applied ? RequestStatus.Applied : RequestStatus.Refused).ToString(),
        ["Reason"] = outcome.Reason,
    };
}

/// <summary>Where an outbox email stands. <c>Sending</c>: claimed by one delivery until <c>ClaimedUntil</c>.</summary>
/// <summary>
/// Where an outbox email stands: waiting, being sent (claimed), sent; or, for an URGENT email to on-call past its
/// team's hourly cap, held for the hour's summary, then sent in it (<see cref="LumoFlow.App.Email.OnCallAlerts"/>).
/// </summary>
public enum OutboxStatus { Queued, Sending, Sent, Held, Summarised }

/// <summary>Where a staff request stands: waiting for the case's orchestration, or applied, or refused.</summary>
public enum RequestStatus { Pending, Applied, Refused }

/// <summary>
/// An event a staff member raised that the case's orchestration has not recorded yet. Its id starts with the time it
/// was raised, so the pending requests of a case read in the order they were raised.
/// </summary>
public sealed record PendingRequest(CaseEventMessage Message, DateTimeOffset RaisedAt)
{
    public string Id => Message.RequestId ?? throw new InvalidOperationException("A request has an id.");

    public static PendingRequest New(CaseEvent caseEvent, DateTimeOffset raisedAt) =>
        new(CaseEventMessage.From(caseEvent, $"{raisedAt.UtcTicks:D19}-{Guid.NewGuid():N}"), raisedAt);
}
