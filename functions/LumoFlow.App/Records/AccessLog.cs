using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using LumoFlow.App.Http;

namespace LumoFlow.App.Records;

/// <summary>
/// Who read or changed which case, when (the client-data act 703/2023 requires logging access to client data), and
/// every access refused and sign-in failed. One partition per case, newest first, so "who has looked at this case" is
/// one query; reads across cases go to <see cref="AcrossCases"/>, refusals at the gate and failed sign-ins to
/// <see cref="RefusedPartition"/>. Written before the data is returned: if the log cannot be written, the read fails.
/// <para>Tamper-evident: each partition is a hash chain (<see cref="AccessChain"/>), whose heads are anchored every
/// day in an immutable blob container (<see cref="AccessLogAnchors"/>).</para>
/// </summary>
public sealed class AccessLog(TableClient table, TimeProvider time)
{
    /// <summary>The partition of reads that span cases (lists, the summary, the report, the checks).</summary>
    public const string AcrossCases = "_admin";

    /// <summary>The partition of refusals at the gate (no or a bad credential, a role that may not) and of failed sign-ins.</summary>
    public const string RefusedPartition = "_refused";

    /// <summary>How often a write tries again when another instance moved the partition's head first.</summary>
    private const int MaxAttempts = 20;

    /// <summary>
    /// Writes to one partition from this instance go one at a time (by a lock of the partition's stripe), so that they
    /// do not race each other for the head; only writers of other instances can, and they try again.
    /// </summary>
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>How many partitions' heads an instance remembers, so that its next write there needs no read.</summary>
    private const int MaxCachedHeads = 10_000;

    private sealed record Head(long Seq, string Hash, ETag ETag);

    private readonly ConcurrentDictionary<string, Head> _heads = new(StringComparer.Ordinal);

    public TableClient Table => table;

    /// <param name="reason">Why, for the controls that ask for it (terminate, suspend, resume, purge).</param>
    public Task RecordAsync(string caseId, StaffIdentity who, string action, CancellationToken cancellationToken, string? reason = null) =>
        AppendAsync(caseId, new Dictionary<string, object?>
        {
            ["Actor"] = who.Name,
            ["Credential"] = who.Credential,
            ["Role"] = who.Role.ToString(),
            ["Team"] = who.Team,
            ["Action"] = action,
            ["RemoteAddress"] = who.RemoteAddress,
            ["Reason"] = reason,
        }, cancellationToken);

    /// <summary>
    /// A refused access or a failed sign-in: in the case's partition when the case is known to exist (a person of another
    /// team), else in <see cref="RefusedPartition"/>.
    /// </summary>
    public Task RecordRefusalAsync(AccessRefusal refusal, CancellationToken cancellationToken) =>
        AppendAsync(refusal.CaseExists && refusal.CaseId is { } caseId ? caseId : RefusedPartition, new Dictionary<string, object?>
        {
            ["Actor"] = refusal.Actor,
            ["Credential"] = refusal.Credential,
            ["Verified"] = refusal.Verified,
            ["Role"] = refusal.Role,
            ["Team"] = refusal.Team,
            ["Action"] = refusal.Action,
            ["Status"] = refusal.Status,
            ["Method"] = refusal.Method,
            ["Route"] = refusal.Route,
            ["CaseId"] = refusal.CaseId,
            ["RemoteAddress"] = refusal.RemoteAddress,
            ["Reason"] = refusal.Reason,
        }, cancellationToken);

    /// <summary>
    /// Adds the next entry of <paramref name="partition"/>'s chain and moves its head, in one transaction on the head's
    /// ETag; when another writer moved the head first, reads it and tries again. Usually one request: an instance
    /// remembers the heads it wrote.
    /// </summary>
    private async Task AppendAsync(string partition, Dictionary<string, object?> fields, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(partition) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            await AppendInTurnAsync(partition, fields, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task AppendInTurnAsync(string partition, Dictionary<string, object?> fields, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = _heads.TryGetValue(partition, out var known) ? known : await ReadHeadAsync(partition, cancellationToken);
            var seq = (head?.Seq ?? 0) + 1;
            var entry = new TableEntity(partition, AccessChain.RowKeyOf(seq)) { ["At"] = time.GetUtcNow() };
            foreach (var (name, value) in fields)
                if (value is not null) entry[name] = value is string text ? Storable(text) : value;
            entry[AccessChain.SeqColumn] = seq;
            entry[AccessChain.PrevColumn] = head?.Hash ?? AccessChain.Genesis;
            var hash = AccessChain.HashOf(entry);
            entry[AccessChain.HashColumn] = hash;
            var newHead = new TableEntity(partition, AccessChain.HeadRowKey)
            {
                [AccessChain.SeqColumn] = seq, [AccessChain.HashColumn] = hash, ["At"] = entry["At"],
            };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, entry),
                head is null || head.ETag == default
                    ? new(TableTransactionActionType.Add, newHead)
                    : new(TableTransactionActionType.UpdateReplace, newHead, head.ETag),
            ];
            try
            {
                var responses = await table.SubmitTransactionAsync(actions, cancellationToken);
                Remember(partition, responses.Value.Count == 2 && responses.Value[1].Headers.ETag is { } etag ? new Head(seq, hash, etag) : null);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404 && attempt < MaxAttempts)
            {
                // Another writer took this number or moved the head (or the head is gone): read it again.
                _heads.TryRemove(partition, out _);
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10) + 1), cancellationToken);
            }
        }
    }

    private void Remember(string partition, Head? head)
    {
        if (head is null) { _heads.TryRemove(partition, out _); return; }
        if (_heads.Count >= MaxCachedHeads) _heads.Clear();
        _heads[partition] = head;
    }

    /// <summary>
    /// The partition's head; when the head row is missing but entries are there (someone deleted it), the newest entry
    /// stands for it, and the next write puts a head back.
    /// </summary>
    private async Task<Head?> ReadHeadAsync(string partition, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, AccessChain.HeadRowKey, cancellationToken: cancellationToken);
        if (row.HasValue && row.Value is { } head && AccessChain.Number(head, AccessChain.SeqColumn) is { } seq
            && AccessChain.Text(head, AccessChain.HashColumn) is { } hash)
            return new Head(seq, hash, head.ETag);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {AccessChain.HeadRowKey}");
        await foreach (var newest in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            if (AccessChain.SeqOf(newest.RowKey) is { } newestSeq && AccessChain.Text(newest, AccessChain.HashColumn) is { } newestHash)
                return new Head(newestSeq, newestHash, row.HasValue ? row.Value!.ETag : default);
            break;
        }
        return row.HasValue ? new Head(0, AccessChain.Genesis, row.Value!.ETag) : null;
    }

    /// <summary>
    /// Text as the table storage keeps it: a lone surrogate (which it would store as U+FFFD) made so before hashing, and
    /// the NUL character (which it refuses) left out.
    /// </summary>
    private static string Storable(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Replace("\0", "", StringComparison.Ordinal);

    public async Task<IReadOnlyList<AccessLogEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<AccessLogEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey lt {AccessChain.HeadRowKey}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.TryGetValue("At", out var at) && at is DateTimeOffset when)
                entries.Add(new AccessLogEntry(when, AccessChain.Text(row, "Actor") ?? "", AccessChain.Text(row, "Action") ?? "",
                    AccessChain.Text(row, "Reason"), AccessChain.Text(row, "Credential"), AccessChain.Text(row, "Role"), AccessChain.Text(row, "Team")));
        }
        return entries;
    }

    /// <summary>Every partition's head (<c>Seq</c>, <c>Hash</c>): what the daily anchor keeps.</summary>
    public async Task<List<AccessChain.Pin>> HeadsAsync(CancellationToken cancellationToken)
    {
        var heads = new List<AccessChain.Pin>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {AccessChain.HeadRowKey}");
        var rows = table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", AccessChain.SeqColumn, AccessChain.HashColumn],
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
            if (AccessChain.Number(row, AccessChain.SeqColumn) is { } seq && AccessChain.Text(row, AccessChain.HashColumn) is { } hash)
                heads.Add(new AccessChain.Pin(row.PartitionKey, seq, hash));
        return heads;
    }

    /// <summary>The stored hash of entry <paramref name="seq"/> of a partition; null when there is no such row.</summary>
    public async Task<string?> HashAtAsync(string partition, long seq, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, AccessChain.RowKeyOf(seq), cancellationToken: cancellationToken);
        return row.HasValue ? AccessChain.Text(row.Value!, AccessChain.HashColumn) : null;
    }

    /// <summary>
    /// Each partition's rows (one partition, or all), a partition at a time, its head among them. A head that moved on
    /// while its partition was read (its entries come before it) gets the entries added meanwhile, so a verification
    /// running beside writers sees a whole chain.
    /// </summary>
    public async IAsyncEnumerable<(string Partition, List<TableEntity> Rows)> PartitionsAsync(
        string? partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        string? current = null;
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (current is not null && row.PartitionKey != current)
            {
                yield return (current, await CatchUpAsync(current, rows, cancellationToken));
                rows = [];
            }
            current = row.PartitionKey;
            rows.Add(row);
        }
        if (current is not null) yield return (current, await CatchUpAsync(current, rows, cancellationToken));
    }

    private async Task<List<TableEntity>> CatchUpAsync(string partition, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        var head = rows.FirstOrDefault(r => r.RowKey == AccessChain.HeadRowKey);
        var newest = rows.Select(r => AccessChain.SeqOf(r.RowKey) ?? 0).DefaultIfEmpty(0).Max();
        if (head is null || AccessChain.Number(head, AccessChain.SeqColumn) is not { } headSeq || headSeq <= newest) return rows;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {AccessChain.RowKeyOf(newest)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (AccessChain.SeqOf(row.RowKey) is { } seq && seq <= headSeq) rows.Add(row);
        return rows;
    }
}

/// <summary>An entry of a case's access log as the administrators see it.</summary>
/// <param name="Credential">How the caller proved who they were: <c>session</c>, <c>token</c>, <c>function-key</c>, <c>system</c>, <c>none</c>, …</param>
/// <param name="Role">Their role (<c>SocialWorker</c>, <c>TeamLead</c>, <c>Admin</c>, <c>Integration</c> for a key, <c>System</c>); null when unknown.</param>
/// <param name="Team">Their team, for a social worker or a team lead.</param>
public sealed record AccessLogEntry(
    DateTimeOffset At, string Actor, string Action, string? Reason = null, string? Credential = null, string? Role = null, string? Team = null);

/// <summary>
/// A refused access (401, 403, an expired session sent to sign in, a form without its anti-forgery token) or a failed
/// sign-in, as the access log keeps it: who claimed to be calling — <paramref name="Verified"/> says whether that was
/// checked (a valid token whose role may not) or only claimed (a token that failed, a wrong key) — the route (path,
/// never the query string: it may hold a key) and the case, when the route names one.
/// </summary>
/// <param name="CaseExists">Whether the case is known to exist (the handler found it): then the entry goes to its partition.</param>
public sealed record AccessRefusal(
    string Action, int Status, string Method, string Route, string? CaseId, bool CaseExists,
    string Actor, string Credential, bool Verified, string? Role, string? Team, string? RemoteAddress, string Reason)
{
    public const string RefusedAction = "Refused";
    public const string SignInFailedAction = "SignInFailed";
}
