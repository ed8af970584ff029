using System.Text.Json;
using Azure.Data.Tables;
using LumoFlow.App.Http;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Cases;

/// <summary>
/// LSL § 25 d: what the region a child moved to needs to continue the assessment — the notification, the history, the
/// documents, and the original time of receipt, so that it registers the case with its original pending date
/// (<c>receivedAt</c>). Read for staff of the case's team, access-logged.
/// </summary>
/// <param name="PendingSince">The day the case became pending (the day of receipt, or the birth: LSL § 25 c).</param>
/// <param name="Notification">The notification as submitted (JSON); null while only the engine holds the opening.</param>
public sealed record TransferPackage(
    string CaseId, DateTimeOffset ReceivedAt, DateOnly? PendingSince, DateOnly? DecisionDue, DateOnly? AssessmentDue, string Phase,
    string? TransferredTo, DateTimeOffset? TransferredAt, JsonElement? Notification, IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<CaseDocument> Documents);

public enum TransferPackageRead { Found, NoSuchCase, OtherTeam }

public sealed class TransferPackages(CaseLookup lookup, CaseEventGate gate, CaseRecords records, LumoFlowTables tables, AccessLog accessLog)
{
    public async Task<(TransferPackageRead Read, TransferPackage? Package)> ReadAsync(string id, DurableTaskClient durable, StaffIdentity who,
        CancellationToken cancellationToken)
    {
        if (!CaseIds.IsWellFormed(id) || await lookup.FindAsync(durable, id, cancellationToken) is not { } found) return (TransferPackageRead.NoSuchCase, null);
        if (!who.MayWorkTeam(found.Case.State.TeamId)) return (TransferPackageRead.OtherTeam, null);
        await accessLog.RecordAsync(id, who, "ReadTransferPackage", cancellationToken);

        var state = gate.CurrentState(found);
        var notification = await records.GetNotificationJsonAsync(id, cancellationToken) is { } json ? ThisChildOnly(json, state.ChildNumber) : (JsonElement?)null;
        var history = await records.GetHistoryAsync(id, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {CaseRows.DocumentPrefix} and RowKey lt {"document."}");
        var documents = new List<CaseDocument>();
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            documents.Add(CaseRows.ReadDocument(row));
        return (TransferPackageRead.Found, new TransferPackage(
            id, state.ReceivedAt, state.Deadlines?.ReceivedOn, state.Deadlines?.DecisionDue, state.Deadlines?.AssessmentDue,
            (state.IsOpen ? state.Phase : CasePhase.Closed).ToString(), state.Transfer?.Region, state.Transfer?.At, notification, history,
            [.. documents.OrderBy(d => d.At)]));
    }

    /// <summary>
    /// A case concerns one child: the notification as this child's case holds it — its own entry of the children, not
    /// the siblings' (they have cases of their own); the rest (notifier, guardians, concern) as submitted.
    /// </summary>
    private static JsonElement ThisChildOnly(string notificationJson, int childNumber)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(notificationJson)!.AsObject();
        if (node["children"] is System.Text.Json.Nodes.JsonArray children && childNumber < children.Count)
            node["children"] = new System.Text.Json.Nodes.JsonArray(children[childNumber]!.DeepClone());
        return JsonSerializer.SerializeToElement(node);
    }
}
