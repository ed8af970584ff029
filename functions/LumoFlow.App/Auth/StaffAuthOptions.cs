using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LumoFlow.App.Auth;

/// <summary>
/// How staff sign in, from <c>LumoFlow:Auth</c>:
/// <list type="bullet">
/// <item><c>Entra:TenantId</c>, <c>Entra:ClientId</c> (and <c>Entra:Instance</c>, default <c>https://login.microsoftonline.com/</c>):
/// Microsoft Entra ID, the app registration whose app roles are <c>SocialWorker</c>, <c>TeamLead</c>, <c>Admin</c>.</item>
/// <item><c>TeamGroups:{group object id}</c> = team id, or <c>TeamGroups:{n}:Group</c> and <c>TeamGroups:{n}:Team</c>:
/// the security group that makes a member part of a team (the token's <c>groups</c> claim).</item>
/// <item><c>DevSignIn:Enabled</c> and <c>DevSignIn:SigningKey</c> (≥ 32 bytes): the local development sign-in, which
/// issues tokens itself (<see cref="DevSignInRuns"/>).</item>
/// </list>
/// </summary>
public sealed record StaffAuthOptions(
    string? EntraAuthority,
    string? EntraClientId,
    IReadOnlyDictionary<string, string> TeamByGroup,
    byte[]? DevSigningKey,
    TimeSpan DevSessionLifetime)
{
    public const string DevIssuer = "https://localhost/lumoflow-dev-signin";
    public const string DevAudience = "lumoflow-dev";
    private const int MinDevKeyBytes = 32;

    public bool EntraEnabled => EntraAuthority is not null;
    public bool DevSignInEnabled => DevSigningKey is not null;

    /// <summary>Entra's v2.0 issuer of the tenant's tokens.</summary>
    public string? EntraIssuer => EntraAuthority is null ? null : $"{EntraAuthority}/v2.0";

    /// <summary>
    /// Whether the development sign-in runs: only when it is enabled, in the host's <c>Development</c> environment
    /// (<c>./run.sh</c> and the tests' hosts set it; a deployed app's is <c>Production</c>), and — checked in
    /// <see cref="Read"/>, which refuses to start otherwise — with no Entra ID setting present and not in Azure App
    /// Service. Off, <c>/signin/dev-token</c> and the development form answer 404.
    /// </summary>
    public static bool DevSignInRuns(IConfiguration lumoFlow, string environmentName) =>
        lumoFlow.GetValue("Auth:DevSignIn:Enabled", false) && string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);

    /// <param name="lumoFlow">The <c>LumoFlow</c> section.</param>
    /// <param name="environmentName">The host's environment (<c>IHostEnvironment.EnvironmentName</c>).</param>
    public static StaffAuthOptions Read(IConfiguration lumoFlow, string environmentName)
    {
        var auth = lumoFlow.GetSection("Auth");
        var tenant = auth["Entra:TenantId"];
        var clientId = auth["Entra:ClientId"];
        string? authority = null;
        if (!string.IsNullOrWhiteSpace(tenant))
        {
            if (string.IsNullOrWhiteSpace(clientId)) throw new InvalidOperationException("LumoFlow:Auth:Entra:ClientId is missing (the app registration).");
            authority = $"{(auth["Entra:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/')}/{tenant}";
        }

        byte[]? devKey = null;
        if (DevSignInRuns(lumoFlow, environmentName))
        {
            // Any Entra ID setting at all means an app meant for real sign-in: enabling the development one there is a mistake.
            if (auth.GetSection("Entra").GetChildren().Any(setting => !string.IsNullOrWhiteSpace(setting.Value)))
                throw new InvalidOperationException("The development sign-in cannot be enabled together with Entra ID (a LumoFlow:Auth:Entra setting).");
            if (Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME") is { Length: > 0 })
                throw new InvalidOperationException("The development sign-in is for local development only, not for an app in Azure.");
            devKey = System.Text.Encoding.UTF8.GetBytes(auth["DevSignIn:SigningKey"] ?? "");
            if (devKey.Length < MinDevKeyBytes)
                throw new InvalidOperationException($"LumoFlow:Auth:DevSignIn:SigningKey must be at least {MinDevKeyBytes} bytes.");
        }

        var teams = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in auth.GetSection("TeamGroups").GetChildren())
        {
            // Either "{group id}": "team" (appsettings.json, local.settings.json) or a list of { Group, Team }: an app
            // setting's name in Azure cannot hold the group id's dashes (LumoFlow__Auth__TeamGroups__0__Group).
            var (group, team) = entry.Value is { Length: > 0 } value ? (entry.Key, value) : (entry["Group"], entry["Team"]);
            if (string.IsNullOrWhiteSpace(group) || string.IsNullOrWhiteSpace(team))
                throw new InvalidOperationException($"LumoFlow:Auth:TeamGroups:{entry.Key} needs a group and a team.");
            teams[group.Trim()] = team.Trim();
        }
        return new StaffAuthOptions(authority, clientId, teams, devKey, TimeSpan.FromHours(auth.GetValue("DevSignIn:SessionHours", 8.0)));
    }

    /// <summary>
    /// The group that stands for <paramref name="teamId"/>, for the development sign-in, which puts it in its tokens:
    /// the configured one, else <c>dev-team:{id}</c> (which only a development token can carry, <see cref="TeamOf"/>).
    /// </summary>
    public string GroupOf(string teamId) =>
        TeamByGroup.FirstOrDefault(p => string.Equals(p.Value, teamId, StringComparison.OrdinalIgnoreCase)).Key ?? DevTeamGroup + teamId;

    private const string DevTeamGroup = "dev-team:";

    /// <summary>The team a group of the token stands for; null for a group that is no team.</summary>
    public string? TeamOf(string group, bool devToken) =>
        TeamByGroup.GetValueOrDefault(group) ?? (devToken && group.StartsWith(DevTeamGroup, StringComparison.Ordinal) ? group[DevTeamGroup.Length..] : null);
}
