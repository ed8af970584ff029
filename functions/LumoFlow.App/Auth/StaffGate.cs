using LumoFlow.App.Http;
using LumoFlow.App.Web;
using LumoFlow.App.Web.Words;
using Microsoft.AspNetCore.Antiforgery;

namespace LumoFlow.App.Auth;

/// <summary>
/// The one check in front of every endpoint, in both hosts (the local host's middleware, the Functions app's worker
/// middleware): who is calling — a function key on the API (checked by the host: a machine client, named by the key), a
/// bearer token, or the browser's session cookie (a session kept on the server, <see cref="StaffSessions"/>) — and
/// whether their role may use the endpoint (<see cref="LumoFlowRoutes.Endpoints"/>). No credential on a staff endpoint:
/// <c>401</c>; a role that may not: <c>403</c>. Whether the case is of the caller's team is for the handler, which has the
/// case (<see cref="StaffIdentity.MayWorkTeam"/>). Every refusal is written to the access log as it is sent
/// (<see cref="LoggedRefusal"/>), with who claimed to be calling.
/// <para>The session cookie is ambient, so a form posted with it must also carry the anti-forgery token.</para>
/// </summary>
public sealed class StaffGate(StaffTokens tokens, StaffSessions sessions, IAntiforgery antiforgery)
{
    private const string ItemKey = "LumoFlow.StaffIdentity";

    /// <summary>A function key a request presented on the API: whether the host accepted it, and its name.</summary>
    public sealed record PresentedKey(bool Accepted, string? Name);

    /// <summary>The caller the gate let through; null on a public endpoint called without a credential.</summary>
    public static StaffIdentity? Caller(HttpContext http) => http.Items.TryGetValue(ItemKey, out var who) ? who as StaffIdentity : null;

    /// <summary>The caller of a staff endpoint (the gate has let only a caller through).</summary>
    public static StaffIdentity Staff(HttpContext http) =>
        Caller(http) ?? throw new InvalidOperationException("The staff gate did not run for this endpoint.");

    /// <param name="key">The function key the request presented on the API (null: none; a page's is never asked about).</param>
    /// <returns>Null to go on; else the refusal to answer with.</returns>
    public async Task<IResult?> CheckAsync(HttpContext http, RouteAccess access, PresentedKey? key)
    {
        var request = http.Request;
        if (key is { Accepted: false }) return Unauthorized(http, "The function key is not valid.", LoggedRefusal.Claim.OfKey());
        if (key is { Accepted: true })
        {
            var machine = StaffIdentity.FromFunctionKey(key.Name, http.Connection.RemoteIpAddress?.ToString());
            if (!access.Allows(machine.Role))
                return Forbidden(http, $"A function key is a machine client: this needs a person signed in with the {access} role.",
                    LoggedRefusal.Claim.Of(machine));
            http.Items[ItemKey] = machine;
            return null;
        }

        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return await BearerAsync(http, access, header[7..].Trim());
        if (StaffSessions.CookieOf(request) is { } session)
            return await SessionAsync(http, access, session);
        return access == RouteAccess.Public ? null : Unauthorized(http, "Sign in, or send a bearer token or a function key.", LoggedRefusal.Claim.Nobody);
    }

    private async Task<IResult?> BearerAsync(HttpContext http, RouteAccess access, string token)
    {
        var check = await tokens.ValidateAsync(token, http.Connection.RemoteIpAddress?.ToString());
        if (check.Identity is null)
            return access == RouteAccess.Public ? null
                : Unauthorized(http, check.Failure!, LoggedRefusal.Claim.OfToken(token, StaffIdentity.TokenCredential));
        return Admit(http, access, check.Identity, check.Role);
    }

    /// <summary>The browser's session: resumed on the server (an ended one is refused and its cookie cleared).</summary>
    private async Task<IResult?> SessionAsync(HttpContext http, RouteAccess access, string id)
    {
        var request = http.Request;
        var resumed = await sessions.ResumeAsync(id, http.RequestAborted);
        if (resumed.Who is not { } person)
        {
            StaffSessions.ClearCookie(http);
            if (access == RouteAccess.Public) return null;
            var claimed = new LoggedRefusal.Claim(LoggedRefusal.Clean(resumed.Account) ?? "unknown session", StaffIdentity.SessionCredential, false);
            // A session that ended on a page: straight through the sign-in and back to the same page.
            if (IsPage(request) && HttpMethods.IsGet(request.Method))
                return LoggedRefusal.Refused(Results.Redirect(SignInUrl(http), permanent: false), 302, resumed.Failure!, claimed);
            return Unauthorized(http, resumed.Failure!, claimed);
        }
        var identity = new StaffIdentity(person.Account, StaffIdentity.SessionCredential, http.Connection.RemoteIpAddress?.ToString(),
            person.Role ?? StaffRole.SocialWorker, person.Role is StaffRole.SocialWorker or StaffRole.TeamLead ? person.Team : null, person.Name);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !(request.HasFormContentType && await antiforgery.IsRequestValidAsync(http)))
        {
            if (access == RouteAccess.Public) return null; // then simply not as this user
            var answer = IsPage(request)
                ? WebPage.Message(400, WebPage.Language(request), CommonWords.FormExpiredTitle, CommonWords.FormExpired)
                : Results.Problem(statusCode: 400, title: "The form has expired", detail: "Open the page again and send the form from it.");
            return LoggedRefusal.Refused(answer, 400, "A form sent with the session cookie without its anti-forgery token.",
                LoggedRefusal.Claim.Of(identity));
        }
        return Admit(http, access, identity, person.Role);
    }

    /// <summary>A person LumoFlow knows: through, if their role may use the route.</summary>
    private static IResult? Admit(HttpContext http, RouteAccess access, StaffIdentity identity, StaffRole? role)
    {
        if (role is null)
            return Forbidden(http, "Your account has no LumoFlow role (SocialWorker, TeamLead or Admin).", LoggedRefusal.Claim.Of(identity, "none"));
        if (!access.Allows(role.Value)) return Forbidden(http, $"This needs the {access} role.", LoggedRefusal.Claim.Of(identity));
        http.Items[ItemKey] = identity;
        return null;
    }

    /// <summary>Pages (not under <c>api/</c>) answer with a page a person can act on; the API with a problem document.</summary>
    private static bool IsPage(HttpRequest request) => !request.Path.StartsWithSegments("/api");

    /// <summary>401, logged with who claimed to be calling.</summary>
    private static IResult Unauthorized(HttpContext http, string detail, LoggedRefusal.Claim claimed)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        var answer = IsPage(http.Request)
            ? WebPage.Message(401, WebPage.Language(http.Request), CommonWords.SignInTitle, CommonWords.SignInNeeded,
                link: (CommonWords.SignInTitle, SignInUrl(http)))
            : Results.Problem(statusCode: 401, title: "Unauthorized", detail: detail);
        return LoggedRefusal.Refused(answer, 401, detail, claimed);
    }

    /// <summary>
    /// The sign-in, returning to this page — or, for a posted form, to the page it was sent from (a form's own address
    /// has no page).
    /// </summary>
    private static string SignInUrl(HttpContext http)
    {
        var request = http.Request;
        var referer = request.Headers.Referer.FirstOrDefault();
        var back = HttpMethods.IsGet(request.Method) ? $"{request.Path}{request.QueryString}"
            : Uri.TryCreate(referer, UriKind.Absolute, out var from) && from.Authority == request.Host.Value ? from.PathAndQuery
            : null;
        return $"/{LumoFlowRoutes.SignIn}?{(back is null ? "" : $"returnUrl={Uri.EscapeDataString(back)}&")}lang={WebPage.Language(request)}";
    }

    /// <summary>403 for a role that may not use the route, logged with who was calling.</summary>
    private static IResult Forbidden(HttpContext http, string detail, LoggedRefusal.Claim claimed) =>
        LoggedRefusal.Refused(
            IsPage(http.Request) ? ForbiddenPage(WebPage.Language(http.Request), detail) : Results.Problem(statusCode: 403, title: "Forbidden", detail: detail),
            403, detail, claimed);

    /// <summary>A case of another team, refused as a page (403), and logged in the case's own access log.</summary>
    internal static IResult OtherTeamPage(string language, string caseId) =>
        LoggedRefusal.Refused(ForbiddenPage(language, $"Case {caseId} belongs to another team."), 403, "The case belongs to another team.",
            caseId: caseId, caseExists: true);

    /// <summary>A refusal as a page a person reads: in their language, with the reason (in the API's words) small under it.</summary>
    private static IResult ForbiddenPage(string language, string detail) =>
        WebPage.Message(403, language, CommonWords.ForbiddenTitle, CommonWords.Forbidden, detail,
            (CommonWords.MyCases, $"/{LumoFlowRoutes.StaffCases}?lang={language}"));
}
