using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Who may call what, over HTTP against the local host. The first test is generated from the routes the host really
/// serves: each must be in the route table (<see cref="LumoFlowRoutes.Endpoints"/>) and in this test's own table of who
/// gets what (<see cref="Expected"/>, written here, not read from the route table, so that a wrong entry there shows),
/// and for every caller — no credential, a social worker, a team lead (both of the case's team), an admin (signed in
/// with the development sign-in's tokens) and the function key (a machine client: the API's staff routes only; a page
/// takes no key, so it is as no credential there) — it must answer as this test's table says: allowed,
/// 403 or 401, and never with a server error. A new endpoint cannot be forgotten: the host refuses to start without it
/// in the route table, and this test fails until it is in <see cref="Expected"/>.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class AuthorizationTests(DevServices services)
{
    private const string Team = "pohjois-savo"; // Kuopio's team (routing.json)

    public enum Caller { Anonymous, SocialWorker, TeamLead, Admin, FunctionKey }

    private const string Allowed = "allowed"; // past the gate: any answer but 401, 403 or a 5xx
    // What each caller gets, in the order of Caller.
    private static readonly string[] Anyone = [Allowed, Allowed, Allowed, Allowed, Allowed];
    private static readonly string[] AnyStaff = ["401", Allowed, Allowed, Allowed, Allowed];
    private static readonly string[] StaffPages = ["401", Allowed, Allowed, Allowed, "401"];
    private static readonly string[] TeamLeads = ["401", "403", Allowed, Allowed, "403"];
    private static readonly string[] AdminsOnly = ["401", "403", "403", Allowed, "403"];
    private static readonly string[] AdminPages = ["401", "403", "403", Allowed, "401"];

    /// <summary>
    /// Who gets what on each route the host serves, from the README's roles: notifiers, partners and the sign-in pages
    /// are public; a case and its events are for any staff member of its team (and a key, on the API); terminating is
    /// for team leads; everything under admin is for administrators. A key is never a team lead or an administrator.
    /// </summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["GET api/health"] = Anyone,
        ["GET assets/{file}"] = Anyone, // the pages' stylesheet
        ["GET {root:maxlength(0)?}"] = Anyone, // the notification form at /
        ["POST {root:maxlength(0)?}"] = Anyone,
        ["GET api/deadlines"] = Anyone,
        ["POST api/notifications"] = Anyone,
        ["GET partner-input/{token}"] = Anyone,
        ["POST partner-input/{token}"] = Anyone,
        ["GET signin"] = Anyone,
        ["POST signin"] = Anyone,
        ["POST signin/callback"] = Anyone,
        ["POST signout"] = Anyone,
        ["POST signin/dev-token"] = Anyone,

        ["GET api/cases/{id}"] = AnyStaff,
        ["POST api/cases/{id}/events/{eventName}"] = AnyStaff,
        ["POST api/cases/{id}/terminate"] = TeamLeads,
        ["GET api/cases/{id}/transfer-package"] = AnyStaff, // LSL § 25 d: what the new region needs
        ["GET staff"] = StaffPages,
        ["GET staff/cases/{id}"] = StaffPages,
        ["POST staff/cases/{id}/events/{eventName}"] = StaffPages,
        ["GET staff/cases/{id}/transfer-package"] = StaffPages, // its printable page

        ["GET api/admin/cases"] = AdminsOnly,
        ["GET api/admin/cases/{id}"] = AdminsOnly,
        ["POST api/admin/cases/{id}/events/{eventName}"] = AdminsOnly,
        ["POST api/admin/cases/{id}/terminate"] = AdminsOnly,
        ["POST api/admin/cases/{id}/suspend"] = AdminsOnly,
        ["POST api/admin/cases/{id}/resume"] = AdminsOnly,
        ["POST api/admin/cases/{id}/purge"] = AdminsOnly,
        ["POST api/admin/purge"] = AdminsOnly,
        ["POST api/admin/checks/deadlines"] = AdminsOnly,
        ["GET api/admin/access-log/verify"] = AdminsOnly, // the access log's hash chains against the anchors
        ["GET api/admin/summary"] = AdminsOnly,
        ["GET api/admin/reports/compliance"] = AdminsOnly,
        ["GET admin"] = AdminPages,
        ["GET admin/cases/{id}"] = AdminPages,
        ["GET admin/cases/{id}/control"] = AdminPages,
        ["POST admin/cases/{id}/control"] = AdminPages,
        ["GET admin/reports/compliance"] = AdminPages,
    };

    /// <summary>The path to call for a route: its parameters filled in (the form's route is the site's root).</summary>
    private static string PathOf(string route, string caseId) => "/" + route
        .Replace("{root:maxlength(0)?}", "").Replace("{id}", caseId).Replace("{eventName}", "UrgencyAssessed").Replace("{token}", "not-a-token").Replace("{file}", "not-a-file.css");

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_route_table_says()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("authz"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .OrderBy(e => e.Route).ThenBy(e => e.Method)
            .ToList();
        Assert.True(endpoints.Count >= LumoFlowRoutes.Endpoints.Count, "every endpoint of the table is served");
        Assert.DoesNotContain(endpoints, e => LumoFlowRoutes.AccessOf(e.Method, e.Route) is null);
        // This test's table and what the host serves are the same list: nothing served goes untested, nothing listed is stale.
        var served = endpoints.Select(e => $"{e.Method} {e.Route}").ToHashSet();
        var untested = served.Where(e => !Expected.ContainsKey(e)).Order().ToList();
        var notServed = Expected.Keys.Where(e => !served.Contains(e)).Order().ToList();
        Assert.True(untested.Count == 0, "Served but missing from this test's table of who gets what: " + string.Join(", ", untested));
        Assert.True(notServed.Count == 0, "In this test's table but not served: " + string.Join(", ", notServed));

        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = app.CreateClient(new() { AllowAutoRedirect = false }),
            [Caller.SocialWorker] = await app.SignedInClientAsync("SocialWorker", Team),
            [Caller.TeamLead] = await app.SignedInClientAsync("TeamLead", Team),
            [Caller.Admin] = await app.SignedInClientAsync("Admin", null),
            [Caller.FunctionKey] = app.KeyClient(new() { AllowAutoRedirect = false }),
        };

        var wrong = new List<string>();
        // The destructive controls (terminate, purge) last, so that every read before them sees the case.
        foreach (var (method, route) in endpoints.OrderBy(e => e.Route.Contains("terminate") || e.Route.Contains("purge")))
        {
            var expectedOf = Expected[$"{method} {route}"];
            foreach (var (caller, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), PathOf(route, caseId));
                if (method == "POST") request.Content = new FormUrlEncodedContent([]);
                var status = (int)(await client.SendAsync(request)).StatusCode;

                var expected = expectedOf[(int)caller];
                var actual = status is 401 or 403 ? status.ToString(CultureInfo.InvariantCulture) : status >= 500 ? "a server error" : Allowed;
                if (actual != expected) wrong.Add($"{caller} {method} /{route}: expected {expected}, got {status}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>
    /// The staff events that not every member of the case's team may raise, written here, not read from the catalogue
    /// (<see cref="Domain.Workflow.StaffEvents"/>): reassigning a case is a team lead's.
    /// </summary>
    private static readonly Dictionary<string, string[]> EventsNotForEveryone = new() { ["Reassigned"] = TeamLeads };

    [Fact]
    public async Task Every_staff_event_of_the_catalogue_answers_every_caller_as_this_test_says()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("authz-events"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = app.CreateClient(new() { AllowAutoRedirect = false }),
            [Caller.SocialWorker] = await app.SignedInClientAsync("SocialWorker", Team),
            [Caller.TeamLead] = await app.SignedInClientAsync("TeamLead", Team),
            [Caller.Admin] = await app.SignedInClientAsync("Admin", null),
            [Caller.FunctionKey] = app.KeyClient(new() { AllowAutoRedirect = false }),
        };

        var wrong = new List<string>();
        foreach (var e in Domain.Workflow.StaffEvents.All)
            foreach (var (caller, client) in clients)
            {
                // An empty body: what matters is whether the caller gets past who-may-raise-it (a 400 or 409 after it is fine).
                var status = (int)(await client.PostAsJsonAsync($"/api/cases/{caseId}/events/{e.Name}", new { })).StatusCode;
                var expected = EventsNotForEveryone.GetValueOrDefault(e.Name, AnyStaff)[(int)caller];
                var actual = status is 401 or 403 ? status.ToString(CultureInfo.InvariantCulture) : status >= 500 ? "a server error" : Allowed;
                if (actual != expected) wrong.Add($"{caller} {e.Name}: expected {expected}, got {status}");
            }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_route_table_keeps_the_admin_routes_for_admins_and_the_case_routes_for_staff()
    {
        // The generated test checks that the hosts do what the table says; this checks the table says the right thing.
        foreach (var endpoint in LumoFlowRoutes.Endpoints)
        {
            if (endpoint.Route.StartsWith("api/admin", StringComparison.Ordinal) || endpoint.Route.StartsWith("admin", StringComparison.Ordinal))
                Assert.Equal(RouteAccess.Admin, endpoint.Access);
            if (endpoint.Route.StartsWith("api/cases", StringComparison.Ordinal) || endpoint.Route.StartsWith("staff", StringComparison.Ordinal))
                Assert.NotEqual(RouteAccess.Public, endpoint.Access);
        }
        Assert.Equal(RouteAccess.Public, LumoFlowRoutes.AccessOf("POST", LumoFlowRoutes.Notifications));
        Assert.Equal(RouteAccess.TeamLead, LumoFlowRoutes.AccessOf("POST", LumoFlowRoutes.TerminateCase));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_social_worker_of_another_team_is_refused_the_case_and_only_a_team_lead_reassigns()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("team"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);

        var other = await app.SignedInClientAsync("SocialWorker", "keski-suomi", "other.team@kunta.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/staff/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/cases/{caseId}/transfer-package")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/staff/cases/{caseId}/transfer-package")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/cases/{caseId}/events/UrgencyAssessed", new { urgent = false })).StatusCode);
        var otherLead = await app.SignedInClientAsync("TeamLead", "keski-suomi", "other.lead@kunta.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLead.PostAsync($"/api/cases/{caseId}/terminate?reason=test", null)).StatusCode);

        var worker = await app.SignedInClientAsync("SocialWorker", Team, "own.worker@kunta.example");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await worker.PostAsJsonAsync($"/api/cases/{caseId}/events/UrgencyAssessed", new { urgent = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/cases/{caseId}/events/Reassigned", new { worker = "someone@kunta.example" })).StatusCode);
        var lead = await app.SignedInClientAsync("TeamLead", Team, "own.lead@kunta.example");
        Assert.Equal(HttpStatusCode.Accepted, (await lead.PostAsJsonAsync($"/api/cases/{caseId}/events/Reassigned", new { worker = "someone@kunta.example" })).StatusCode);

        // The access log names the signed-in user, how they signed in, and their role; the refused reads are not reads,
        // but each is in the case's log as refused, with who, the route and the answer.
        var log = app.Table("AccessLog").Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == caseId).ToList();
        Assert.Contains(log, e => e.GetString("Actor") == "own.worker@kunta.example" && e.GetString("Credential") == "token"
                                  && e.GetString("Role") == "SocialWorker" && e.GetString("Action") == "ReadStatus");
        Assert.Contains(log, e => e.GetString("Actor") == "own.lead@kunta.example" && e.GetString("Action") == "Event:Reassigned");
        var refused = log.Where(e => e.GetString("Actor") is "other.team@kunta.example" or "other.lead@kunta.example").ToList();
        Assert.All(refused, e => Assert.Equal("Refused", e.GetString("Action")));
        Assert.Equal(6, refused.Count);
        Assert.All(refused, e => Assert.Equal(403, e.GetInt32("Status")));
        Assert.Contains(refused, e => e.GetString("Route") == $"/staff/cases/{caseId}/transfer-package" && e.GetString("Method") == "GET"
                                      && e.GetBoolean("Verified") == true && e.GetString("Team") == "keski-suomi");
        Assert.Contains(refused, e => e.GetString("Route") == $"/api/cases/{caseId}/terminate" && e.GetString("Role") == "TeamLead");

        // The history names who did it.
        var status = await app.WaitForStatusAsync(caseId, s => Cases.HasEvent(s, "Reassigned"));
        Assert.Contains(status["history"]!.AsArray(), h => (string?)h!["eventType"] == "UrgencyAssessed" && (string?)h["actor"] == "own.worker@kunta.example");
    }

    /// <summary>The key the tests' development sign-in signs with.</summary>
    private SymmetricSecurityKey DevSigningKey =>
        new(System.Text.Encoding.UTF8.GetBytes(TestSettings.For(services, "h", "w")["LumoFlow:Auth:DevSignIn:SigningKey"]!));

    /// <summary>A token shaped as the development sign-in's, signed with any key, valid for two hours until <paramref name="expires"/>.</summary>
    private static string Token(SymmetricSecurityKey key, DateTime expires, string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = StaffAuthOptions.DevIssuer, Audience = StaffAuthOptions.DevAudience,
        NotBefore = expires.AddHours(-2), IssuedAt = expires.AddHours(-2), Expires = expires,
        Claims = new Dictionary<string, object> { ["preferred_username"] = "x@kunta.example", ["roles"] = roles },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    [Fact]
    public async Task A_forged_expired_or_roleless_token_is_refused()
    {
        await using var app = new LumoFlowApp(services);
        var forgedKey = new SymmetricSecurityKey("another-key-that-is-also-32-bytes-long!!"u8.ToArray());
        var realKey = DevSigningKey;

        async Task<HttpStatusCode> Admin(string token)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return (await client.GetAsync("/api/admin/summary")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Admin(Token(realKey, DateTime.UtcNow.AddHours(1), ["Admin"])));
        Assert.Equal(HttpStatusCode.Unauthorized, await Admin(Token(forgedKey, DateTime.UtcNow.AddHours(1), ["Admin"])));
        Assert.Equal(HttpStatusCode.Unauthorized, await Admin(Token(realKey, DateTime.UtcNow.AddMinutes(-5), ["Admin"])));
        Assert.Equal(HttpStatusCode.Forbidden, await Admin(Token(realKey, DateTime.UtcNow.AddHours(1), ["Reader"])));
        Assert.Equal(HttpStatusCode.Forbidden, await Admin(Token(realKey, DateTime.UtcNow.AddHours(1), ["SocialWorker"])));
        Assert.Equal(HttpStatusCode.Unauthorized, await Admin("not.a.jwt"));
    }

    [Fact]
    public async Task A_page_opened_with_a_session_that_ended_goes_through_the_sign_in_and_back_to_it()
    {
        await using var app = new LumoFlowApp(services);
        var (cookie, id) = await app.SessionAsync("SocialWorker", Team);
        await app.Services.GetRequiredService<StaffSessions>().EndAsync(id, CancellationToken.None);
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("Cookie", cookie);

        var page = await browser.GetAsync("/staff?lang=sv");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fstaff%3Flang%3Dsv&lang=sv", page.Headers.Location!.OriginalString);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{StaffSessions.CookieName}=;", StringComparison.Ordinal));

        // A form sent with it is refused (401); its sign-in returns to the page the form was on, since the form's address is none.
        var form = new HttpRequestMessage(HttpMethod.Post, "/staff/cases/X/events/ChildMet") { Content = new FormUrlEncodedContent([new("how", "x")]) };
        form.Headers.Referrer = new Uri(browser.BaseAddress!, "/staff/cases/X?lang=sv");
        var posted = await browser.SendAsync(form);
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.Contains("/signin?returnUrl=%2Fstaff%2Fcases%2FX%3Flang%3Dsv&amp;lang=", await posted.Content.ReadAsStringAsync());

        // The API is no page: it answers 401 as before, and so does a page with no session at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/admin/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_with_the_session_cookie_but_without_the_anti_forgery_token_is_refused()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("csrf"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("Cookie", (await app.SessionAsync("SocialWorker", Team)).Cookie);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/staff/cases/{caseId}")).StatusCode);
        var forged = await browser.PostAsync($"/staff/cases/{caseId}/events/UrgencyAssessed", new FormUrlEncodedContent([new("urgent", "true")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var status = await app.StatusAsync(caseId);
        Assert.False(Cases.HasEvent(status, "UrgencyAssessed"));
    }
}
