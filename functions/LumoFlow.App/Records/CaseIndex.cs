using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Records;

/// <summary>
/// One small row per case in the <c>CaseIndex</c> table: what administrators list, filter and count by (the
/// <see cref="CaseOverview"/>) and the facts THL's compliance report counts (<see cref="ComplianceCase"/>) — no child
/// data. The <c>Cases</c> table keeps the record; this row is a projection of its state row, rewritten after every write
/// of the record, so listing 10,000 cases reads 10,000 small rows rather than every row of every case.
/// <para>A projection lags its record by the moment between the two writes; a write that is repeated (a retried activity)
/// rewrites it, and a row never goes back to an older step (the step number orders them). Engine-only facts — that an
/// administrator suspended the instance — are columns of their own, which the projection leaves alone.</para>
/// </summary>
public sealed class CaseIndex(TableClient table)
{
    public const string RowKey = "case";

    public TableClient Table => table;

    /// <summary>
    /// Brings the case's row up to <paramref name="stored"/>, unless it already shows that step or a later one, and
    /// returns the row's ETag. In one request when the writer knows where the row is: <paramref name="knownETag"/>, the
    /// ETag its last write left (the case's orchestration carries it), or <paramref name="isNew"/> for a case's first
    /// write. Otherwise — or when someone else wrote the row since — it reads the row's step first.
    /// </summary>
    public async Task<string?> UpdateAsync(StoredCase stored, string? knownETag, bool isNew, CancellationToken cancellationToken)
    {
        var entity = Entity(stored);
        try
        {
            if (knownETag is not null)
                return (await table.UpdateEntityAsync(entity, new ETag(knownETag), TableUpdateMode.Merge, cancellationToken)).Headers.ETag?.ToString();
            if (isNew)
                return (await table.AddEntityAsync(entity, cancellationToken)).Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            // Someone else wrote the row since (a termination, a suspension, a retry): see below.
        }
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, RowKey, ["Step"], cancellationToken);
            try
            {
                if (!existing.HasValue) return (await table.AddEntityAsync(entity, cancellationToken)).Headers.ETag?.ToString();
                if ((existing.Value!.GetInt32("Step") ?? 0) >= stored.Step) return existing.Value.ETag.ToString();
                return (await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Merge, cancellationToken)).Headers.ETag?.ToString();
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another write of the row got in between: look again.
            }
        }
    }

    /// <summary>Notes that the engine has the instance suspended (or no longer).</summary>
    public async Task SetSuspendedAsync(string caseId, bool suspended, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(caseId, RowKey) { ["Suspended"] = suspended }, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Notes that the engine's history of the instance was purged, and when.</summary>
    public async Task SetEnginePurgedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(caseId, RowKey) { ["EnginePurgedAt"] = at }, TableUpdateMode.Merge, cancellationToken);

    public async Task<IndexedCase?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.ContainsKey("Step") ? Read(row.Value) : null;
    }

    /// <summary>The rows that pass <paramref name="filter"/> (an OData filter over the columns below; null for all).</summary>
    public async Task<List<IndexedCase>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var rows = new List<IndexedCase>();
        var where = filter is null ? "Step ge 1" : $"Step ge 1 and ({filter})";
        await foreach (var row in table.QueryAsync<TableEntity>(where, maxPerPage: 1000, cancellationToken: cancellationToken))
            rows.Add(Read(row));
        return rows;
    }

    private static TableEntity Entity(StoredCase stored)
    {
        var state = stored.State;
        var overview = CaseOverview.Of(state);
        var facts = ComplianceCase.Of(state);
        return new TableEntity(state.CaseId, RowKey)
        {
            ["Step"] = stored.Step,
            ["RuntimeStatus"] = state.RuntimeStatus.ToString(),
            ["Phase"] = state.Phase.ToString(),
            ["TeamId"] = state.TeamId,
            ["Worker"] = state.WorkerEmail,
            ["CreatedTime"] = state.CreatedTime,
            ["ReceivedAt"] = state.ReceivedAt,
            ["LastUpdatedTime"] = state.LastUpdatedTime,
            ["DecisionDue"] = Date(overview.DecisionDue),
            ["AssessmentDue"] = Date(overview.AssessmentDue),
            ["NextDeadlineKind"] = overview.NextDeadline?.Kind,
            ["NextDeadline"] = Date(overview.NextDeadline?.Date),
            ["DecisionOverdue"] = state.DecisionOverdue,
            ["AssessmentOverdue"] = state.AssessmentOverdue,
            ["OpenObligations"] = string.Join(",", overview.OpenObligations),
            ["LinkedCases"] = overview.LinkedCases,
            ["PendingOn"] = Date(facts.PendingOn),
            ["DecidedOn"] = Date(facts.DecidedOn),
            ["AssessmentStarted"] = facts.AssessmentStarted,
            ["AssessmentCompletedOn"] = Date(facts.AssessmentCompletedOn),
            ["EndedOn"] = Date(facts.EndedOn),
            ["Open"] = facts.Open,
            ["ClientStatusSince"] = overview.ClientStatusSince,
        };
    }

    private static IndexedCase Read(TableEntity row)
    {
        var status = Enum.Parse<RuntimeStatus>(row.GetString("RuntimeStatus"));
        var overview = new CaseOverview(
            row.PartitionKey,
            status,
            Enum.Parse<CasePhase>(row.GetString("Phase")),
            row.GetString("TeamId"),
            row.GetString("Worker"),
            row.GetDateTimeOffset("CreatedTime")!.Value,
            row.GetDateTimeOffset("LastUpdatedTime")!.Value,
            Date(row.GetString("DecisionDue")),
            Date(row.GetString("AssessmentDue")),
            row.GetBoolean("DecisionOverdue") ?? false,
            row.GetBoolean("AssessmentOverdue") ?? false,
            row.GetString("OpenObligations") is { Length: > 0 } open ? open.Split(',') : [],
            row.GetInt32("LinkedCases") ?? 0)
        {
            ReceivedAt = row.GetDateTimeOffset("ReceivedAt") ?? row.GetDateTimeOffset("CreatedTime")!.Value,
            ClientStatusSince = row.GetDateTimeOffset("ClientStatusSince"),
        };
        var facts = new ComplianceCase(
            row.PartitionKey,
            overview.TeamId,
            Date(row.GetString("PendingOn")),
            overview.DecisionDue,
            Date(row.GetString("DecidedOn")),
            row.GetBoolean("AssessmentStarted") ?? false,
            overview.AssessmentDue,
            Date(row.GetString("AssessmentCompletedOn")),
            row.GetBoolean("Open") ?? overview.IsOpen)
        {
            EndedOn = Date(row.GetString("EndedOn")),
        };
        return new IndexedCase(overview, facts, row.GetBoolean("Suspended") ?? false, row.GetDateTimeOffset("EnginePurgedAt"));
    }

    /// <summary>Dates are kept as <c>yyyy-MM-dd</c> text, which sorts and compares (<c>lt</c>, <c>le</c>) as dates do.</summary>
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd");
}

/// <summary>A case's index row, read back.</summary>
public sealed record IndexedCase(CaseOverview Overview, ComplianceCase Facts, bool Suspended, DateTimeOffset? EnginePurgedAt);
