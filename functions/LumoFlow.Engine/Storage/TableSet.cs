using Azure.Data.Tables;

namespace LumoFlow.Engine.Storage;

/// <summary>
/// The tables LumoFlow keeps everything in (no queues, no blobs — see platform.md):
/// <list type="bullet">
/// <item><c>Cases</c>: one partition per case — state, notification, history, timers, outbox.</item>
/// <item><c>CaseAlarms</c>: one row per case at its next wake-up time, read by the sweeper.</item>
/// <item><c>ChildIndex</c>: keyed by a keyed hash of the child's identity code, to link a new notification to an open case.</item>
/// <item><c>AccessLog</c>: who read which case, when (client-data act 703/2023).</item>
/// <item><c>TeamDigests</c>: one row per team and week for the weekly overdue digest.</item>
/// </list>
/// </summary>
public sealed class TableSet(TableServiceClient service, string prefix = "")
{
    public TableClient Cases { get; } = service.GetTableClient(prefix + "Cases");
    public TableClient Alarms { get; } = service.GetTableClient(prefix + "CaseAlarms");
    public TableClient ChildIndex { get; } = service.GetTableClient(prefix + "ChildIndex");
    public TableClient AccessLog { get; } = service.GetTableClient(prefix + "AccessLog");
    public TableClient Digests { get; } = service.GetTableClient(prefix + "TeamDigests");

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Cases, Alarms, ChildIndex, AccessLog, Digests })
            await table.CreateIfNotExistsAsync(cancellationToken);
    }
}
