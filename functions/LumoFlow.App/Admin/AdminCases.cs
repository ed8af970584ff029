using System.Globalization;
using LumoFlow.App.Cases;
using LumoFlow.App.Http;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Admin;

/// <summary>One item of the administrators' case list: where the case stands, no child data.</summary>
public sealed record CaseListItem(
    string Id,
    string RuntimeStatus,
    string Phase,
    string Team,
    string? Worker,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    NextDeadline? NextDeadline,
    IReadOnlyList<string> Overdue,
    IReadOnlyList<string> OpenObligations,
    int LinkedCases)
{
    /// <summary>When the notification was received.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>LSL § 26(2): urgency not assessed yet; such cases come first in every list.</summary>
    public bool UrgencyUnassessed { get; init; }

    /// <summary>Whole hours since receipt, when urgency is not assessed yet (what the lists show beside it).</summary>
    public int? HoursSinceReceipt { get; init; }

    /// <summary>LSL § 27: when child-welfare client status began, if it has.</summary>
    public DateTimeOffset? ClientStatusSince { get; init; }
}

public sealed record CaseListPage(IReadOnlyList<CaseListItem> Items, string? ContinuationToken);

/// <summary>One event of Durable's own history of the instance, as a stuck case is diagnosed from it.</summary>
public sealed record EngineEvent(string EventType, DateTimeOffset Timestamp, string? Name, DateTimeOffset? FireAt);

/// <summary>What the engine holds of a case: its status, and its history (null when it cannot be read, with why).</summary>
public sealed record EngineView(
    string? RuntimeStatus, DateTimeOffset? CreatedAt, DateTimeOffset? LastUpdatedAt, DateTimeOffset? PurgedAt,
    IReadOnlyList<EngineEvent>? History, string? HistoryUnavailable);

/// <summary>A control an administrator used, and what came of it.</summary>
public enum ControlResult { Done, NoSuchCase, NotRunning, StillRunning, AlreadyInState }

/// <summary>
/// What administrators see and do, in one place for both the management API and the dashboard (which renders these
/// same results): the case list with its filters, a case with the engine's history beside the domain's, the controls
/// (suspend, resume, purge, bulk purge — terminate and events are the staff endpoints' own), the workload summary and
/// THL's compliance report. Lists and counts come from <see cref="CaseIndex"/>; the engine is asked only what it alone
/// knows: which instances have failed, and an instance's own history.
/// </summary>
public sealed class AdminCases(CaseIndex index, CaseLookup lookup, CaseRecords records, AccessLog accessLog, EngineHistory engineHistory, TimeProvider time)
{
    /// <summary>How many cases one bulk purge handles at most; the answer says when more are left.</summary>
    public const int MaxPurgedPerRequest = 500;

    /// <summary>The access log's partition for reads that span cases (lists, the summary, the report).</summary>
    public const string AcrossCases = "_admin";

    public DateOnly Today => HelsinkiTime.LocalDate(time.GetUtcNow());

    public async Task<CaseListPage> ListAsync(CaseListQuery query, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(AcrossCases, who, "ListCases", cancellationToken);
        var rows = await index.QueryAsync(ServerFilter(query), cancellationToken);
        var failed = await FailedAsync(durable, cancellationToken);
        var today = Today;

        var items = rows
            .Select(r => (Row: r, Status: StatusOf(r, failed), Overdue: r.Overview.OverdueOn(today)))
            .Where(x => query.RuntimeStatuses.Count == 0 || query.RuntimeStatuses.Contains(x.Status))
            .Where(x => query.Overdue switch
            {
                null => true,
                "any" => x.Overdue.Count > 0,
                var kind => x.Overdue.Contains(kind),
            })
            .Select(x => (Key: SortKey(x.Row.Overview, query.OrderBy), x.Row, x.Status, x.Overdue))
            .Where(x => query.After is null || string.CompareOrdinal(x.Key, query.After) > 0)
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Take(query.Top + 1)
            .ToList();
        var now = time.GetUtcNow();
        var page = items.Take(query.Top).Select(x => Item(x.Row.Overview, x.Status, x.Overdue, now)).ToList();
        var token = items.Count > query.Top ? CaseListQuery.EncodeToken(query.OrderBy, items[query.Top - 1].Key) : null;
        return new CaseListPage(page, token);
    }

    /// <summary>The case's status document, its history, the engine's view and who has accessed it; null for no such case.</summary>
    public async Task<AdminCaseDetail?> GetAsync(string id, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken)
    {
        if (await lookup.FindAsync(durable, id, cancellationToken) is not { } found) return null;
        await accessLog.RecordAsync(id, who, "ReadAdminDetail", cancellationToken);

        var instance = await durable.GetInstanceAsync(id, cancellationToken);
        var history = found.Opening is { } opening
            ? opening.Steps.SelectMany(s => s.History).ToList()
            : await records.GetHistoryAsync(id, cancellationToken, throughStep: found.Case.Step);
        var indexed = await index.GetAsync(id, cancellationToken);
        var status = CaseStatusView.Of(found.Case.State, instance?.RuntimeStatus, history);
        if (indexed?.Suspended == true && found.Case.State.IsOpen) status = status with { RuntimeStatus = "Suspended" };
        var engine = new EngineView(instance?.RuntimeStatus.ToString(), instance?.CreatedAt, instance?.LastUpdatedAt, indexed?.EnginePurgedAt,
            null, null);
        if (instance is null)
            engine = engine with
            {
                HistoryUnavailable = indexed?.EnginePurgedAt is null ? "The engine holds no instance of this case." : "The engine's history was purged.",
            };
        else
            engine = engine with { History = await engineHistory.ReadAsync(id, cancellationToken) };
        var overview = CaseOverview.Of(found.Case.State);
        return new AdminCaseDetail(status, overview.NextDeadline, overview.OverdueOn(Today), indexed?.Suspended ?? false, engine,
            await accessLog.ForCaseAsync(id, cancellationToken));
    }

    /// <summary>
    /// Durable's suspend. Only a running case: the record says whether it has ended (a termination is in the record before
    /// its answer, while the engine may not have applied it yet), the engine whether it is suspended already — or the
    /// index, which knows at once while the engine applies a suspension a moment later.
    /// </summary>
    public async Task<ControlResult> SuspendAsync(string id, string reason, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken)
    {
        if (await RunningAsync(id, durable, cancellationToken) is not ({ } instance, var indexed))
            return await EndedOrUnknownAsync(id, durable, cancellationToken);
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended || indexed?.Suspended == true) return ControlResult.AlreadyInState;
        await accessLog.RecordAsync(id, who, "Suspend", cancellationToken, reason);
        await durable.SuspendInstanceAsync(id, reason, cancellationToken);
        await index.SetSuspendedAsync(id, true, cancellationToken);
        return ControlResult.Done;
    }

    public async Task<ControlResult> ResumeAsync(string id, string reason, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken)
    {
        if (await RunningAsync(id, durable, cancellationToken) is not ({ } instance, var indexed))
            return await EndedOrUnknownAsync(id, durable, cancellationToken);
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Suspended && indexed?.Suspended != true) return ControlResult.AlreadyInState;
        await accessLog.RecordAsync(id, who, "Resume", cancellationToken, reason);
        await durable.ResumeInstanceAsync(id, reason, cancellationToken);
        await index.SetSuspendedAsync(id, false, cancellationToken);
        return ControlResult.Done;
    }

    /// <summary>The engine's instance and the index row of a case that is still open; (null, _) for an ended or unknown one.</summary>
    private async Task<(OrchestrationMetadata? Instance, IndexedCase? Indexed)> RunningAsync(
        string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var indexed = await index.GetAsync(id, cancellationToken);
        if (indexed is { Overview.IsOpen: false }) return (null, indexed);
        var instance = await durable.GetInstanceAsync(id, cancellationToken);
        return instance is { IsCompleted: false } ? (instance, indexed) : (null, indexed);
    }

    private async Task<ControlResult> EndedOrUnknownAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        await KnownAsync(id, durable, cancellationToken) ? ControlResult.NotRunning : ControlResult.NoSuchCase;

    /// <summary>
    /// Deletes the engine's history of an ended case. The case record — notification, history, documents, access log —
    /// is LumoFlow's and stays (client-data act 703/2023). A running (or suspended) case is refused.
    /// </summary>
    public async Task<ControlResult> PurgeAsync(string id, string reason, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(id, cancellationToken);
        if (instance is null) return await KnownAsync(id, durable, cancellationToken) ? ControlResult.AlreadyInState : ControlResult.NoSuchCase;
        if (!instance.IsCompleted) return ControlResult.StillRunning;
        await accessLog.RecordAsync(id, who, "PurgeEngineHistory", cancellationToken, reason);
        await durable.PurgeInstanceAsync(id, cancellation: cancellationToken);
        await index.SetEnginePurgedAsync(id, time.GetUtcNow(), cancellationToken);
        return ControlResult.Done;
    }

    /// <summary>
    /// Purges the engine history of the cases that ended more than <paramref name="days"/> days ago, at most
    /// <paramref name="max"/> (<see cref="MaxPurgedPerRequest"/> unless said), each access-logged with the reason; the
    /// answer says whether more are left. A case purged already (by another instance a moment before) counts as purged.
    /// </summary>
    public async Task<BulkPurgeResult> PurgeEndedAsync(
        int days, string reason, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken, int max = MaxPurgedPerRequest)
    {
        var before = time.GetUtcNow().AddDays(-days);
        var ended = (await index.QueryAsync(
                $"RuntimeStatus ne 'Running' and LastUpdatedTime lt datetime'{Utc(before)}'", cancellationToken))
            .Where(r => r.EnginePurgedAt is null).Select(r => r.Overview.CaseId).Order(StringComparer.Ordinal).ToList();
        var purged = new List<string>();
        foreach (var id in ended.Take(max))
            if (await PurgeAsync(id, reason, durable, who, cancellationToken) is ControlResult.Done or ControlResult.AlreadyInState)
                purged.Add(id);
        return new BulkPurgeResult(days, purged, More: ended.Count > max);
    }

    public async Task<WorkloadSummary> SummaryAsync(StaffIdentity who, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(AcrossCases, who, "ReadSummary", cancellationToken);
        var open = await index.QueryAsync("RuntimeStatus eq 'Running'", cancellationToken);
        return WorkloadSummary.Compute(open.Select(r => r.Overview), Today);
    }

    public async Task<ComplianceReport> ComplianceAsync(ReportPeriod period, StaffIdentity who, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(AcrossCases, who, $"ReadComplianceReport:{period.Name}", cancellationToken);
        var rows = await index.QueryAsync(null, cancellationToken);
        return ComplianceReport.Compute(rows.Select(r => r.Facts), period, Today);
    }

    private async Task<bool> KnownAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        await lookup.FindAsync(durable, id, cancellationToken) is not null;

    /// <summary>The engine alone knows that an instance failed; typically none have.</summary>
    private static async Task<HashSet<string>> FailedAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed] };
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            failed.Add(instance.InstanceId);
        return failed;
    }

    private static string StatusOf(IndexedCase row, HashSet<string> failed) =>
        failed.Contains(row.Overview.CaseId) ? "Failed"
        : row.Suspended && row.Overview.IsOpen ? "Suspended"
        : row.Overview.RuntimeStatus.ToString();

    /// <summary>What the index can filter itself; the rest (overdue on today's date, engine statuses) is done in memory.</summary>
    private static string? ServerFilter(CaseListQuery query)
    {
        var parts = new List<string>();
        if (query.Phase is { } phase) parts.Add($"Phase eq '{phase}'");
        if (query.Team is { } team) parts.Add($"TeamId eq '{team.Replace("'", "''")}'");
        if (query.Overdue is not null || (query.RuntimeStatuses.Count > 0 && query.RuntimeStatuses.All(s => s is "Running" or "Suspended" or "Failed")))
            parts.Add("RuntimeStatus eq 'Running'");
        if (query.CreatedFrom is { } from) parts.Add($"CreatedTime ge datetime'{Utc(HelsinkiTime.StartOfDay(from))}'");
        if (query.CreatedTo is { } to) parts.Add($"CreatedTime lt datetime'{Utc(HelsinkiTime.StartOfDay(to.AddDays(1)))}'");
        if (query.DueBefore is { } due) parts.Add($"NextDeadline le '{CaseIndex.Date(due)}'");
        if (query.Q is { } q) parts.Add($"PartitionKey ge '{q}' and PartitionKey lt '{q}~'");
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// One ordinal string per case, in list order. First every open case whose urgency is not assessed (LSL § 26(2)),
    /// the longest waiting first; then by next deadline (soonest first, none last; then oldest first), or by created
    /// time (newest first). The case id last makes each key unique, so a continuation token is a position.
    /// </summary>
    private static string SortKey(CaseOverview c, string orderBy)
    {
        static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
        if (c.UrgencyUnassessed) return $"0|{Ticks(c.ReceivedAt.UtcTicks)}|{c.CaseId}";
        return orderBy == CaseListQuery.ByCreatedTime
            ? $"1|{Ticks(DateTimeOffset.MaxValue.UtcTicks - c.CreatedTime.UtcTicks)}|{c.CaseId}"
            : $"1|{CaseIndex.Date(c.NextDeadline?.Date) ?? "9999-12-31"}|{Ticks(c.CreatedTime.UtcTicks)}|{c.CaseId}";
    }

    private static CaseListItem Item(CaseOverview c, string status, IReadOnlyList<string> overdue, DateTimeOffset now) => new(
        c.CaseId, status, c.Phase.ToString(), c.TeamId, c.Worker, c.CreatedTime, c.LastUpdatedTime, c.NextDeadline, overdue, c.OpenObligations, c.LinkedCases)
    {
        ReceivedAt = c.ReceivedAt,
        UrgencyUnassessed = c.UrgencyUnassessed,
        HoursSinceReceipt = c.UrgencyUnassessed ? c.HoursSinceReceipt(now) : null,
        ClientStatusSince = c.ClientStatusSince,
    };
}

/// <summary>What <c>GET /api/admin/cases/{id}</c> gives: the status document and more.</summary>
public sealed record AdminCaseDetail(
    CaseStatusView Status, NextDeadline? NextDeadline, IReadOnlyList<string> Overdue, bool Suspended, EngineView Engine,
    IReadOnlyList<AccessLogEntry> AccessLog);

public sealed record BulkPurgeResult(int EndedMoreThanDays, IReadOnlyList<string> Purged, bool More);
