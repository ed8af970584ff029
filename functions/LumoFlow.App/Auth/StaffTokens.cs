using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using LumoFlow.App.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LumoFlow.App.Auth;

/// <summary>
/// Staff tokens: JWTs from Microsoft Entra ID (its signing keys from the tenant's OpenID Connect metadata, fetched
/// and refreshed by IdentityModel's <see cref="ConfigurationManager{T}"/>), or from the local development sign-in
/// (HMAC-signed with its configured key). Both carry the same claims: <c>name</c>, <c>preferred_username</c>,
/// <c>oid</c>, the app roles in <c>roles</c> and the security groups in <c>groups</c>, which
/// <see cref="StaffAuthOptions.TeamByGroup"/> turns into the team.
/// <para>Validated by hand rather than by ASP.NET Core's JwtBearer middleware because the Functions isolated worker
/// does not run that middleware; both hosts call this one class (<see cref="StaffGate"/>).</para>
/// </summary>
public sealed class StaffTokens
{
    private readonly StaffAuthOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters? _entra;
    private readonly TokenValidationParameters? _dev;

    /// <param name="entraMetadata">Where Entra's OpenID Connect metadata comes from (its signing keys, its end-session endpoint);
    /// null: the tenant's <c>.well-known/openid-configuration</c>. A test gives a static one.</param>
    public StaffTokens(StaffAuthOptions options, TimeProvider time, BaseConfigurationManager? entraMetadata = null)
    {
        _options = options;
        _time = time;
        if (options.EntraEnabled)
            _entra = new TokenValidationParameters
            {
                ValidIssuer = options.EntraIssuer,
                ValidAudiences = [options.EntraClientId!, $"api://{options.EntraClientId}"],
                ConfigurationManager = entraMetadata ?? new ConfigurationManager<OpenIdConnectConfiguration>(
                    $"{options.EntraIssuer}/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever()),
                ClockSkew = TimeSpan.FromMinutes(2),
            };
        if (options.DevSigningKey is { } key)
            _dev = new TokenValidationParameters
            {
                ValidIssuer = StaffAuthOptions.DevIssuer,
                ValidAudience = StaffAuthOptions.DevAudience,
                IssuerSigningKey = new SymmetricSecurityKey(key),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                LifetimeValidator = (notBefore, expires, _, _) => ValidNow(notBefore, expires),
            };
    }

    public StaffAuthOptions Options => _options;

    /// <summary>
    /// Entra's end-session endpoint, from the tenant's OpenID Connect metadata (<c>end_session_endpoint</c>); the v2.0
    /// logout address when the metadata names none. Null without Entra ID.
    /// </summary>
    public async Task<string?> EntraEndSessionEndpointAsync(CancellationToken cancellationToken)
    {
        if (_entra?.ConfigurationManager is not { } metadata) return null;
        var configuration = await metadata.GetBaseConfigurationAsync(cancellationToken) as OpenIdConnectConfiguration;
        return configuration?.EndSessionEndpoint is { Length: > 0 } endpoint ? endpoint : $"{_options.EntraAuthority}/oauth2/v2.0/logout";
    }

    /// <summary>The outcome of checking a token: the caller (with <see cref="Role"/> null when the account has no LumoFlow role), or why not.</summary>
    public sealed record Check(StaffIdentity? Identity, StaffRole? Role, string? Failure, DateTimeOffset? Expires = null);

    public async Task<Check> ValidateAsync(string token, string? remoteAddress, string? expectedNonce = null)
    {
        string issuer;
        try { issuer = _handler.ReadJsonWebToken(token).Issuer; }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException) { return new Check(null, null, "The token is not a JWT."); }
        var parameters = issuer == StaffAuthOptions.DevIssuer ? _dev : issuer == _options.EntraIssuer ? _entra : null;
        if (parameters is null) return new Check(null, null, "The token's issuer is not trusted here.");

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return new Check(null, null, $"The token is not valid ({result.Exception?.GetType().Name ?? "invalid"}).");
        var claims = result.ClaimsIdentity;
        if (expectedNonce is not null && claims.FindFirst("nonce")?.Value != expectedNonce)
            return new Check(null, null, "The sign-in answer does not match this browser.");

        var roles = claims.FindAll("roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        StaffRole? role = StaffAccess.AppRoles.Where(r => roles.Contains(r.Claim)).Select(r => (StaffRole?)r.Role).FirstOrDefault();
        var team = claims.FindAll("groups").Select(g => _options.TeamOf(g.Value, devToken: parameters == _dev)).FirstOrDefault(t => t is not null);
        var account = claims.FindFirst("preferred_username")?.Value ?? claims.FindFirst("upn")?.Value
            ?? claims.FindFirst("oid")?.Value ?? claims.FindFirst("sub")?.Value;
        if (account is null) return new Check(null, null, "The token names no account.");
        var expires = result.SecurityToken is JsonWebToken jwt ? new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) : (DateTimeOffset?)null;
        return new Check(
            new StaffIdentity(account, StaffIdentity.TokenCredential, remoteAddress, role ?? StaffRole.SocialWorker,
                role is StaffRole.SocialWorker or StaffRole.TeamLead ? team : null, claims.FindFirst("name")?.Value ?? account),
            role, null, expires);
    }

    /// <summary>
    /// The account a token names, read without checking it: for the access log's entry of a refused token (who claimed
    /// to be calling). Never trusted for anything else; null when it is no readable JWT or names none.
    /// </summary>
    public static string? ClaimedAccount(string token)
    {
        try
        {
            var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);
            foreach (var claim in new[] { "preferred_username", "upn", "oid", "sub" })
                if (jwt.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value)) return value;
            return null;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The development sign-in's token: what Entra ID would issue for an account with this app role in this team's
    /// group. Only when <see cref="StaffAuthOptions.DevSignInEnabled"/>.
    /// </summary>
    public (string Token, DateTimeOffset Expires) IssueDevToken(string name, string account, StaffRole role, string? teamId)
    {
        if (_options.DevSigningKey is not { } key) throw new InvalidOperationException("The development sign-in is not enabled.");
        var now = _time.GetUtcNow();
        var expires = now + _options.DevSessionLifetime;
        var claims = new Dictionary<string, object>
        {
            ["name"] = name,
            ["preferred_username"] = account,
            ["oid"] = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(account))[..16]).ToString(),
            ["roles"] = new[] { StaffAccess.AppRoles.First(r => r.Role == role).Claim },
        };
        if (teamId is not null) claims["groups"] = new[] { _options.GroupOf(teamId) };
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = StaffAuthOptions.DevIssuer,
            Audience = StaffAuthOptions.DevAudience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>The development tokens' lifetime on <see cref="TimeProvider"/> (so tests can move time); Entra's on the system clock.</summary>
    private bool ValidNow(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore <= now.AddMinutes(2)) && expires is not null && expires > now;
    }
}
