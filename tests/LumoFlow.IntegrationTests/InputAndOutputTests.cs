using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using LumoFlow.App.Http;
using LumoFlow.App.Records;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 22, input and output, over HTTP on the local host: control and format characters taken out of free text at
/// intake (the notification, staff events, the partner's answer) and refused in identity codes; shown as a visible
/// marker when one reaches a page; <c>no-store</c> and <c>nosniff</c> on every answer with case data; every form's body
/// capped before it is parsed; <c>/api/deadlines</c> kept to the years it can count; the CSV's cells made text.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class InputAndOutputTests(DevServices services)
{
    private const string NoSuchCase = "ABCDEFGHJKMNPQRS";

    [Fact]
    public async Task A_notification_loses_control_and_format_characters_from_its_free_text()
    {
        await using var app = new LumoFlowApp(services);
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("controls"));
        notification["notifier"]!["name"] = "Maija\u202E Opettaja";
        notification["children"]![0]!["name"] = "Testi\u200B Lapsi\u2066";
        notification["guardians"]![0]!["name"] = "Testi\tHuoltaja";
        notification["concern"] = "Lapsi tulee nälkäisenä.\r\nVaatteet puuttuvat.\u200F\u0007";

        var id = await app.SubmitAsync(notification);

        // The notification's row is written with the case's first record, by the orchestration's first activity.
        var package = await Poll.UntilAsync(() => app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}/transfer-package")!,
            p => p?["notification"] is not null, p => $"Case {id} was not recorded: {p?.ToJsonString()}", seconds: 30, intervalMs: 100);
        var stored = package!["notification"]!;
        Assert.Equal("Maija Opettaja", (string)stored["notifier"]!["name"]!);
        Assert.Equal("Testi Lapsi", (string)stored["children"]![0]!["name"]!);
        Assert.Equal("Testi Huoltaja", (string)stored["guardians"]![0]!["name"]!);
        Assert.Equal("Lapsi tulee nälkäisenä.\nVaatteet puuttuvat.", (string)stored["concern"]!);
    }

    [Theory]
    [InlineData("professional")]
    [InlineData("private")]
    public async Task An_identity_code_with_one_is_refused_from_anyone_and_nothing_is_stored(string notifierType)
    {
        await using var app = new LumoFlowApp(services);
        var notification = Sample.Notification(Sample.IdentityCode() + "\u200B", Sample.UniqueEmail("code"));
        notification["notifier"]!["type"] = notifierType;

        var response = await app.CreateClient().PostAsJsonAsync("/api/notifications", notification);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("IdentityCodeControlCharacters", (string)problem["codes"]!["children[0].identityCode"]![0]!);
        Assert.Contains("invisible control or format characters", (string)problem["errors"]!["children[0].identityCode"]![0]!);
        Assert.Empty(await app.Table("Cases").QueryAsync<TableEntity>(select: ["PartitionKey"]).AllAsync());
    }

    [Fact]
    public async Task A_staff_event_loses_them_from_its_text_and_refuses_them_in_an_identity_code()
    {
        await using var app = new LumoFlowApp(services);
        var id = await app.RegisterAsync(daysAgo: 0);
        var staff = app.StaffClient();

        var refused = await staff.PostAsJsonAsync($"/api/cases/{id}/events/ChildIdentified", new { identityCode = "\t" + Sample.IdentityCode() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("IdentityCodeControlCharacters", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["codes"]!["identityCode"]![0]!);

        await Cases.AcceptAsync(staff, id, "UrgencyAssessed", new { urgent = false, note = "Ei\u202E kiireellinen.\r\nSeurataan.\u200B" });
        var status = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "UrgencyAssessed"));
        var package = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}/transfer-package");
        Assert.Contains(package!["documents"]!.AsArray(), d => (string)d!["text"]! == "Ei kiireellinen.\nSeurataan.");
        Assert.DoesNotContain("\u202E", package.ToJsonString() + status.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_s_answer_loses_them_and_keeps_its_lines()
    {
        await using var app = new LumoFlowApp(services);
        var id = await app.RegisterAsync(daysAgo: 0);
        var staff = app.StaffClient();
        var partnerEmail = Sample.UniqueEmail("partner");
        await Cases.AcceptAsync(staff, id, "PartnerInputRequested", new
        {
            partner = new { kind = "school", organisation = "Kuopion Keskuskoulu", email = partnerEmail },
            question = "Miten lapsi on voinut?",
        });
        var link = new Uri(PartnerLink().Match(Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail))).Text).Value);

        var answered = await app.CreateClient().PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["answer"] = "Väsynyt\u202E ja poissa.\r\nEi eväitä.\u2060",
            ["respondentName"] = "Rehtori\u200B Rinne",
        }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "PartnerInputReceived"));
        var package = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}/transfer-package");
        // The respondent's name signs the answer.
        Assert.Contains(package!["documents"]!.AsArray(), d => (string)d!["text"]! == "Väsynyt ja poissa.\nEi eväitä.\n\n— Rehtori Rinne");
    }

    [Fact]
    public async Task One_that_reaches_a_page_all_the_same_is_shown_as_a_visible_marker()
    {
        await using var app = new LumoFlowApp(services);
        var id = await app.RegisterAsync(daysAgo: 0);
        // A record from before intake took them out: the stored notification, edited in place.
        var cases = app.Table("Cases");
        await Poll.UntilAsync(async () => (await cases.GetEntityIfExistsAsync<TableEntity>(id, CaseRows.Notification)).HasValue, "the case's record");
        var row = (await cases.GetEntityAsync<TableEntity>(id, CaseRows.Notification)).Value;
        var json = JsonNode.Parse(ChunkedText.Read(row))!;
        json["notifier"]!["name"] = "Maija\u202E Opettaja\u200B";
        ChunkedText.Write(row, json.ToJsonString());
        await cases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var page = await (await app.StaffClient().GetAsync($"/staff/cases/{id}")).Content.ReadAsStringAsync();

        Assert.Contains("Maija⟨U+202E⟩ Opettaja⟨U+200B⟩", page);
        Assert.DoesNotContain("\u202E", page, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x202E;", page, StringComparison.OrdinalIgnoreCase);

        // The public form shows back what was typed, when it has to come back with an error.
        var browser = app.CreateClient();
        var form = ServedForm.Parse(await browser.GetStringAsync("/"));
        var again = await browser.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [form.TokenName] = form.Token, ["submission"] = form.Submission, ["kind"] = "childWelfare", ["notifierType"] = "private",
            ["childName"] = "Matti\u202Eittam",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // no concern
        Assert.Contains("Matti⟨U+202E⟩ittam", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_answer_with_case_data_is_never_stored_and_never_sniffed()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient("admin.tester");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var period = $"{DateTime.UtcNow.AddDays(-30):yyyy-MM-dd}..{today}";

        var intake = await app.CreateClient().PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("headers")));
        AssertProtected(intake, HttpStatusCode.Accepted);
        var id = (string)(await intake.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        foreach (var path in new[]
        {
            $"/api/cases/{id}", $"/api/cases/{id}?showHistory=true", $"/api/cases/{id}/transfer-package",
            "/api/admin/cases", $"/api/admin/cases/{id}", "/api/admin/summary",
            $"/api/admin/reports/compliance?period={period}", $"/api/admin/reports/compliance?period={period}&format=csv",
            $"/staff/cases/{id}", $"/staff/cases/{id}/transfer-package", $"/admin/cases/{id}", "/staff", "/admin",
            $"/api/deadlines?receivedAt={today}T10:00:00Z",
        })
            AssertProtected(await staff.GetAsync(path), HttpStatusCode.OK, path);

        AssertProtected(await staff.PostAsJsonAsync($"/api/cases/{id}/events/UrgencyAssessed", new { urgent = false }), HttpStatusCode.Accepted);
        AssertProtected(await staff.PostAsJsonAsync($"/api/cases/{id}/events/ChildIdentified", new { identityCode = "x" }), HttpStatusCode.BadRequest);
        AssertProtected(await staff.PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { }), HttpStatusCode.BadRequest);
        AssertProtected(await staff.GetAsync($"/api/cases/{NoSuchCase}"), HttpStatusCode.NotFound);
        AssertProtected(await app.CreateClient().GetAsync($"/api/cases/{id}"), HttpStatusCode.Unauthorized);
        AssertProtected(await app.CreateClient().GetAsync("/no/such/page"), HttpStatusCode.NotFound);

        // The fingerprinted stylesheet alone is public and cached for a year; it is still never sniffed.
        var css = await app.CreateClient().GetAsync(Stylesheet().Match(await app.CreateClient().GetStringAsync("/")).Value);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", Assert.Single(css.Headers.GetValues("X-Content-Type-Options")));
    }

    private static void AssertProtected(HttpResponseMessage response, HttpStatusCode status, string? what = null)
    {
        Assert.True(response.StatusCode == status, $"{what ?? response.RequestMessage!.RequestUri!.PathAndQuery}: {(int)response.StatusCode}");
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    public static TheoryData<string, int> FormRoutes() => new()
    {
        { "/", FormBodies.MaxTextFormBytes },
        { $"/staff/cases/{NoSuchCase}/events/ChildMet", FormBodies.MaxTextFormBytes },
        { $"/admin/cases/{NoSuchCase}/control", FormBodies.MaxTextFormBytes },
        { "/partner-input/not-a-token", FormBodies.MaxTextFormBytes },
        { "/signin", FormBodies.MaxSmallFormBytes },
        { "/signin/dev-token", FormBodies.MaxSmallFormBytes },
        { "/signin/callback", FormBodies.MaxSmallFormBytes },
        { "/signout", FormBodies.MaxSmallFormBytes },
        { $"/api/cases/{NoSuchCase}/events/ChildMet", FormBodies.MaxSmallFormBytes }, // no form is expected: the gate would still read one
    };

    [Theory]
    [MemberData(nameof(FormRoutes))]
    public async Task Every_form_body_is_capped_before_it_is_parsed(string path, int cap)
    {
        await using var app = new LumoFlowApp(services);
        // With the session cookie, a POST's form is read for its anti-forgery token before the handler runs: the cap comes first.
        var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Add("Cookie", (await app.SessionAsync("Admin", null)).Cookie);

        var declared = await browser.PostAsync(path, Form(cap + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

        // Without a Content-Length, the cap is found by reading.
        var streamed = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("note=" + new string('x', cap))));
        streamed.Headers.ContentType = new("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await browser.SendAsync(request)).StatusCode);

        // At the cap, the form is read (and then refused or taken for what it says).
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, (await browser.PostAsync(path, Form(cap))).StatusCode);
    }

    /// <summary>A url-encoded form of exactly <paramref name="bytes"/> bytes.</summary>
    private static ByteArrayContent Form(int bytes)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("note=" + new string('x', bytes - 5)));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    [Theory]
    [InlineData("9999-12-31T12:00:00Z")]
    [InlineData("2201-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("0001-01-01T12:00:00Z")]
    public async Task The_deadline_calculator_answers_400_outside_the_years_it_counts(string receivedAt)
    {
        await using var app = new LumoFlowApp(services);
        var response = await app.CreateClient().GetAsync($"/api/deadlines?receivedAt={receivedAt}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1900–2200", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["receivedAt"]![0]!);
    }

    [Theory]
    [InlineData("1900-01-01T00:00:00Z", "1900-01-01")]
    [InlineData("2200-12-31T12:00:00Z", "2200-12-31")]
    public async Task The_deadline_calculator_counts_at_the_ends_of_its_years(string receivedAt, string receivedOn)
    {
        await using var app = new LumoFlowApp(services);
        var response = await app.CreateClient().GetAsync($"/api/deadlines?receivedAt={receivedAt}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(receivedOn, (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["receivedOn"]!);
    }

    [Fact]
    public async Task A_csv_cell_that_a_spreadsheet_would_run_is_written_as_text()
    {
        // A team whose id a spreadsheet would read as a formula (ids come from the routing table, which people edit).
        const string team = "=1+2";
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?>
        {
            [$"LumoFlow:Routing:Teams:{team}:Name"] = "Formula team",
            [$"LumoFlow:Routing:Teams:{team}:OnCallEmail"] = "oncall@formula.example.test",
            [$"LumoFlow:Routing:Teams:{team}:WorkerEmail"] = "worker@formula.example.test",
            [$"LumoFlow:Routing:Teams:{team}:LeadEmail"] = "lead@formula.example.test",
            ["LumoFlow:Routing:Municipalities:Kaavala"] = team,
        });
        var id = await app.RegisterAsync(daysAgo: 0, municipality: "Kaavala");
        var staff = app.StaffClient("admin.tester");
        var period = $"{DateTime.UtcNow.AddDays(-30):yyyy-MM-dd}..{DateTime.UtcNow:yyyy-MM-dd}";
        await Poll.UntilAsync(async () => (await staff.GetFromJsonAsync<JsonArray>("/api/admin/cases"))!, items => items.Any(i => (string)i!["id"]! == id),
            _ => $"{id} is not listed");

        var csv = (await staff.GetStringAsync($"/api/admin/reports/compliance?period={period}&format=csv")).Split("\r\n");

        Assert.Contains(csv, line => line.StartsWith($"{period},'{team},1,", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, line => line.Contains($",{team},", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https://lumoflow\.test/partner-input/\S+")]
    private static partial Regex PartnerLink();

    [GeneratedRegex(@"/assets/lumoflow\.[0-9a-f]+\.css")]
    private static partial Regex Stylesheet();
}
