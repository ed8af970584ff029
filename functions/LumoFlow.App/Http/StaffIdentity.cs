using LumoFlow.App.Auth;

namespace LumoFlow.App.Http;

/// <summary>
/// Who is calling a staff endpoint, as <see cref="StaffGate"/> established it: a signed-in person (a token: their
/// name, role and team from it), or a system with the function key (the Functions host checks it in Azure, the local
/// host's <c>FunctionKeys</c> locally), for which the person using it is named in <c>x-lumoflow-user</c> (or
/// <c>?user=</c> in a browser) — that name goes to the access log and the history and is trusted for nothing else.
/// </summary>
/// <param name="Name">For the access log and the history: the signed-in user's account (e.g. their email address), or the key user's stated name.</param>
/// <param name="Credential"><see cref="KeyCredential"/> or <see cref="TokenCredential"/>.</param>
/// <param name="Team">The team whose cases a <see cref="StaffRole.SocialWorker"/> or <see cref="StaffRole.TeamLead"/> works; null for the others.</param>
/// <param name="DisplayName">The person's name for the pages; <paramref name="Name"/> when the token has none.</param>
public sealed record StaffIdentity(
    string Name, string Credential, string? RemoteAddress, StaffRole Role = StaffRole.System, string? Team = null, string? DisplayName = null)
{
    public const string UserHeader = "x-lumoflow-user";
    /// <summary>The same name as a query parameter, for the dashboard in a browser (which cannot set headers).</summary>
    public const string UserQuery = "user";
    public const string FunctionKeyHeader = "x-functions-key";
    public const string KeyCredential = "function-key";
    public const string TokenCredential = "token";
    /// <summary>The credential of LumoFlow itself, acting on its own (a daily job).</summary>
    public const string SystemCredential = "system";
    private const int MaxNameLength = 100;

    /// <summary>LumoFlow itself, as the access log and the history name what its daily jobs do (the engine-history retention).</summary>
    public static readonly StaffIdentity LumoFlowSystem = new("system", SystemCredential, null, StaffRole.System);

    /// <summary>Whether this caller may read and work a case of <paramref name="teamId"/>.</summary>
    public bool MayWorkTeam(string teamId) => Role.SeesEveryTeam() || string.Equals(Team, teamId, StringComparison.OrdinalIgnoreCase);

    public bool IsSignedIn => Credential == TokenCredential;

    /// <summary>The caller of a request whose function key has been checked.</summary>
    public static StaffIdentity FromFunctionKey(HttpRequest request)
    {
        var user = (request.Headers[UserHeader].FirstOrDefault() ?? request.Query[UserQuery].FirstOrDefault())?.Trim();
        return new StaffIdentity(
            string.IsNullOrEmpty(user) ? KeyCredential : user[..Math.Min(user.Length, MaxNameLength)],
            KeyCredential,
            request.HttpContext.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>Whether the request presents a function key at all (<c>x-functions-key</c> or <c>?code=</c>).</summary>
    public static string? PresentedKey(HttpRequest request) =>
        request.Headers[FunctionKeyHeader].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
}
