using System.Security.Cryptography;
using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.AspNetCore.Antiforgery;
using static LumoFlow.App.Web.WebPage;

namespace LumoFlow.App.Web;

/// <summary>
/// Staff sign in. In Azure: OpenID Connect with Microsoft Entra ID — <c>/signin</c> sends the browser to Entra's
/// authorize endpoint (an ID token, posted back to <c>/signin/callback</c>, bound to this browser by a nonce), and the
/// validated token becomes the session (<see cref="StaffGate.StartSession"/>). Locally: the development sign-in, a
/// form where you say who you are, which issues a token with the same claims, signed with the local key — no internet
/// needed. <c>/signin/dev-token</c> gives the same token to curl.
/// </summary>
public sealed class SignInPages(StaffTokens tokens, RoutingTable routing, WorkflowOptions options, IAntiforgery antiforgery)
{
    private const string FlowCookie = "lumoflow-signin";

    public Task<IResult> ShowAsync(HttpContext http)
    {
        var language = Language(http.Request);
        var returnUrl = LocalReturnUrl(http.Request.Query["returnUrl"]);
        if (tokens.Options.EntraEnabled) return Task.FromResult(RedirectToEntra(http, returnUrl));
        if (!tokens.Options.DevSignInEnabled) return Task.FromResult(NotConfigured(language));
        return Task.FromResult(DevForm(http, language, returnUrl, new(), "", "", "SocialWorker", null));
    }

    /// <summary>The development sign-in's form, posted.</summary>
    public async Task<IResult> DevSignInAsync(HttpContext http)
    {
        if (!tokens.Options.DevSignInEnabled) return NotConfigured(Language(http.Request));
        if (!http.Request.HasFormContentType) return Results.Problem(statusCode: 415, title: "Send the form");
        var form = await http.Request.ReadFormAsync();
        var language = Language(http.Request, form["lang"].FirstOrDefault());
        var returnUrl = LocalReturnUrl(form["returnUrl"]);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Render(400, language, Texts.For(language).Expired, $"<p><a href=\"/{LumoFlowRoutes.SignIn}?lang={language}\">{E(Texts.For(language).Title)}</a></p>");

        var (who, errors) = ReadDevForm(form, Texts.For(language));
        if (who is null)
            return DevForm(http, language, returnUrl, errors, form["name"].ToString(), form["account"].ToString(), form["role"].ToString(), form["team"].FirstOrDefault());
        var (token, expires) = tokens.IssueDevToken(who.Value.Name, who.Value.Account, who.Value.Role, who.Value.Team);
        StaffGate.StartSession(http, token, expires);
        return Results.Redirect(returnUrl ?? Home(who.Value.Role, language), permanent: false);
    }

    /// <summary>For curl: the development sign-in's token as JSON (fields as the form's: name, account, role, team).</summary>
    public async Task<IResult> DevTokenAsync(HttpContext http)
    {
        if (!tokens.Options.DevSignInEnabled) return Results.Problem(statusCode: 404, title: "The development sign-in is not enabled");
        if (!http.Request.HasFormContentType) return Results.Problem(statusCode: 415, title: "Send the fields as a form (curl -d name=value)");
        var (who, errors) = ReadDevForm(await http.Request.ReadFormAsync(), Texts.En);
        if (who is null) return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The sign-in has errors");
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
            return Render(400, language, Texts.Fi.Failed, $"<p>{E(form?["error_description"].FirstOrDefault() ?? Texts.Fi.TryAgain)}</p><p><a href=\"/{LumoFlowRoutes.SignIn}\">{E(Texts.Fi.Title)}</a></p>");

        var check = await tokens.ValidateAsync(idToken, http.Connection.RemoteIpAddress?.ToString(), expectedNonce: nonce);
        if (check.Identity is null || check.Expires is null)
            return Render(400, language, Texts.Fi.Failed, $"<p>{E(check.Failure ?? Texts.Fi.TryAgain)}</p><p><a href=\"/{LumoFlowRoutes.SignIn}\">{E(Texts.Fi.Title)}</a></p>");
        StaffGate.StartSession(http, idToken, check.Expires.Value);
        // The session cookie is SameSite=Strict, and this request came from Entra's site: a redirect now would arrive
        // without it. A page that moves on by itself starts a navigation of our own, which carries it.
        var next = LocalReturnUrl(returnUrl) ?? Home(check.Role ?? StaffRole.SocialWorker, language);
        return Render(200, language, Texts.Fi.SignedIn,
            $"""<meta http-equiv="refresh" content="0;url={E(next)}"><p><a href="{E(next)}">{E(Texts.Fi.Continue)}</a></p>""");
    }

    public Task<IResult> SignOutAsync(HttpContext http)
    {
        StaffGate.ClearSession(http);
        return Task.FromResult(Results.Redirect($"/{LumoFlowRoutes.SignIn}?lang={Language(http.Request)}", permanent: false));
    }

    private IResult RedirectToEntra(HttpContext http, string? returnUrl)
    {
        var nonce = Random();
        var state = Random();
        http.Response.Cookies.Append(FlowCookie, $"{nonce}|{state}|{returnUrl}", new CookieOptions
        {
            // Entra posts the answer from its own site: only a SameSite=None cookie comes with it.
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.None, Path = "/" + LumoFlowRoutes.SignInCallback, MaxAge = TimeSpan.FromMinutes(10), IsEssential = true,
        });
        var callback = $"{options.PublicBaseUrl.TrimEnd('/')}/{LumoFlowRoutes.SignInCallback}";
        var url = $"{tokens.Options.EntraAuthority}/oauth2/v2.0/authorize?client_id={Uri.EscapeDataString(tokens.Options.EntraClientId!)}" +
                  $"&response_type=id_token&response_mode=form_post&scope=openid%20profile&redirect_uri={Uri.EscapeDataString(callback)}" +
                  $"&nonce={nonce}&state={state}";
        return Results.Redirect(url, permanent: false);
    }

    private IResult DevForm(HttpContext http, string language, string? returnUrl, Dictionary<string, string> errors, string name, string account, string role, string? team)
    {
        var t = Texts.For(language);
        var token = antiforgery.GetAndStoreTokens(http);
        string Field(string id, string label, string value, string type, string autocomplete) => $"""
            <div class="{(errors.ContainsKey(id) ? "invalid" : "")}"><label for="{id}">{E(label)}</label>
            {(errors.TryGetValue(id, out var message) ? $"<span class=\"field-error\" id=\"{id}-error\">{E(message)}</span>" : "")}
            <input type="{type}" id="{id}" name="{id}" value="{E(value)}" autocomplete="{autocomplete}" maxlength="200"{(errors.ContainsKey(id) ? $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"" : "")}></div>
            """;
        var roles = string.Concat(StaffAccess.AppRoles.Reverse().Select(r =>
            $"""<div class="choice"><input type="radio" id="role-{r.Claim}" name="role" value="{r.Claim}"{(r.Claim == role ? " checked" : "")}><label for="role-{r.Claim}">{E(t.RoleName(r.Role))}</label></div>"""));
        var teams = string.Concat(routing.Teams.OrderBy(x => x.Name).Select(x =>
            $"""<option value="{E(x.Id)}"{(x.Id == team ? " selected" : "")}>{E(x.Name)}</option>"""));
        var body = $"""
            {(errors.Count > 0 ? ErrorSummary(t.ErrorsTitle, errors.Select(e => (e.Key, e.Value))) : "")}
            <p class="notice">{E(t.DevNotice)}</p>
            <form method="post" action="/{LumoFlowRoutes.SignIn}" novalidate>
            <input type="hidden" name="{E(token.FormFieldName)}" value="{E(token.RequestToken)}">
            <input type="hidden" name="lang" value="{language}">
            <input type="hidden" name="returnUrl" value="{E(returnUrl ?? "")}">
            {Field("name", t.Name, name, "text", "name")}
            {Field("account", t.Account, account, "email", "username")}
            <fieldset><legend>{E(t.Role)}</legend>{roles}</fieldset>
            <div class="{(errors.ContainsKey("team") ? "invalid" : "")}"><label for="team">{E(t.Team)}<span class="hint">{E(t.TeamHint)}</span></label>
            {(errors.TryGetValue("team", out var teamError) ? $"<span class=\"field-error\" id=\"team-error\">{E(teamError)}</span>" : "")}
            <select id="team" name="team"{(errors.ContainsKey("team") ? " aria-invalid=\"true\" aria-describedby=\"team-error\"" : "")}><option value="">{E(t.NoTeam)}</option>{teams}</select></div>
            <p><button type="submit">{E(t.SignInButton)}</button></p>
            </form>
            """;
        return Render(errors.Count > 0 ? 400 : 200, language, t.Title, body, new Chrome(LanguageSwitch: $"/{LumoFlowRoutes.SignIn}"));
    }

    private ((string Name, string Account, StaffRole Role, string? Team)? Who, Dictionary<string, string> Errors) ReadDevForm(IFormCollection form, Texts t)
    {
        var errors = new Dictionary<string, string>();
        var name = form["name"].ToString().Trim();
        var account = form["account"].ToString().Trim();
        var role = StaffAccess.AppRoles.FirstOrDefault(r => r.Claim == form["role"].ToString().Trim());
        var team = form["team"].ToString().Trim() is { Length: > 0 } teamId ? teamId : null;
        if (name.Length is 0 or > 200) errors["name"] = t.NameMissing;
        if (!System.Net.Mail.MailAddress.TryCreate(account, out _) || account.Length > 200) errors["account"] = t.AccountMissing;
        if (role.Claim is null) errors["role-SocialWorker"] = t.RoleMissing;
        if (team is not null && !routing.Teams.Any(x => x.Id == team)) errors["team"] = t.TeamMissing;
        if (role.Role is StaffRole.SocialWorker or StaffRole.TeamLead && role.Claim is not null && team is null) errors["team"] = t.TeamMissing;
        return errors.Count > 0 ? (null, errors) : ((name, account, role.Role, role.Role == StaffRole.Admin ? null : team), errors);
    }

    private static string Home(StaffRole role, string language) => role == StaffRole.Admin ? $"/{LumoFlowRoutes.Dashboard}" : $"/{LumoFlowRoutes.StaffCases}?lang={language}";

    /// <summary>Only a path of this site (no scheme, no host, not <c>//</c>): the sign-in never redirects elsewhere.</summary>
    internal static string? LocalReturnUrl(string? url) =>
        url is { Length: > 1 and <= 2000 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Contains("://") ? url : null;

    private static string Random() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static IResult NotConfigured(string language) =>
        Render(404, language, Texts.For(language).Title, $"<p>{E(Texts.For(language).NotConfigured)}</p>");

    private sealed record Texts(
        string Title, string DevNotice, string Name, string Account, string Role, string Team, string TeamHint, string NoTeam, string SignInButton,
        string ErrorsTitle, string NameMissing, string AccountMissing, string RoleMissing, string TeamMissing, string Expired, string NotConfigured,
        string Failed, string TryAgain, string SignedIn, string Continue, string SocialWorker, string TeamLead, string Admin)
    {
        public string RoleName(StaffRole role) => role switch { StaffRole.TeamLead => TeamLead, StaffRole.Admin => Admin, _ => SocialWorker };

        public static readonly Texts Fi = new(
            "Kirjaudu sisään",
            "Kehityskäytön kirjautuminen: kerro kuka olet, niin saat allekirjoitetun tunnisteen samoin tiedoin kuin Entra ID:stä. Vain paikalliseen kehitykseen.",
            "Nimi", "Käyttäjätunnus (sähköpostiosoite)", "Rooli", "Tiimi", "Sosiaalityöntekijä ja tiiminvetäjä näkevät vain oman tiiminsä asiat.", "Ei tiimiä",
            "Kirjaudu", "Tarkista seuraavat tiedot", "Kirjoita nimesi.", "Anna käyttäjätunnus sähköpostiosoitteena.", "Valitse rooli.",
            "Valitse tiimi (sosiaalityöntekijällä ja tiiminvetäjällä on tiimi).", "Lomake on vanhentunut. Avaa sivu uudelleen.",
            "Kirjautumista ei ole otettu käyttöön.", "Kirjautuminen ei onnistunut", "Yritä uudelleen.", "Kirjauduttu", "Jatka",
            "Sosiaalityöntekijä", "Tiiminvetäjä", "Pääkäyttäjä");
        public static readonly Texts Sv = Fi with
        {
            Title = "Logga in", DevNotice = "Inloggning för utveckling: ange vem du är så får du en signerad token med samma uppgifter som från Entra ID. Endast för lokal utveckling.",
            Name = "Namn", Account = "Användarnamn (e-postadress)", Role = "Roll", Team = "Team", TeamHint = "Socialarbetare och teamledare ser bara sitt eget teams ärenden.",
            NoTeam = "Inget team", SignInButton = "Logga in", ErrorsTitle = "Kontrollera följande uppgifter", NameMissing = "Skriv ditt namn.",
            AccountMissing = "Ange användarnamnet som e-postadress.", RoleMissing = "Välj en roll.", TeamMissing = "Välj ett team (socialarbetare och teamledare har ett team).",
            Expired = "Formuläret har gått ut. Öppna sidan igen.", NotConfigured = "Inloggningen har inte tagits i bruk.", Failed = "Inloggningen misslyckades",
            TryAgain = "Försök igen.", SignedIn = "Inloggad", Continue = "Fortsätt", SocialWorker = "Socialarbetare", TeamLead = "Teamledare", Admin = "Huvudanvändare",
        };
        public static readonly Texts En = Fi with
        {
            Title = "Sign in", DevNotice = "Development sign-in: say who you are and get a signed token with the same claims as one from Entra ID. For local development only.",
            Name = "Name", Account = "Account (email address)", Role = "Role", Team = "Team", TeamHint = "A social worker and a team lead see only their own team's cases.",
            NoTeam = "No team", SignInButton = "Sign in", ErrorsTitle = "Check the following", NameMissing = "Write your name.",
            AccountMissing = "Give the account as an email address.", RoleMissing = "Choose a role.", TeamMissing = "Choose a team (a social worker and a team lead have one).",
            Expired = "The form has expired. Open the page again.", NotConfigured = "Sign-in has not been set up.", Failed = "Sign-in failed",
            TryAgain = "Try again.", SignedIn = "Signed in", Continue = "Continue", SocialWorker = "Social worker", TeamLead = "Team lead", Admin = "Administrator",
        };
        public static Texts For(string language) => language switch { "sv" => Sv, "en" => En, _ => Fi };
    }
}
