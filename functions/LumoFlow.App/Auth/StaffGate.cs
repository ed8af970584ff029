using LumoFlow.App.Http;
using LumoFlow.App.Web;
using LumoFlow.App.Web.Words;
using Microsoft.AspNetCore.Antiforgery;

namespace LumoFlow.App.Auth;

/// <summary>
/// The one check in front of every endpoint, in both hosts (the local host's middleware, the Functions app's worker
/// middleware): who is calling — the function key (checked by the host), a bearer token, or the browser's session
/// cookie holding one — and whether their role may use the endpoint (<see cref="LumoFlowRoutes.Endpoints"/>).
/// No credential on a staff endpoint: <c>401</c>; a role that may not: <c>403</c>. Whether the case is of the caller's
/// team is for the handler, which has the case (<see cref="StaffIdentity.MayWorkTeam"/>). Every refusal is written to
/// the access log as it is sent (<see cref="LoggedRefusal"/>), with who claimed to be calling.
/// <para>The session cookie is ambient, so a form posted with it must also carry the anti-forgery token.</para>
/// </summary>
public sealed class StaffGate(StaffTokens tokens, IAntiforgery antiforgery)
{
    public const string SessionCookie = "lumoflow-session";
    /// <summary>The credential of a token that came in the session cookie, as the access log names it.</summary>
    public const string SessionCredential = "session";
    private const string ItemKey = "LumoFlow.StaffIdentity";

    /// <summary>The caller the gate let through; null on a public endpoint called without a credential.</summary>
    public static StaffIdentity? Caller(HttpContext http) => http.Items.TryGetValue(ItemKey, out var who) ? who as StaffIdentity : null;

    /// <summary>The caller of a staff endpoint (the gate has let only a caller through).</summary>
    public static StaffIdentity Staff(HttpContext http) =>
        Caller(http) ?? throw new InvalidOperationException("The staff gate did not run for this endpoint.");

    /// <param name="key">Whether the request presented a function key the host accepted (null: it presented none).</param>
    /// <returns>Null to go on; else the refusal to answer with.</returns>
    public async Task<IResult?> CheckAsync(HttpContext http, RouteAccess access, bool? key)
    {
        var request = http.Request;
        if (key == false) return Unauthorized(http, $"The function key is not valid.", LoggedRefusal.Claim.OfKey(request));
        if (key == true)
        {
            http.Items[ItemKey] = StaffIdentity.FromFunctionKey(request);
            return null;
        }

        var (token, fromCookie) = Token(request);
        if (token is null)
            return access == RouteAccess.Public ? null : Unauthorized(http, "Sign in, or send a bearer token or the function key.", LoggedRefusal.Claim.Nobody);

        var check = await tokens.ValidateAsync(token, http.Connection.RemoteIpAddress?.ToString());
        if (check.Identity is null)
        {
            if (fromCookie) ClearSession(http);
            if (access == RouteAccess.Public) return null;
            var claimed = LoggedRefusal.Claim.OfToken(token, fromCookie ? SessionCredential : StaffIdentity.TokenCredential);
            // A session that ended (an Entra ID token lasts about an hour) on a page: straight through the sign-in and
            // back to the same page. With Entra's own session still on, that asks nothing of the person.
            if (fromCookie && IsPage(request) && HttpMethods.IsGet(request.Method))
                return LoggedRefusal.Refused(Results.Redirect(SignInUrl(http), permanent: false), 302, $"The session has ended: {check.Failure}", claimed);
            return Unauthorized(http, check.Failure!, claimed);
        }
        if (check.Role is null)
            return Forbidden(http, "Your account has no LumoFlow role (SocialWorker, TeamLead or Admin).", LoggedRefusal.Claim.Of(check.Identity, "none"));
        if (!access.Allows(check.Role.Value)) return Forbidden(http, $"This needs the {access} role.", LoggedRefusal.Claim.Of(check.Identity));

        if (fromCookie && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !(request.HasFormContentType && await antiforgery.IsRequestValidAsync(http)))
        {
            if (access == RouteAccess.Public) return null; // then simply not as this user
            var answer = IsPage(request)
                ? WebPage.Message(400, WebPage.Language(request), CommonWords.FormExpiredTitle, CommonWords.FormExpired)
                : Results.Problem(statusCode: 400, title: "The form has expired", detail: "Open the page again and send the form from it.");
            return LoggedRefusal.Refused(answer, 400, "A form sent with the session cookie without its anti-forgery token.",
                LoggedRefusal.Claim.Of(check.Identity));
        }

        http.Items[ItemKey] = check.Identity;
        return null;
    }

    /// <summary>The bearer token of the <c>Authorization</c> header, else the session cookie's.</summary>
    private static (string? Token, bool FromCookie) Token(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (header[7..].Trim(), false);
        return request.Cookies.TryGetValue(SessionCookie, out var cookie) && cookie.Length > 0 ? (cookie, true) : (null, false);
    }

    /// <summary>Signs the browser in: the token in an HttpOnly, SameSite=Strict cookie that ends with the token.</summary>
    public static void StartSession(HttpContext http, string token, DateTimeOffset expires) =>
        http.Response.Cookies.Append(SessionCookie, token, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/", Expires = expires, IsEssential = true,
        });

    public static void ClearSession(HttpContext http) =>
        http.Response.Cookies.Delete(SessionCookie, new CookieOptions
        {
            Path = "/", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, HttpOnly = true,
        });

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
