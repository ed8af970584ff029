using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LumoFlow.Domain.Calendar;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The management API over HTTP on real Azurite and real DurableTask.AzureStorage: every filter, paging across pages,
/// each control's allowed and refused answers, the workload summary and THL's report on cases registered with past
/// times of receipt, so that every expected figure is known in advance.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class AdminApiTests(DevServices services) : IAsyncLifetime
{
    private readonly LumoFlowApp _app = new(services);
    private HttpClient Staff => _app.StaffClient("admin.tester");
    private static DateOnly Today => HelsinkiTime.LocalDate(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<string> RegisterAsync(int daysAgo, string municipality = "Kuopio") => _app.RegisterAsync(daysAgo, municipality, "admin.tester");

    /// <summary>Records the urgency assessment (LSL § 26(2): before the decision), then the decision.</summary>
    private async Task DecideAsync(string id, bool start = true)
    {
        await _app.AssessUrgencyAsync(id, "admin.tester");
        var response = await Staff.PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = start, reason = "selvitetään" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "DecisionMade"));
    }

    private async Task<List<JsonObject>> ListAsync(string query)
    {
        var response = await Staff.GetAsync($"/api/admin/cases?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.AsObject()).ToList();
    }

    private static List<string> Ids(IEnumerable<JsonObject> items) => [.. items.Select(i => (string)i["id"]!).Order()];

    /// <summary>The list is a projection written a moment after each step: wait until it shows what the test set up.</summary>
    private Task<List<JsonObject>> WaitForListAsync(string query, Func<List<JsonObject>, bool> done) =>
        Poll.UntilAsync(() => ListAsync(query), done, items => $"The list ?{query} never showed what was expected: {string.Join(",", Ids(items))}");

    [Fact]
    public async Task Every_filter_narrows_the_list_and_paging_walks_it_in_order_without_child_data()
    {
        var decisionLate = await RegisterAsync(30);                        // decision due ~3 weeks ago, undecided
        var fresh = await RegisterAsync(0, municipality: "Joensuu");      // another team, nothing due yet
        var assessing = await RegisterAsync(2);
        await DecideAsync(assessing);
        var assessmentLate = await RegisterAsync(120);                     // assessment due ~a month ago
        await DecideAsync(assessmentLate);
        var ended = await RegisterAsync(1);
        Assert.Equal(HttpStatusCode.Accepted, (await Staff.PostAsync($"/api/cases/{ended}/terminate?reason=duplicate", null)).StatusCode);
        string[] all = [decisionLate, fresh, assessing, assessmentLate, ended];

        var everything = await WaitForListAsync("top=500", items =>
            all.All(id => items.Any(i => (string)i["id"]! == id)) && items.Any(i => (string)i["id"]! == ended && (string)i["runtimeStatus"]! == "Terminated")
            && items.Count(i => (string)i["phase"]! == "Assessing") == 2);
        Assert.Equal(all.Order(), Ids(everything));

        Assert.Equal([decisionLate], Ids(await ListAsync("overdue=decision")));
        Assert.Equal([assessmentLate], Ids(await ListAsync("overdue=assessment")));
        Assert.Equal(new[] { decisionLate, assessmentLate }.Order(), Ids(await ListAsync("overdue=any")));
        Assert.Equal([ended], Ids(await ListAsync("runtimeStatus=Terminated")));
        Assert.Equal(all.Order(), Ids(await ListAsync("runtimeStatus=Running,Terminated")));
        Assert.Equal(all.Except([ended]).Order(), Ids(await ListAsync("runtimeStatus=Running&runtimeStatus=Suspended")));
        Assert.Empty(await ListAsync("runtimeStatus=Completed"));
        Assert.Empty(await ListAsync("runtimeStatus=Failed"));
        Assert.Equal(new[] { assessing, assessmentLate }.Order(), Ids(await ListAsync("phase=Assessing")));
        Assert.Equal([fresh], Ids(await ListAsync("team=pohjois-karjala")));
        Assert.Equal(all.Except([fresh]).Order(), Ids(await ListAsync("team=pohjois-savo")));
        // Created is when the case was registered (today for all of them), not when the notification was received.
        Assert.Equal(all.Order(), Ids(await ListAsync($"createdFrom={Today:yyyy-MM-dd}&createdTo={Today:yyyy-MM-dd}")));
        Assert.Empty(await ListAsync($"createdFrom={Today.AddDays(1):yyyy-MM-dd}"));
        Assert.Empty(await ListAsync($"createdTo={Today.AddDays(-1):yyyy-MM-dd}"));
        Assert.Equal(new[] { decisionLate, assessmentLate }.Order(), Ids(await ListAsync($"dueBefore={Today.AddDays(-1):yyyy-MM-dd}")));
        Assert.Equal([decisionLate], Ids(await ListAsync($"q={decisionLate[..12]}")));
        Assert.Equal([decisionLate], Ids(await ListAsync($"q={decisionLate.ToLowerInvariant()}")));

        var item = everything.Single(i => (string)i["id"]! == decisionLate);
        // (worker is left out while no social worker is named, as every null field is; so is hoursSinceReceipt once
        // urgency is assessed.)
        Assert.Equal(["id", "runtimeStatus", "phase", "team", "createdTime", "lastUpdatedTime", "nextDeadline", "overdue", "openObligations", "linkedCases",
                "receivedAt", "urgencyUnassessed", "hoursSinceReceipt"],
            item.Select(p => p.Key));
        Assert.Equal("decision", (string)item["nextDeadline"]!["kind"]!);
        Assert.Equal(["decision"], item["overdue"]!.AsArray().Select(o => (string)o!));
        // LSL § 26(2): its urgency is not assessed, 30 days after receipt; a decided case's is.
        Assert.True((bool)item["urgencyUnassessed"]!);
        Assert.InRange((int)item["hoursSinceReceipt"]!, 30 * 24 - 2, 30 * 24 + 2);
        Assert.Contains("urgencyAssessment", item["openObligations"]!.AsArray().Select(o => (string)o!));
        var decided = everything.Single(i => (string)i["id"]! == assessing);
        Assert.False((bool)decided["urgencyUnassessed"]!);
        Assert.False(decided.ContainsKey("hoursSinceReceipt"));
        Assert.Null(everything.Single(i => (string)i["id"]! == ended)["nextDeadline"]);
        foreach (var personal in (string[])["Testi Lapsi", "Testi Huoltaja", "Maija Opettaja", "@example.test", "nälkäisenä"])
            Assert.DoesNotContain(personal, string.Join("", everything.Select(e => e.ToJsonString())));

        // Paging: two at a time, each page continuing where the last ended. Open cases whose urgency is not assessed
        // come first, the longest waiting first (LSL § 26(2)); then the rest, soonest next deadline first, none last (or
        // newest first).
        foreach (var order in new[] { "nextDeadline", "createdTime" })
        {
            var seen = new List<JsonObject>();
            string? token = null;
            var pages = 0;
            do
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/cases?top=2&orderBy={order}");
                if (token is not null) request.Headers.Add("x-ms-continuation-token", token);
                var response = await Staff.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var page = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.AsObject()).ToList();
                Assert.InRange(page.Count, 1, 2);
                seen.AddRange(page);
                token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
                pages++;
            } while (token is not null);
            Assert.Equal(3, pages);
            Assert.Equal(all.Order(), Ids(seen));
            Assert.Equal([decisionLate, fresh], seen.Take(2).Select(i => (string)i["id"]!)); // received 30 days ago, then today
            Assert.All(seen.Take(2), i => Assert.True((bool)i["urgencyUnassessed"]!));
            var rest = seen.Skip(2).ToList();
            Assert.All(rest, i => Assert.False((bool)i["urgencyUnassessed"]!));
            if (order == "nextDeadline")
            {
                var dates = rest.Select(i => (string?)i["nextDeadline"]?["date"] ?? "9999-12-31").ToList();
                Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
            }
            else
            {
                var created = rest.Select(i => DateTimeOffset.Parse((string)i["createdTime"]!, CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(created.OrderDescending(), created);
            }
        }
    }

    [Theory]
    [InlineData("top=0", "top")]
    [InlineData("top=501", "top")]
    [InlineData("top=ten", "top")]
    [InlineData("overdue=sometimes", "overdue")]
    [InlineData("runtimeStatus=Sleeping", "runtimeStatus")]
    [InlineData("phase=Dreaming", "phase")]
    [InlineData("createdFrom=1.4.2026", "createdFrom")]
    [InlineData("createdFrom=2026-05-01&createdTo=2026-04-01", "createdTo")]
    [InlineData("dueBefore=tomorrow", "dueBefore")]
    [InlineData("q=AB%27%20or%20true", "q")]
    [InlineData("orderBy=name", "orderBy")]
    public async Task A_bad_list_parameter_is_a_400_that_names_it(string query, string field)
    {
        var response = await Staff.GetAsync($"/api/admin/cases?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task A_continuation_token_that_is_not_one_is_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/cases");
        request.Headers.Add("x-ms-continuation-token", "bm90LWEtdG9rZW4");
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Without_the_key_every_admin_route_is_401()
    {
        var anonymous = _app.CreateClient();
        foreach (var path in new[] { "/api/admin/cases", "/api/admin/cases/ABCDEFGHJKMNPQRS", "/api/admin/summary", "/api/admin/reports/compliance?period=2026-apr-sep", "/admin", "/admin/reports/compliance" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        foreach (var path in new[] { "suspend", "resume", "purge", "terminate" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/admin/cases/ABCDEFGHJKMNPQRS/{path}?reason=x", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/admin/purge?endedMoreThanDays=1&reason=x", null)).StatusCode);
    }

    [Fact]
    public async Task Suspend_resume_terminate_and_purge_answer_as_the_case_allows_and_each_is_access_logged_with_why()
    {
        var id = await RegisterAsync(0);
        await _app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent"));
        async Task<HttpResponseMessage> Control(string control, string? reason = "tarkistus") =>
            await Staff.PostAsync($"/api/admin/cases/{id}/{control}" + (reason is null ? "" : $"?reason={Uri.EscapeDataString(reason)}"), null);

        Assert.Equal(HttpStatusCode.BadRequest, (await Control("suspend", reason: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Control("suspend", reason: new string('x', 501))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.PostAsync("/api/admin/cases/ABCDEFGHJKMNPQRS/suspend?reason=x", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Control("purge")).StatusCode); // still running

        Assert.Equal(HttpStatusCode.OK, (await Control("suspend", "odotetaan tietoja")).StatusCode);
        var again = await Control("suspend");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((bool)(await again.Content.ReadFromJsonAsync<JsonObject>())!["done"]!);
        await WaitForListAsync("runtimeStatus=Suspended", items => Ids(items).Contains(id));
        var detail = await DetailAsync(id);
        Assert.Equal("Suspended", (string)detail["runtimeStatus"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await Control("purge")).StatusCode); // suspended is not ended

        Assert.Equal(HttpStatusCode.OK, (await Control("resume", "tiedot saatu")).StatusCode);
        await Poll.UntilAsync(async () => (string)(await DetailAsync(id))["runtimeStatus"]! == "Running", "resumed");
        Assert.Empty(await ListAsync($"runtimeStatus=Suspended&q={id}"));

        var urgency = await Staff.PostAsJsonAsync($"/api/admin/cases/{id}/events/UrgencyAssessed?reason=puhelu+poliisilta", new { urgent = false });
        Assert.Equal(HttpStatusCode.Accepted, urgency.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await Control("terminate", "ilmoitus tehty väärään kuntaan")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await Control("terminate")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Control("suspend")).StatusCode);
        await Poll.UntilAsync(async () => (string)(await DetailAsync(id))["engine"]!["runtimeStatus"]! == "Terminated", "the engine shows it terminated");

        detail = await DetailAsync(id);
        var engineEvents = detail["engine"]!["history"]!.AsArray().Select(e => (string)e!["eventType"]!).ToList();
        Assert.True(engineEvents.Contains("ExecutionStarted"), string.Join(",", engineEvents));
        Assert.True(engineEvents.Contains("ExecutionTerminated"), string.Join(",", engineEvents));
        Assert.All(detail["engine"]!["history"]!.AsArray(), e => DateTimeOffset.Parse((string)e!["timestamp"]!, CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, (await Control("purge", "säilytysaika moottorissa")).StatusCode);
        var purgedTwice = await Control("purge");
        Assert.False((bool)(await purgedTwice.Content.ReadFromJsonAsync<JsonObject>())!["done"]!);

        // The engine's history is gone; LumoFlow's record of the case is not.
        detail = await DetailAsync(id);
        Assert.Equal("Terminated", (string)detail["runtimeStatus"]!);
        Assert.Null(detail["engine"]!["history"]);
        Assert.NotNull(detail["engine"]!["purgedAt"]);
        Assert.Contains(detail["history"]!.AsArray(), h => (string)h!["eventType"]! == "Terminated");
        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync($"/api/cases/{id}?showHistory=true")).StatusCode);

        var log = detail["accessLog"]!.AsArray().Select(a => ((string)a!["action"]!, (string?)a["reason"], (string)a["actor"]!)).ToList();
        Assert.Contains(("Suspend", "odotetaan tietoja", "admin.tester"), log);
        Assert.Contains(("Resume", "tiedot saatu", "admin.tester"), log);
        Assert.Contains(("Terminate", "ilmoitus tehty väärään kuntaan", "admin.tester"), log);
        Assert.Contains(("Event:UrgencyAssessed", "puhelu poliisilta", "admin.tester"), log);
        Assert.Contains(("PurgeEngineHistory", "säilytysaika moottorissa", "admin.tester"), log);
        Assert.Contains(log, l => l.Item1 == "ReadAdminDetail");
    }

    [Fact]
    public async Task The_dashboard_raises_events_through_the_same_gate_and_shows_a_refusal_with_what_is_missing()
    {
        var id = await RegisterAsync(0);
        await _app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent"));
        var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = LumoFlowApp.BaseAddress,
        });
        await LumoFlowApp.SignInAsync(browser, "Admin", null, "admin.form@kunta.example");
        var control = $"/admin/cases/{id}/control?lang=en";
        var confirm = await browser.GetAsync(control + "&action=event");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmPage = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("<textarea id=\"reason\"", confirmPage);
        // A signed-in administrator's form carries the page's anti-forgery token.
        var served = ServedForm.Parse(confirmPage);
        HttpContent Form(params (string, string)[] fields) => new FormUrlEncodedContent(
            fields.Append((served.TokenName, served.Token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

        // Closing now is refused by the workflow: the page says why and what is missing, and nothing was raised.
        var refused = await browser.PostAsync(control, Form(("action", "event"), ("eventName", "AssessmentCompleted"),
            ("body", """{"outcome":"noServices","summary":{"needs":"x","views":"x","conclusion":"x"}}"""), ("reason", "valmis")));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, page);
        Assert.Contains("error-summary", page);

        var accepted = await browser.PostAsync(control, Form(("action", "event"), ("eventName", "UrgencyAssessed"), ("body", """{"urgent":false}"""), ("reason", "arvioitu")));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith($"/admin/cases/{id}?", accepted.Headers.Location!.OriginalString);
        Assert.DoesNotContain("code=", accepted.Headers.Location.OriginalString);
        var status = await _app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "UrgencyAssessed"));
        Assert.Contains(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "UrgencyAssessed" && (string)h["actor"]! == "admin.form@kunta.example");

        // Bad JSON in the details is the form's own error, linked to the field.
        var bad = await browser.PostAsync(control, Form(("action", "event"), ("eventName", "UrgencyAssessed"), ("body", "{urgent:"), ("reason", "x")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("href=\"#body\"", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bulk_purge_takes_the_engine_history_of_cases_ended_long_enough_ago_and_leaves_the_rest()
    {
        var ended = await RegisterAsync(0);
        var running = await RegisterAsync(0);
        Assert.Equal(HttpStatusCode.Accepted, (await Staff.PostAsync($"/api/cases/{ended}/terminate?reason=duplicate", null)).StatusCode);
        await WaitForListAsync("runtimeStatus=Terminated", items => Ids(items).Contains(ended));
        await Poll.UntilAsync(async () => (await _app.Durable.GetInstanceAsync(ended))?.IsCompleted == true, "the engine shows it ended");

        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PostAsync("/api/admin/purge?endedMoreThanDays=-1&reason=x", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PostAsync("/api/admin/purge?endedMoreThanDays=30", null)).StatusCode);

        var none = await (await Staff.PostAsync("/api/admin/purge?endedMoreThanDays=30&reason=siivous", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Empty(none!["purged"]!.AsArray());
        Assert.NotNull(await _app.Durable.GetInstanceAsync(ended));

        var response = await Staff.PostAsync("/api/admin/purge?endedMoreThanDays=0&reason=siivous", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([ended], (await response.Content.ReadFromJsonAsync<JsonObject>())!["purged"]!.AsArray().Select(p => (string)p!));
        Assert.Null(await _app.Durable.GetInstanceAsync(ended));
        Assert.NotNull(await _app.Durable.GetInstanceAsync(running));
        Assert.Equal("Terminated", (string)(await _app.StatusAsync(ended))["runtimeStatus"]!);
    }

    [Fact]
    public async Task The_summary_counts_open_cases_per_team_by_phase_with_the_deadlines_passed()
    {
        var late = await RegisterAsync(30);
        var other = await RegisterAsync(0, municipality: "Joensuu");
        var assessing = await RegisterAsync(2);
        await DecideAsync(assessing);
        await WaitForListAsync("top=500", items => Ids(items).Count == 3 && items.Any(i => (string)i["phase"]! == "Assessing"));

        var summary = await Staff.GetFromJsonAsync<JsonObject>("/api/admin/summary");
        var teams = summary!["teams"]!.AsArray().ToDictionary(t => (string)t!["teamId"]!, t => t!.AsObject());
        Assert.Equal(["pohjois-karjala", "pohjois-savo"], teams.Keys.Order());
        var savo = teams["pohjois-savo"];
        Assert.Equal(2, (int)savo["open"]!);
        Assert.Equal(1, (int)savo["openByPhase"]!["AwaitingDecision"]!);
        Assert.Equal(1, (int)savo["openByPhase"]!["Assessing"]!);
        Assert.Equal(1, (int)savo["decisionOverdue"]!);
        Assert.Equal(0, (int)savo["assessmentOverdue"]!);
        Assert.Equal(3, (int)summary["total"]!["open"]!);
        Assert.Equal(8, summary["duePerWeek"]!.AsArray().Count);
        Assert.Equal(0, (int)teams["pohjois-karjala"]["decisionOverdue"]!);
        _ = late; _ = other;
    }

    [Fact]
    public async Task The_compliance_report_gives_the_figures_known_in_advance_as_JSON_and_as_CSV()
    {
        var inTime = await RegisterAsync(1);       // decided now, within 7 working days
        var lateDecided = await RegisterAsync(30); // decided now, three weeks late
        var lateUndecided = await RegisterAsync(30);
        var notYetDue = await RegisterAsync(0, municipality: "Joensuu");
        await DecideAsync(inTime);
        await DecideAsync(lateDecided);
        await WaitForListAsync("top=500", items => Ids(items).Count == 4 && items.Count(i => (string)i["phase"]! == "Assessing") == 2);

        var period = $"{Today.AddDays(-60):yyyy-MM-dd}..{Today:yyyy-MM-dd}";
        var report = await Staff.GetFromJsonAsync<JsonObject>($"/api/admin/reports/compliance?period={period}");
        var all = report!["organisation"]!;
        Assert.Equal(4, (int)all["received"]!);
        Assert.Equal(1, (int)all["decidedInTime"]!);
        Assert.Equal(2, (int)all["decisionExceeded"]!);
        Assert.Equal(1, (int)all["decisionNotYetDue"]!);
        Assert.Equal(33.3, (double)all["decidedInTimePercent"]!);
        Assert.Equal(new[] { lateDecided, lateUndecided }.Order(), all["decisionExceededCases"]!.AsArray().Select(c => (string)c!).Order());
        Assert.Equal(0, (int)all["assessmentsCompleted"]!);
        Assert.Null(all["completedInTimePercent"]);
        var teams = report["teams"]!.AsArray().ToDictionary(t => (string)t!["teamId"]!, t => t!["figures"]!);
        Assert.Equal(3, (int)teams["pohjois-savo"]["received"]!);
        Assert.Equal(1, (int)teams["pohjois-karjala"]["received"]!);

        // The same table as CSV, by Accept or by ?format=csv.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/reports/compliance?period={period}");
        request.Headers.Accept.ParseAdd("text/csv");
        var csvResponse = await Staff.SendAsync(request);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,unit,received,decidedInTime,decisionExceeded", csv[0]);
        Assert.StartsWith($"{period},all,4,1,2,1,0,33.3,0,0,0,", csv[1]);
        Assert.Equal(4, csv.Length); // the header, all, pohjois-karjala, pohjois-savo
        Assert.Equal(csv, (await Staff.GetStringAsync($"/api/admin/reports/compliance?period={period}&format=csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        // A period outside the cases counts none of them; a bad period is a 400 that says what a period is.
        var empty = await Staff.GetFromJsonAsync<JsonObject>($"/api/admin/reports/compliance?period={Today.Year - 2}-apr-sep");
        Assert.Equal(0, (int)empty!["organisation"]!["received"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.GetAsync("/api/admin/reports/compliance?period=last-summer")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.GetAsync("/api/admin/reports/compliance")).StatusCode);
        _ = notYetDue;
    }

    private async Task<JsonObject> DetailAsync(string id)
    {
        var response = await Staff.GetAsync($"/api/admin/cases/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
