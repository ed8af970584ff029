using System.Security.Cryptography;
using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.AspNetCore.Antiforgery;
using LumoFlow.App.Web.SignIn;
using LumoFlow.App.Web.Words;
using LumoFlow.Domain.Wording;
using static LumoFlow.App.Web.WebPage;

namespace LumoFlow.App.Web;

/// <summary>
/// Staff sign in. In Azure: OpenID Connect with Microsoft Entra ID — <c>/signin</c> sends the browser to Entra's
/// authorize endpoint (an ID token, posted back to <c>/signin/callback</c>, bound to this browser by a nonce), and the
/// person the validated token names gets a session kept on the server (<see cref="StaffSessions"/>): the cookie holds
/// only its id. Locally: the development sign-in, a form where you say who you are — no internet needed — which starts
/// the same session; <c>/signin/dev-token</c> gives curl a bearer token with the claims Entra's would have.
/// <para>Sign-out is a form posted with the anti-forgery token: it ends the session on the server, and with Entra ID goes
/// through Entra's end-session endpoint, so that Entra's own session does not sign the browser straight in again.</para>
/// </summary>
public sealed class SignInPages(
    StaffTokens tokens, StaffSessions sessions, RoutingTable routing, WorkflowOptions options, IAntiforgery antiforgery)
{
    private const string FlowCookie = "lumoflow-signin";
    /// <summary>The sign-in page's parameter that shows "you have signed out" instead of signing in.</summary>
    public const string SignedOutQuery = "signedOut";
    /// <summary>How a failed sign-in was tried, as the access log names it.</summary>
    private const string EntraCredential = "entra", DevSignInCredential = "dev-sign-in";

    public Task<IResult> ShowAsync(HttpContext http)
    {
        var language = Language(http.Request);
        var returnUrl = LocalReturnUrl(http.Request.Query["returnUrl"]);
        // After sign-out a page that says so, not Entra's sign-in: with Entra's session still on, that would sign in again.
        if (http.Request.Query.ContainsKey(SignedOutQuery))
            return Task.FromResult(Message(200, language, SignInWords.SignedOutTitle, SignInWords.SignedOut,
                link: (SignInWords.SignInAgain, $"/{LumoFlowRoutes.SignIn}?lang={language}")));
        if (tokens.Options.EntraEnabled) return Task.FromResult(RedirectToEntra(http, returnUrl));
        if (!tokens.Options.DevSignInEnabled) return Task.FromResult(NotConfigured(language));
        return Task.FromResult(DevForm(http, language, returnUrl, [], "", "", "SocialWorker", null));
    }

    /// <summary>The development sign-in's form, posted.</summary>
    public async Task<IResult> DevSignInAsync(HttpContext http)
    {
        if (!tokens.Options.DevSignInEnabled) return NotConfigured(Language(http.Request));
        if (!http.Request.HasFormContentType) return Results.Problem(statusCode: 415, title: "Send the form");
        var form = await http.Request.ReadFormAsync();
        var language = Language(http.Request, form["lang"].FirstOrDefault());
        var returnUrl = LocalReturnUrl(form["returnUrl"]);
        var claimed = LoggedRefusal.Claim.OfSignIn(form["account"].FirstOrDefault(), DevSignInCredential);
        if (!await antiforgery.IsRequestValidAsync(http))
            return LoggedRefusal.SignInFailed(Message(400, language, CommonWords.FormExpiredTitle, SignInWords.Expired,
                link: (SignInWords.Title, $"/{LumoFlowRoutes.SignIn}?lang={language}")), 400, "The sign-in form has expired.", claimed);

        var (who, errors) = ReadDevForm(form);
        if (who is null)
            return LoggedRefusal.SignInFailed(DevForm(http, language, returnUrl, errors,
                form["name"].ToString(), form["account"].ToString(), form["role"].ToString(), form["team"].FirstOrDefault()), 400,
                $"The sign-in form has errors: {string.Join(", ", errors.Keys.Order(StringComparer.Ordinal))}.", claimed);
        // A browser that signs in again leaves no session behind: the one it had ends here.
        if (StaffSessions.CookieOf(http.Request) is { } previous) await sessions.EndAsync(previous, http.RequestAborted);
        var session = await sessions.StartAsync(
            new StaffSessions.Person(who.Value.Account, who.Value.Name, who.Value.Role, who.Value.Team, DevSignInCredential), http.RequestAborted);
        StaffSessions.SetCookie(http, session);
        return Results.Redirect(returnUrl ?? Home(who.Value.Role, language), permanent: false);
    }

    /// <summary>For curl: the development sign-in's token as JSON (fields as the form's: name, account, role, team).</summary>
    public async Task<IResult> DevTokenAsync(HttpContext http)
    {
        if (!tokens.Options.DevSignInEnabled) return Results.Problem(statusCode: 404, title: "The development sign-in is not enabled");
        if (!http.Request.HasFormContentType) return Results.Problem(statusCode: 415, title: "Send the fields as a form (curl -d name=value)");
        var form = await http.Request.ReadFormAsync();
        var (who, errors) = ReadDevForm(form);
        if (who is null)
            return LoggedRefusal.SignInFailed(
                Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value.En }), title: "The sign-in has errors"), 400,
                $"The sign-in has errors: {string.Join(", ", errors.Keys.Order(StringComparer.Ordinal))}.",
                LoggedRefusal.Claim.OfSignIn(form["account"].FirstOrDefault(), DevSignInCredential));
        var (token, expires) = tokens.IssueDevToken(who.Value.Name, who.Value.Account, who.Value.Role, who.Value.Team);
        return Results.Json(new { access_token = token, token_type = "Bearer", expires_at = expires });
    }

    /// <summary>Entra's answer (response_mode=form_post): the ID token, checked against this browser's nonce.</summary>
    public async Task<IResult> CallbackAsync(HttpContext http)
    {
        var language = "fi";
        if (!tokens.Options.EntraEnabled) return NotConfigured(language);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        var flow = http.Request.Cookies[FlowCookie]?.Split('|', 3);
        http.Response.Cookies.Delete(FlowCookie, new CookieOptions { Path = "/" + LumoFlowRoutes.SignInCallback, Secure = true, SameSite = SameSiteMode.None });
        if (form is null || flow is not [var nonce, var state, var returnUrl] || form["state"] != state || form["id_token"].FirstOrDefault() is not { } idToken)
            return LoggedRefusal.SignInFailed(Message(400, language, SignInWords.Failed, SignInWords.TryAgain, form?["error_description"].FirstOrDefault(),
                (SignInWords.Title, $"/{LumoFlowRoutes.SignIn}")), 400,
                LoggedRefusal.Clean(form?["error"].FirstOrDefault()) is { } error
                    ? $"Entra ID answered {error}." : "The answer does not match this browser's sign-in.",
                form?["id_token"].FirstOrDefault() is { } sent
                    ? LoggedRefusal.Claim.OfToken(sent, EntraCredential) : LoggedRefusal.Claim.OfSignIn(null, EntraCredential));

        var check = await tokens.ValidateAsync(idToken, http.Connection.RemoteIpAddress?.ToString(), expectedNonce: nonce);
        if (check.Identity is not { } who)
            return LoggedRefusal.SignInFailed(
                Message(400, language, SignInWords.Failed, SignInWords.TryAgain, check.Failure, (SignInWords.Title, $"/{LumoFlowRoutes.SignIn}")), 400,
                check.Failure!, LoggedRefusal.Claim.OfToken(idToken, EntraCredential));
        var session = await sessions.StartAsync(
            new StaffSessions.Person(who.Name, who.DisplayName ?? who.Name, check.Role, who.Team, EntraCredential), http.RequestAborted);
        StaffSessions.SetCookie(http, session);
        // The session cookie is SameSite=Strict, and this request came from Entra's site: a redirect now would arrive
        // without it. A page that moves on by itself starts a navigation of our own, which carries it.
        var next = LocalReturnUrl(returnUrl) ?? Home(check.Role ?? StaffRole.SocialWorker, language);
        return Render<SignedInPage, string>(200, language, next);
    }

    /// <summary>
    /// Sign-out (POST only, with the page's anti-forgery token): the session ends on the server, so its cookie reads
    /// nothing after; with Entra ID the browser goes on to Entra's end-session endpoint, which comes back to
    /// <c>/signin?signedOut</c>.
    /// </summary>
    public async Task<IResult> SignOutAsync(HttpContext http)
    {
        var language = Language(http.Request);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return LoggedRefusal.Refused(Message(400, language, CommonWords.FormExpiredTitle, CommonWords.FormExpired), 400,
                "A sign-out sent without its anti-forgery token.", StaffGate.Caller(http) is { } who ? LoggedRefusal.Claim.Of(who) : null);
        if (StaffSessions.CookieOf(http.Request) is { } session) await sessions.EndAsync(session, http.RequestAborted);
        StaffSessions.ClearCookie(http);
        var signedOut = $"/{LumoFlowRoutes.SignIn}?{SignedOutQuery}=true&lang={language}";
        return Results.Redirect(await EndSessionUrlAsync(signedOut, http.RequestAborted) ?? signedOut, permanent: false);
    }

    /// <summary>
    /// With Entra ID: its end-session endpoint (from the tenant's metadata), to come back to <paramref name="signedOut"/>
    /// (an address registered as the app's front-channel logout or redirect URI); without, null.
    /// </summary>
    internal async Task<string?> EndSessionUrlAsync(string signedOut, CancellationToken cancellationToken)
    {
        if (await tokens.EntraEndSessionEndpointAsync(cancellationToken) is not { } endpoint) return null;
        var back = $"{options.PublicBaseUrl.TrimEnd('/')}{signedOut}";
        return $"{endpoint}{(endpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?')}client_id={Uri.EscapeDataString(tokens.Options.EntraClientId!)}" +
               $"&post_logout_redirect_uri={Uri.EscapeDataString(back)}";
    }

    private IResult RedirectToEntra(HttpContext http, string? returnUrl)
    {
        var nonce = Random();
        var state = Random();
        http.Response.Cookies.Append(FlowCookie, $"{nonce}|{state}|{returnUrl}", new CookieOptions
        {
            // Entra posts the answer from its own site: only a SameSite=None cookie comes with it.
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.None, Path = "/" + LumoFlowRoutes.SignInCallback,
            MaxAge = TimeSpan.FromMinutes(10), IsEssential = true,
        });
        var callback = $"{options.PublicBaseUrl.TrimEnd('/')}/{LumoFlowRoutes.SignInCallback}";
        var url = $"{tokens.Options.EntraAuthority}/oauth2/v2.0/authorize?client_id={Uri.EscapeDataString(tokens.Options.EntraClientId!)}" +
                  $"&response_type=id_token&response_mode=form_post&scope=openid%20profile&redirect_uri={Uri.EscapeDataString(callback)}" +
                  $"&nonce={nonce}&state={state}";
        return Results.Redirect(url, permanent: false);
    }

    private IResult DevForm(
        HttpContext http, string language, string? returnUrl, Dictionary<string, Phrase> errors, string name, string account, string role, string? team) =>
        Render<DevSignInPage, DevSignInPage.Form>(errors.Count > 0 ? 400 : 200, language,
            new(returnUrl, errors, name, account, role, team),
            languageSwitch: $"/{LumoFlowRoutes.SignIn}");

    private ((string Name, string Account, StaffRole Role, string? Team)? Who, Dictionary<string, Phrase> Errors) ReadDevForm(IFormCollection form)
    {
        var errors = new Dictionary<string, Phrase>();
        var name = form["name"].ToString().Trim();
        var account = form["account"].ToString().Trim();
        var role = StaffAccess.AppRoles.FirstOrDefault(r => r.Claim == form["role"].ToString().Trim());
        var team = form["team"].ToString().Trim() is { Length: > 0 } teamId ? teamId : null;
        if (name.Length is 0 or > 200) errors["name"] = SignInWords.NameMissing;
        if (!System.Net.Mail.MailAddress.TryCreate(account, out _) || account.Length > 200) errors["account"] = SignInWords.AccountMissing;
        if (role.Claim is null) errors["role-SocialWorker"] = SignInWords.RoleMissing;
        if (team is not null && !routing.Teams.Any(x => x.Id == team)) errors["team"] = SignInWords.TeamMissing;
        if (role.Role is StaffRole.SocialWorker or StaffRole.TeamLead && role.Claim is not null && team is null) errors["team"] = SignInWords.TeamMissing;
        return errors.Count > 0 ? (null, errors) : ((name, account, role.Role, role.Role == StaffRole.Admin ? null : team), errors);
    }

    private static string Home(StaffRole role, string language) =>
        role == StaffRole.Admin ? $"/{LumoFlowRoutes.Dashboard}" : $"/{LumoFlowRoutes.StaffCases}?lang={language}";

    /// <summary>
    /// Only a path of this site, so that the sign-in never redirects elsewhere: it starts with one <c>/</c>, and holds only
    /// printable ASCII without a backslash or <c>://</c>. A browser reads <c>//host</c> and <c>/\host</c> as another site,
    /// and drops a tab or a line break from an address first (<c>/\t/evil.example</c> becomes <c>//evil.example</c>),
    /// so no control character, space or backslash passes anywhere in it; nor does anything a <c>Location</c> header cannot
    /// carry. A return URL the sign-in makes itself is an escaped path and query, and always passes.
    /// </summary>
    internal static string? LocalReturnUrl(string? url) =>
        url is { Length: > 1 and <= 2000 } && url[0] == '/' && url[1] != '/' && url.All(c => c is > ' ' and < '\x7f' and not '\\')
        && !url.Contains("://", StringComparison.Ordinal) ? url : null;

    private static string Random() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static IResult NotConfigured(string language) => Message(404, language, SignInWords.Title, SignInWords.NotConfigured);
}
