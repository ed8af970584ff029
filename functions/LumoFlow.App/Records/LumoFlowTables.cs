using Azure.Data.Tables;

namespace LumoFlow.App.Records;

/// <summary>
/// LumoFlow's own tables: the client record, kept whatever happens to the Durable task hub's history (client-data act
/// 703/2023 requires child-welfare records to be kept; task hubs are purged to stay fast).
/// <list type="bullet">
/// <item><c>Cases</c>: one partition per case — the notification, the state, the history, documents, outbox emails and
/// staff requests (<see cref="CaseRows"/>).</item>
/// <item><c>CaseIndex</c>: one small row per case for administrators' lists, the workload view and THL's report
/// (<see cref="Records.CaseIndex"/>); a projection of the state row.</item>
/// <item><c>ChildIndex</c>: keyed by a keyed hash of the child's identity code, to link a new notification to an open case.</item>
/// <item><c>AccessLog</c>: who read or changed which case, when.</item>
/// <item><c>TeamDigests</c>: one row per team and week for the weekly overdue digest.</item>
/// <item><c>DeadlineChecks</c>: the daily deadline check's reports, newest first, and the claim of each day's run (<see cref="Checks.DeadlineChecks"/>).</item>
/// <item><c>OnCallAlerts</c>: each team's count of URGENT emails to on-call per hour, and the ones held past the cap for
/// the hour's summary (<see cref="Email.OnCallAlerts"/>).</item>
/// <item><c>StaffSessions</c>: the staff's browser sessions, each by the hash of its id (<see cref="Auth.StaffSessions"/>).</item>
/// <item><c>DataProtectionKeys</c>: the key ring of the anti-forgery tokens, shared by every instance (<see cref="Auth.TableKeyRepository"/>).</item>
/// </list>
/// </summary>
public sealed class LumoFlowTables(TableServiceClient service, string prefix = "")
{
    /// <summary>The storage account's table service (Durable's task hub tables are in the same account).</summary>
    public TableServiceClient Service { get; } = service;
    public TableClient Cases { get; } = service.GetTableClient(prefix + "Cases");
    public TableClient CaseIndex { get; } = service.GetTableClient(prefix + "CaseIndex");
    public TableClient ChildIndex { get; } = service.GetTableClient(prefix + "ChildIndex");
    public TableClient AccessLog { get; } = service.GetTableClient(prefix + "AccessLog");
    public TableClient Digests { get; } = service.GetTableClient(prefix + "TeamDigests");
    public TableClient DataProtectionKeys { get; } = service.GetTableClient(prefix + "DataProtectionKeys");
    public TableClient DeadlineChecks { get; } = service.GetTableClient(prefix + "DeadlineChecks");
    public TableClient OnCallAlerts { get; } = service.GetTableClient(prefix + "OnCallAlerts");
    public TableClient StaffSessions { get; } = service.GetTableClient(prefix + "StaffSessions");

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Cases, CaseIndex, ChildIndex, AccessLog, Digests, DataProtectionKeys, DeadlineChecks, OnCallAlerts, StaffSessions })
            await table.CreateIfNotExistsAsync(cancellationToken);
    }
}
