using LumoFlow.App.Auth;

namespace LumoFlow.App.Http;

/// <summary>
/// Who is calling a staff endpoint, as <see cref="StaffGate"/> established it: a signed-in person (a session, or a
/// bearer token: their account, name, role and team), or a machine client with a function key (the Functions host
/// checks it in Azure, the local host's <c>FunctionKeys</c> locally), named by its key as <c>key:&lt;name&gt;</c> — never
/// as a person. No header names anyone: the access log and the history record only what the credential proves.
/// </summary>
/// <param name="Name">For the access log and the history: the signed-in person's account (e.g. their email address), or <c>key:&lt;name&gt;</c>.</param>
/// <param name="Credential">
/// <see cref="SessionCredential"/>, <see cref="TokenCredential"/>, <see cref="KeyCredential"/> or <see cref="SystemCredential"/>.
/// </param>
/// <param name="Team">The team whose cases a <see cref="StaffRole.SocialWorker"/> or <see cref="StaffRole.TeamLead"/> works; null for the others.</param>
/// <param name="DisplayName">The person's name for the pages; <paramref name="Name"/> when the token has none.</param>
public sealed record StaffIdentity(
    string Name, string Credential, string? RemoteAddress, StaffRole Role = StaffRole.Integration, string? Team = null, string? DisplayName = null)
{
    public const string FunctionKeyHeader = "x-functions-key";
    /// <summary>A function key the host accepted: a machine client.</summary>
    public const string KeyCredential = "function-key";
    /// <summary>A bearer token in the <c>Authorization</c> header.</summary>
    public const string TokenCredential = "token";
    /// <summary>A browser's session, kept on the server (<see cref="StaffSessions"/>).</summary>
    public const string SessionCredential = "session";
    /// <summary>The credential of LumoFlow itself, acting on its own (a daily job).</summary>
    public const string SystemCredential = "system";
    /// <summary>How a machine client is named in the access log and the history: <c>key:</c> and the key's name.</summary>
    public const string KeyPrefix = "key:";
    private const int MaxKeyNameLength = 100;

    /// <summary>LumoFlow itself, as the access log and the history name what its daily jobs do (the engine-history retention).</summary>
    public static readonly StaffIdentity LumoFlowSystem = new("system", SystemCredential, null, StaffRole.System);

    /// <summary>Whether this caller may read and work a case of <paramref name="teamId"/>.</summary>
    public bool MayWorkTeam(string teamId) => Role.SeesEveryTeam() || string.Equals(Team, teamId, StringComparison.OrdinalIgnoreCase);

    /// <summary>A person who signed in (a session or a bearer token), as opposed to a key or LumoFlow itself.</summary>
    public bool IsSignedIn => Credential is TokenCredential or SessionCredential;

    /// <summary>The machine client of a function key the host accepted, named by the key's name.</summary>
    public static StaffIdentity FromFunctionKey(string? keyName, string? remoteAddress)
    {
        var name = LoggedRefusal.Clean(keyName) ?? "unnamed";
        return new StaffIdentity(KeyPrefix + name[..Math.Min(name.Length, MaxKeyNameLength)], KeyCredential, remoteAddress, StaffRole.Integration);
    }

    /// <summary>
    /// The function key a request presents (<c>x-functions-key</c>, or <c>?code=</c>), on the API only: a page takes no
    /// key — a person signs in — so a key in a page's address authenticates nothing.
    /// </summary>
    public static string? PresentedKey(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") ? request.Headers[FunctionKeyHeader].FirstOrDefault() ?? request.Query["code"].FirstOrDefault() : null;
}
