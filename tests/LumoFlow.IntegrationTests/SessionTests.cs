using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LumoFlow.App.Auth;
using LumoFlow.App.Records;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 22, parts 1 and 2, over HTTP: a person acts only when signed in, a key is a machine client named by its key,
/// and sessions are kept on the server and end — at sign-out, after the idle time, after the absolute time.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class SessionTests(DevServices services)
{
    private const string Team = "pohjois-savo";

    /// <summary>A browser: https (so the Secure cookies come back), its own cookies, redirects not followed.</summary>
    private static HttpClient Browser(LumoFlowApp app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, BaseAddress = LumoFlowApp.BaseAddress,
    });

    /// <summary>Signs the browser in with the development sign-in's form; returns the session cookie's Set-Cookie header.</summary>
    private static async Task<(string SetCookie, string AntiforgerySetCookie)> SignInAsync(HttpClient browser, string role, string? team, string account)
    {
        var (form, signedIn) = await LumoFlowApp.SignInAsync(browser, role, team, account);
        // Set the first time only: a browser that has the cookie keeps it.
        var antiforgery = form.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.SingleOrDefault(c => c.StartsWith("__Host-lumoflow-antiforgery=", StringComparison.Ordinal)) ?? "" : "";
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal)), antiforgery);
    }

    private static string NameAndValue(string setCookie) => setCookie.Split(';')[0];

    [Fact]
    public async Task The_session_and_anti_forgery_cookies_are_host_only_secure_httponly_strict_and_carry_no_token_and_no_expiry()
    {
        await using var app = new LumoFlowApp(services);
        var (session, antiforgery) = await SignInAsync(Browser(app), "SocialWorker", Team, "cookie.worker@kunta.example");

        Assert.NotEqual("", antiforgery);
        foreach (var cookie in new[] { session, antiforgery })
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
            Assert.Contains("path=/", attributes);
            Assert.DoesNotContain(attributes, a => a.StartsWith("expires", StringComparison.Ordinal) || a.StartsWith("max-age", StringComparison.Ordinal)
                                                   || a.StartsWith("domain", StringComparison.Ordinal));
        }
        // The session cookie is an opaque id: no JWT (no dots), nothing the account could be read from.
        var value = NameAndValue(session).Split('=', 2)[1];
        Assert.DoesNotContain('.', value);
        Assert.DoesNotContain("cookie.worker", value, StringComparison.OrdinalIgnoreCase);
        // The table keeps only the id's hash.
        var rows = app.Table("StaffSessions").Query<TableEntity>().ToList();
        Assert.Contains(rows, r => r.GetString("Account") == "cookie.worker@kunta.example");
        Assert.DoesNotContain(rows, r => r.RowKey == value || r.Select(p => p.Value).OfType<string>().Contains(value));
    }

    [Fact]
    public async Task After_sign_out_the_old_cookie_reads_nothing()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("signout"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);
        var browser = Browser(app);
        var (session, _) = await SignInAsync(browser, "SocialWorker", Team, "leaving.worker@kunta.example");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/cases/{caseId}")).StatusCode);

        // The staff page's sign-out form, with its anti-forgery token.
        var page = await browser.GetStringAsync("/staff?lang=en");
        var served = ServedForm.Parse(page);
        var signOut = await browser.PostAsync("/signout?lang=en", new FormUrlEncodedContent([new(served.TokenName, served.Token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signin?signedOut=true&lang=en", signOut.Headers.Location!.OriginalString);
        var signedOutPage = await browser.GetAsync(signOut.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signedOutPage.StatusCode);
        Assert.Contains("You have signed out", await signedOutPage.Content.ReadAsStringAsync());

        // The cookie as it was, sent again (a copy kept, or a browser that did not drop it): it reads nothing.
        var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", NameAndValue(session));
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/staff")).StatusCode);
        Assert.DoesNotContain(app.Table("StaffSessions").Query<TableEntity>().ToList(), r => r.GetString("Account") == "leaving.worker@kunta.example");
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_ends_the_session_it_had()
    {
        await using var app = new LumoFlowApp(services);
        var browser = Browser(app);
        var (first, _) = await SignInAsync(browser, "Admin", null, "first.admin@kunta.example");
        var (second, _) = await SignInAsync(browser, "Admin", null, "second.admin@kunta.example");
        Assert.NotEqual(NameAndValue(first), NameAndValue(second));

        var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", NameAndValue(first));
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/admin/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/admin/summary")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_by_GET_or_without_the_anti_forgery_token_is_refused_and_the_session_goes_on()
    {
        await using var app = new LumoFlowApp(services);
        var browser = Browser(app);
        await SignInAsync(browser, "Admin", null, "staying.admin@kunta.example");

        var byGet = await browser.GetAsync("/signout");
        Assert.True((int)byGet.StatusCode is 404 or 405, $"GET /signout: {(int)byGet.StatusCode}");
        var noToken = await browser.PostAsync("/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var json = await browser.PostAsync("/signout", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin?lang=en")).StatusCode);
        var refused = app.Table("AccessLog").Query<TableEntity>(e => e.PartitionKey == AccessLog.RefusedPartition).ToList();
        Assert.Contains(refused, e => e.GetString("Route") == "/signout" && e.GetInt32("Status") == 400);
    }

    [Fact]
    public async Task A_session_ends_after_its_idle_time_and_after_its_absolute_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new LumoFlowApp(services, configure: builder => builder.ConfigureTestServices(s =>
            s.AddSingleton(sp => new StaffSessions(sp.GetRequiredService<LumoFlowTables>().StaffSessions, SessionOptions.Default, clock))));

        async Task<HttpStatusCode> ReadAsync(string cookie)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Add("Cookie", cookie);
            return (await client.GetAsync("/api/admin/summary")).StatusCode;
        }

        // Idle: 29 minutes between requests keep it going; 30 without one end it.
        var (idle, _) = await app.SessionAsync("Admin", null, "idle.admin@kunta.example");
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(idle));
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(idle));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(idle));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(idle)); // ended is ended, even right after

        // Absolute: a request every 25 minutes, and still it ends 10 hours after the sign-in.
        var (busy, _) = await app.SessionAsync("Admin", null, "busy.admin@kunta.example");
        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(25) < TimeSpan.FromHours(10))
        {
            clock.Advance(TimeSpan.FromMinutes(25));
            elapsed += TimeSpan.FromMinutes(25);
            Assert.Equal(HttpStatusCode.OK, await ReadAsync(busy));
        }
        clock.Advance(TimeSpan.FromHours(10) - elapsed);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(busy));

        var refused = app.Table("AccessLog").Query<TableEntity>(e => e.PartitionKey == AccessLog.RefusedPartition).ToList();
        Assert.Contains(refused, e => e.GetString("Actor") == "idle.admin@kunta.example" && e.GetString("Reason")!.Contains("without a request"));
        Assert.Contains(refused, e => e.GetString("Actor") == "busy.admin@kunta.example" && e.GetString("Reason")!.Contains("since the sign-in"));
    }

    [Fact]
    public async Task The_user_header_names_nobody_the_history_and_the_access_log_show_the_signed_in_person_or_the_key()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("header"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);

        var key = app.KeyClient();
        key.DefaultRequestHeaders.Add("x-lumoflow-user", "maija.virtanen@kunta.example");
        Assert.Equal(HttpStatusCode.Accepted, (await key.PostAsJsonAsync($"/api/cases/{caseId}/events/UrgencyAssessed", new { urgent = false })).StatusCode);
        var person = await app.SignedInClientAsync("SocialWorker", Team, "real.worker@kunta.example");
        person.DefaultRequestHeaders.Add("x-lumoflow-user", "someone.else@kunta.example");
        var contacted = await person.PostAsJsonAsync($"/api/cases/{caseId}/events/NotifierContacted", new { how = "phone" });
        Assert.Equal(HttpStatusCode.Accepted, contacted.StatusCode);

        var status = await app.WaitForStatusAsync(caseId, s => Cases.HasEvent(s, "UrgencyAssessed") && Cases.HasEvent(s, "NotifierContacted"));
        var history = status["history"]!.AsArray();
        Assert.Contains(history, h => (string?)h!["eventType"] == "UrgencyAssessed" && (string?)h["actor"] == "key:default");
        Assert.Contains(history, h => (string?)h!["eventType"] == "NotifierContacted" && (string?)h["actor"] == "real.worker@kunta.example");
        Assert.DoesNotContain(history, h => (string?)h!["actor"] is "maija.virtanen@kunta.example" or "someone.else@kunta.example");

        var log = app.Table("AccessLog").Query<TableEntity>(e => e.PartitionKey == caseId).ToList();
        Assert.Contains(log, e => (e.GetString("Actor"), e.GetString("Credential"), e.GetString("Role"), e.GetString("Action"))
                                  == ("key:default", "function-key", "Integration", "Event:UrgencyAssessed"));
        Assert.Contains(log, e => (e.GetString("Actor"), e.GetString("Credential"), e.GetString("Team"), e.GetString("Action"))
                                  == ("real.worker@kunta.example", "token", Team, "Event:NotifierContacted"));
        Assert.DoesNotContain(log, e => e.GetString("Actor") is "maija.virtanen@kunta.example" or "someone.else@kunta.example");

        // A key registers no phoned notification: a past time of receipt is a person's to give.
        var phoned = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("phoned-by-key"), "Kuopio");
        phoned["receivedAt"] = DateTimeOffset.UtcNow.AddDays(-2).ToString("O");
        Assert.Equal(HttpStatusCode.BadRequest, (await app.KeyClient().PostAsJsonAsync("/api/notifications", phoned)).StatusCode);
        var registered = await (await app.SignedInClientAsync("SocialWorker", Team, "phone.worker@kunta.example"))
            .PostAsJsonAsync("/api/notifications", phoned);
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
    }

    [Fact]
    public async Task A_named_local_key_is_recorded_by_its_name()
    {
        const string key = "case-system-key-0123456789abcdef";
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:FunctionKeys:case-system"] = key });
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("named-key"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var log = app.Table("AccessLog").Query<TableEntity>(e => e.PartitionKey == caseId).ToList();
        Assert.Contains(log, e => e.GetString("Actor") == "key:case-system" && e.GetString("Action") == "ReadStatus");
        Assert.DoesNotContain(log, e => e.Select(p => p.Value).OfType<string>().Any(v => v.Contains(key, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_dashboard_takes_no_key_and_a_key_is_never_an_administrator()
    {
        await using var app = new LumoFlowApp(services);
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var dashboard = await anonymous.GetAsync($"/admin?code={LumoFlowApp.FunctionKey}&user=admin&lang=en");
        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Contains("/signin", await dashboard.Content.ReadAsStringAsync());
        var withHeader = app.KeyClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await withHeader.GetAsync("/admin?lang=en")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await withHeader.GetAsync("/api/admin/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/admin/summary?code={LumoFlowApp.FunctionKey}")).StatusCode);
    }

    [Fact]
    public async Task The_administrators_view_of_the_access_log_shows_each_entry_s_credential_role_and_team()
    {
        await using var app = new LumoFlowApp(services);
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("view"), "Kuopio"));
        await app.WaitForStatusAsync(caseId, s => (string?)s["team"] == Team);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync("SocialWorker", Team, "reader.worker@kunta.example"))
            .GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.KeyClient().GetAsync($"/api/cases/{caseId}")).StatusCode);

        var browser = Browser(app);
        await SignInAsync(browser, "Admin", null, "viewing.admin@kunta.example");
        var page = await browser.GetStringAsync($"/admin/cases/{caseId}?lang=en");
        var log = page[page.IndexOf("id=\"access\"", StringComparison.Ordinal)..];
        Assert.Contains("<th scope=\"col\">Credential</th>", log);
        Assert.Contains("<td>reader.worker@kunta.example</td><td>Bearer token</td>", log);
        Assert.Contains("<td>Social worker</td><td>Pohjois-Savon lastensuojelun vastaanotto</td>", log);
        Assert.Contains("<td>key:default</td><td>Function key (machine)</td>", log);
        Assert.Contains("<td>Integration (function key)</td>", log);
        Assert.Contains("<td>viewing.admin@kunta.example</td><td>Signed in, browser</td>", log);

        var detail = await app.StaffClient("api.admin").GetFromJsonAsync<JsonObject>($"/api/admin/cases/{caseId}");
        Assert.Contains(detail!["accessLog"]!.AsArray(), e => (string?)e!["credential"] == "token" && (string?)e["role"] == "SocialWorker"
                                                                  && (string?)e["team"] == Team);
    }

    [Fact]
    public async Task HSTS_is_sent_under_Azure_s_setting_and_not_locally()
    {
        await using var local = new LumoFlowApp(services);
        Assert.False((await local.CreateClient().GetAsync("/api/health")).Headers.Contains("Strict-Transport-Security"));

        await using var azure = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["WEBSITE_SITE_NAME"] = "lumoflow-test" })
        {
            HostEnvironment = "Production",
        };
        var health = await azure.CreateClient().GetAsync("/api/health");
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(health.Headers.GetValues("Strict-Transport-Security")));
        var error = await azure.CreateClient().GetAsync("/api/cases/LF0000000000X");
        Assert.True(error.Headers.Contains("Strict-Transport-Security"), "a refusal has it too");
    }
}
