using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using LumoFlow.App.Http;
using Microsoft.Extensions.Configuration;

namespace LumoFlow.App.Auth;

/// <summary>
/// How long a browser's session lasts, from <c>LumoFlow:Auth:Session</c>: <c>IdleMinutes</c> (default 30) without a
/// request ends it, and so do <c>AbsoluteHours</c> (default 10) after the sign-in, whatever happens.
/// </summary>
public sealed record SessionOptions(TimeSpan Idle, TimeSpan Absolute)
{
    public static readonly SessionOptions Default = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(10));

    /// <param name="lumoFlow">The <c>LumoFlow</c> section.</param>
    public static SessionOptions Read(IConfiguration lumoFlow)
    {
        var idle = lumoFlow.GetValue("Auth:Session:IdleMinutes", 30.0);
        var absolute = lumoFlow.GetValue("Auth:Session:AbsoluteHours", 10.0);
        if (idle is not (> 0 and <= 1440) || absolute is not (> 0 and <= 168) || idle > absolute * 60)
            throw new InvalidOperationException("LumoFlow:Auth:Session: IdleMinutes must be over 0 and at most 1440, AbsoluteHours over 0 "
                + "and at most 168, and the idle time no longer than the absolute.");
        return new SessionOptions(TimeSpan.FromMinutes(idle), TimeSpan.FromHours(absolute));
    }
}

/// <summary>
/// Staff sessions, kept on the server in the <c>StaffSessions</c> table: the browser's cookie
/// (<see cref="CookieName"/>) holds only a random session id — no token, no expiry — and the table only its SHA-256, so
/// that a copy of the table cannot be replayed as a cookie. A session ends after <see cref="SessionOptions.Idle"/>
/// without a request, after <see cref="SessionOptions.Absolute"/> from the sign-in, and at sign-out (its row deleted), so
/// an old cookie reads nothing.
/// </summary>
public sealed class StaffSessions(TableClient table, SessionOptions options, TimeProvider time)
{
    /// <summary><c>__Host-</c>: only this site, path <c>/</c>, Secure; the browser refuses it otherwise.</summary>
    public const string CookieName = "__Host-lumoflow-session";
    private const string Partition = "session";

    /// <summary>A session's last request is written at most this often, so that reading pages is not one write each.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public SessionOptions Options => options;

    /// <summary>The person a session stands for, as the sign-in established them.</summary>
    /// <param name="Role">The LumoFlow role; null when the account has none (every route then answers 403).</param>
    /// <param name="Kind">How they signed in: <c>entra</c> or <c>dev-sign-in</c>.</param>
    public sealed record Person(string Account, string Name, StaffRole? Role, string? Team, string Kind);

    /// <summary>What resuming a session found: the person, or why not (and, for the access log, the account it was).</summary>
    public sealed record Resumed(Person? Who, string? Failure, string? Account = null);

    /// <summary>Starts a session for <paramref name="who"/> and returns its id, for the cookie.</summary>
    public async Task<string> StartAsync(Person who, CancellationToken cancellationToken)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await table.AddEntityAsync(new TableEntity(Partition, Hash(id))
        {
            ["Account"] = who.Account,
            ["Name"] = who.Name,
            ["Role"] = who.Role?.ToString(),
            ["Team"] = who.Team,
            ["Kind"] = who.Kind,
            ["StartedAt"] = now,
            ["LastSeenAt"] = now,
            ["EndsAt"] = now + options.Absolute,
        }, cancellationToken);
        return id;
    }

    /// <summary>The session of <paramref name="id"/>, if it has not ended; an ended one is deleted.</summary>
    public async Task<Resumed> ResumeAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 100) return new Resumed(null, "The session cookie is not one of LumoFlow's.");
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Hash(id), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row) return new Resumed(null, "The session has ended or never was.");
        var account = row.GetString("Account");
        var now = time.GetUtcNow();
        var ends = row.GetDateTimeOffset("EndsAt") ?? DateTimeOffset.MinValue;
        var lastSeen = row.GetDateTimeOffset("LastSeenAt") ?? DateTimeOffset.MinValue;
        var failure = now >= ends ? $"The session has ended: {options.Absolute.TotalHours:0.##} hours since the sign-in."
            : now - lastSeen >= options.Idle ? $"The session has ended: {options.Idle.TotalMinutes:0.##} minutes without a request."
            : null;
        if (failure is not null)
        {
            await DeleteAsync(row, cancellationToken);
            return new Resumed(null, failure, account);
        }
        if (now - lastSeen >= TouchEvery)
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity(Partition, row.RowKey) { ["LastSeenAt"] = now }, row.ETag, TableUpdateMode.Merge,
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Ended meanwhile (signed out in another tab), or another request touched it first.
                if (e.Status == 404) return new Resumed(null, "The session has ended.", account);
            }
        }
        var role = Enum.TryParse<StaffRole>(row.GetString("Role"), out var parsed) ? parsed : (StaffRole?)null;
        return new Resumed(new Person(account ?? "", row.GetString("Name") ?? account ?? "", role, row.GetString("Team"), row.GetString("Kind") ?? ""), null);
    }

    /// <summary>Ends the session of <paramref name="id"/> on the server: its row is deleted.</summary>
    public async Task EndAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 100) return;
        try { await table.DeleteEntityAsync(Partition, Hash(id), ETag.All, cancellationToken); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    /// <summary>
    /// Deletes the rows of sessions that have ended without a further request (a browser closed, say), so that the table
    /// keeps no account longer than a session lasts. Returns how many.
    /// </summary>
    public async Task<int> DeleteEndedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var ended = (row.GetDateTimeOffset("EndsAt") ?? DateTimeOffset.MinValue) <= now
                || now - (row.GetDateTimeOffset("LastSeenAt") ?? DateTimeOffset.MinValue) >= options.Idle;
            if (!ended) continue;
            await DeleteAsync(row, cancellationToken);
            deleted++;
        }
        return deleted;
    }

    private async Task DeleteAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try { await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    /// <summary>The cookie of a session: no Expires or Max-Age (it ends with the browser, or before on the server).</summary>
    public static void SetCookie(HttpContext http, string id) =>
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
        });

    public static void ClearCookie(HttpContext http) =>
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", Secure = true, SameSite = SameSiteMode.Strict, HttpOnly = true });

    /// <summary>The session id the browser sent; null for none.</summary>
    public static string? CookieOf(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var id) && id.Length > 0 ? id : null;

    /// <summary>The row key of a session: SHA-256 of its id, so that the table holds nothing a browser could send.</summary>
    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
