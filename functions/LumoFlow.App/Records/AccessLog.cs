using System.Globalization;
using Azure.Data.Tables;
using LumoFlow.App.Http;

namespace LumoFlow.App.Records;

/// <summary>
/// Who read or changed which case, when (the client-data act 703/2023 requires logging access to client data).
/// One partition per case, newest first, so "who has looked at this case" is one query.
/// Written before the data is returned: if the log cannot be written, the read fails.
/// </summary>
public sealed class AccessLog(TableClient table, TimeProvider time)
{
    /// <param name="reason">Why, for the controls that ask for it (terminate, suspend, resume, purge).</param>
    public async Task RecordAsync(string caseId, StaffIdentity who, string action, CancellationToken cancellationToken, string? reason = null)
    {
        var now = time.GetUtcNow();
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await table.AddEntityAsync(new TableEntity(caseId, $"{newestFirst}-{Guid.NewGuid():N}")
        {
            ["At"] = now,
            ["Actor"] = who.Name,
            ["Credential"] = who.Credential,
            ["Role"] = who.Role.ToString(),
            ["Team"] = who.Team,
            ["Action"] = action,
            ["RemoteAddress"] = who.RemoteAddress,
            ["Reason"] = reason,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AccessLogEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<AccessLogEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            entries.Add(new AccessLogEntry(row.GetDateTimeOffset("At")!.Value, row.GetString("Actor"), row.GetString("Action"), row.GetString("Reason")));
        return entries;
    }
}

public sealed record AccessLogEntry(DateTimeOffset At, string Actor, string Action, string? Reason = null);
