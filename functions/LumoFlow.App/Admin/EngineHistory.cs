using Azure.Data.Tables;

namespace LumoFlow.App.Admin;

/// <summary>
/// Durable's own history of an instance, read from the task hub's <c>{hub}History</c> table — the Azure Storage
/// backend's, which both hosts use, and which Durable Functions Monitor reads too. (The SDK's
/// <c>GetOrchestrationHistoryAsync</c> goes through the gRPC sidecar, whose preview build returns no events.) Read
/// only, for diagnosis: one row per history event, in order, with its time; inputs and outputs are not read, so no case
/// data comes with it.
/// </summary>
public sealed class EngineHistory(TableServiceClient service, string taskHub)
{
    public const string DefaultTaskHub = "LumoFlow";

    public async Task<IReadOnlyList<EngineEvent>> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(taskHub + "History");
        var events = new List<(string RowKey, EngineEvent Event)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"),
                           select: ["RowKey", "EventType", "Timestamp", "_Timestamp", "Name", "FireAt"], cancellationToken: cancellationToken))
        {
            if (row.GetString("EventType") is not { } type) continue; // the sentinel row
            var at = row.GetDateTimeOffset("_Timestamp") ?? row.GetDateTimeOffset("Timestamp") ?? row.Timestamp ?? DateTimeOffset.MinValue;
            events.Add((row.RowKey, new EngineEvent(type, at.ToUniversalTime(), row.GetString("Name"), row.GetDateTimeOffset("FireAt")?.ToUniversalTime())));
        }
        return [.. events.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(e => e.Event)];
    }
}
