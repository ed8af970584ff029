using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.App.Records;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The public notification form at <c>/</c> over HTTP, against the local host on real Azurite: what a browser without
/// JavaScript sends (url-encoded fields, the anti-forgery cookie and token), and what comes back.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class NotificationFormTests(DevServices services)
{
    [Fact]
    public async Task The_form_carries_an_antiforgery_token_and_a_submission_id_and_labels_every_field()
    {
        await using var app = new LumoFlowApp(services);
        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fi\">", html);
        Assert.Matches(TokenField(), html);
        Assert.Matches(SubmissionField(), html);
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies)
                    && cookies.Any(c => c.StartsWith("__Host-lumoflow-antiforgery=", StringComparison.Ordinal)));

        // Every visible control has a label that names it.
        var ids = VisibleControlIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("childIdentityCode", ids);
        Assert.Contains("reasons-neglect", ids);
        foreach (var id in ids) Assert.Contains($"<label for=\"{id}\"", html);

        var swedish = await (await app.CreateClient().GetAsync("/?lang=sv")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"sv\">", swedish);
        Assert.Contains("Barnskyddsanmälan", swedish);
        Assert.Contains("<option value=\"sv\" selected>", swedish); // the notifier's language follows the page's
    }

    [Fact]
    public async Task A_post_without_a_valid_token_is_refused_with_400_and_nothing_is_stored()
    {
        await using var app = new LumoFlowApp(services);
        var client = app.CreateClient();
        var form = await OpenAsync(client);

        var fields = ValidFields(form);
        fields.Remove(form.TokenName);
        var missing = await client.PostAsync("/", Form(fields));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Lomake on vanhentunut", await missing.Content.ReadAsStringAsync());

        fields[form.TokenName] = form.Token[..^4] + "AAAA";
        var forged = await client.PostAsync("/", Form(fields));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A token from another browser (without its cookie) is no good either.
        var otherBrowser = app.CreateClient();
        var crossSite = await otherBrowser.PostAsync("/", Form(ValidFields(form)));
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);

        Assert.Empty(await InstancesAsync(app));
    }

    [Fact]
    public async Task A_form_served_by_one_instance_is_accepted_by_another_because_the_anti_forgery_keys_live_in_the_app_s_table()
    {
        await using var first = new LumoFlowApp(services);
        await using var second = new LumoFlowApp(services, first.Hub); // the same app scaled out: the same tables
        await using var elsewhere = new LumoFlowApp(services);          // another deployment: tables and key ring of its own
        var noCookies = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false };

        var served = await first.CreateClient(noCookies).GetAsync("/");
        var html = await served.Content.ReadAsStringAsync();
        var form = ServedForm.Parse(html);
        var cookie = served.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lumoflow-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        Assert.NotEmpty(await first.Table("DataProtectionKeys").QueryAsync<Azure.Data.Tables.TableEntity>().AllAsync());

        async Task<HttpResponseMessage> PostToAsync(LumoFlowApp app)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Form(ValidFields(form)) };
            request.Headers.Add("Cookie", cookie);
            return await app.CreateClient(noCookies).SendAsync(request);
        }

        var elsewhereAnswer = await PostToAsync(elsewhere);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhereAnswer.StatusCode);
        Assert.Contains("Lomake on vanhentunut", await elsewhereAnswer.Content.ReadAsStringAsync());
        var secondAnswer = await PostToAsync(second);
        Assert.Equal(HttpStatusCode.OK, secondAnswer.StatusCode);
        Assert.Matches(Reference(), await secondAnswer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_valid_notification_opens_a_case_and_the_receipt_shows_its_reference_and_the_calculator_s_dates()
    {
        await using var app = new LumoFlowApp(services);
        var client = app.CreateClient();
        var form = await OpenAsync(client);

        var response = await client.PostAsync("/", Form(ValidFields(form)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var id = Reference().Match(html).Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains("Ilmoitus on vastaanotettu", html);
        Assert.Contains("Ilmoitusvelvollisen on ilmoitettava viipymättä", html); // a professional notifier

        // The case is the notification the form described, and its dates are the deadline calculator's.
        var status = await app.StatusAsync(id);
        var receivedAt = (string)status["receivedAt"]!;
        var deadlines = await client.GetFromJsonAsync<JsonObject>($"/api/deadlines?receivedAt={Uri.EscapeDataString(receivedAt)}");
        Assert.Equal(Finnish((string)deadlines!["decisionDue"]!), DecisionDue().Match(html).Groups[1].Value);
        Assert.Equal(Finnish((string)deadlines["assessmentDue"]!), AssessmentDue().Match(html).Groups[1].Value);
        var notification = JsonNode.Parse(await StaffNotificationAsync(app, id))!;
        Assert.Equal("Opettaja", (string)notification["notifier"]!["profession"]!);
        Assert.Equal(["neglect", "schoolNeglect"], notification["reasons"]!.AsArray().Select(r => (string)r!).Order());
    }

    [Fact]
    public async Task A_pre_birth_notification_s_receipt_says_the_deadlines_start_at_the_birth_and_shows_no_date()
    {
        await using var app = new LumoFlowApp(services);
        var client = app.CreateClient();
        var form = await OpenAsync(client);
        var fields = ValidFields(form);
        fields["kind"] = "preBirth";
        fields.Remove("childIdentityCode");
        fields["childExpectedBirthDate"] = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await client.PostAsync("/", Form(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var id = Reference().Match(html).Groups[1].Value;
        Assert.Contains("Lastensuojeluasia tulee vireille vasta lapsen synnyttyä", html);
        Assert.Equal("7. arkipäivänä syntymän jälkeen", DecisionDue().Match(html).Groups[1].Value);
        Assert.Equal("3 kuukauden kuluttua syntymästä", AssessmentDue().Match(html).Groups[1].Value);
        Assert.DoesNotContain("Viimeistään seitsemäntenä arkipäivänä (", html);

        // What the receipt says is what the case does: it waits for the birth, with no deadline running.
        var status = await app.StatusAsync(id);
        Assert.Equal("AwaitingBirth", (string)status["customStatus"]!["phase"]!);
        Assert.Null(status["deadlines"]);
    }

    [Fact]
    public async Task An_invalid_notification_gets_the_form_back_with_400_errors_at_their_fields_in_the_page_language_and_the_values_kept()
    {
        await using var app = new LumoFlowApp(services);
        var client = app.CreateClient();
        var form = await OpenAsync(client);
        var fields = ValidFields(form);
        fields["childIdentityCode"] = "010115A12"; // too short
        fields["notifierPhone"] = "";
        fields["notifierEmail"] = "";
        fields["concern"] = "<script>alert(1)</script><b>x</b>";

        var response = await client.PostAsync("/", Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains("<a href=\"#childIdentityCode\">Lapsen henkilötunnus: ei ole kelvollinen henkilötunnus: siinä on oltava 11 merkkiä", html);
        Assert.Contains("<a href=\"#notifierPhone\">Puhelinnumero: ilmoitusvelvollinen antaa puhelinnumeron", html);
        Assert.Matches("<input type=\"text\" id=\"childIdentityCode\" name=\"childIdentityCode\" value=\"010115A12\"[^>]*aria-describedby=\"childIdentityCode-hint childIdentityCode-error\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("<span class=\"field-error\" id=\"childIdentityCode-error\">", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</textarea>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains($"value=\"{form.Submission}\"", html); // the same submission, corrected
        Assert.Empty(await InstancesAsync(app));

        // In English, the validator's own words.
        fields["lang"] = "en";
        var english = await (await client.PostAsync("/", Form(fields))).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#childIdentityCode\">Child&#x27;s personal identity code: is not a valid Finnish personal identity code: must be 11 characters", english);
    }

    [Fact]
    public async Task The_same_submission_sent_twice_gives_the_same_case()
    {
        await using var app = new LumoFlowApp(services);
        var client = app.CreateClient();
        var form = await OpenAsync(client);

        var fields = ValidFields(form);
        var first = await client.PostAsync("/", Form(fields));
        var second = await client.PostAsync("/", Form(fields));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = Reference().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(id, Reference().Match(await second.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.Equal([id], await InstancesAsync(app));

        // The same form changed after it was sent (back, edit, send) opens nothing and reveals nothing.
        fields["concern"] = "Toinen huoli.";
        var changed = await client.PostAsync("/", Form(fields));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.DoesNotContain(id, await changed.Content.ReadAsStringAsync());
        Assert.Equal([id], await InstancesAsync(app));

        // A new form is a new notification.
        var next = await OpenAsync(client);
        Assert.NotEqual(form.Submission, next.Submission);
        var third = await client.PostAsync("/", Form(ValidFields(next)));
        Assert.NotEqual(id, Reference().Match(await third.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [Fact]
    public async Task Over_the_rate_limit_the_form_and_the_anonymous_api_answer_429_with_Retry_After_but_staff_do_not()
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?>
        {
            ["LumoFlow:Intake:SubmissionsPerClientPerHour"] = "2",
            ["LumoFlow:Intake:ClientAddressHeader"] = "X-Forwarded-For",
        });
        var client = app.CreateClient();
        // App Service's front end appends the address it saw with its port: a new port for every connection.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.1, 203.0.113.7:50001");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/", Form(ValidFields(await OpenAsync(client))))).StatusCode);
        // An invalid one is not counted: correcting a form is free.
        var invalid = ValidFields(await OpenAsync(client));
        invalid["concern"] = "";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/", Form(invalid))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("limit")))).StatusCode);

        var refused = await client.PostAsync("/", Form(ValidFields(await OpenAsync(client))));
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Contains("Liian monta ilmoitusta", await refused.Content.ReadAsStringAsync());

        var api = await client.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("limit")));
        Assert.Equal((HttpStatusCode)429, api.StatusCode);
        Assert.True(api.Headers.Contains("Retry-After"));
        // A new connection (port) from the same address, or another address in its IPv6 /64, is the same client.
        var newPort = app.CreateClient();
        newPort.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7:61234");
        Assert.Equal((HttpStatusCode)429, (await newPort.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(),
            Sample.UniqueEmail("port")))).StatusCode);
        foreach (var address in new[] { "[2001:db8:5:6::1]:1000", "[2001:db8:5:6:ffff::2]:1001", "2001:db8:5:6::3" })
        {
            var v6 = app.CreateClient();
            v6.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            var expected = address.EndsWith("::3", StringComparison.Ordinal) ? (HttpStatusCode)429 : HttpStatusCode.Accepted;
            var answer = await v6.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("v6")));
            Assert.Equal(expected, answer.StatusCode);
        }

        // Another client (the last X-Forwarded-For entry is the one the platform saw) still may; staff always may.
        var other = app.CreateClient();
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.8");
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("other")))).StatusCode);
        var staff = app.StaffClient();
        staff.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.1, 203.0.113.7:50002");
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("staff")))).StatusCode);
        Assert.Equal(6, (await InstancesAsync(app)).Count);
    }

    private static async Task<ServedForm> OpenAsync(HttpClient client) => ServedForm.Parse(await client.GetStringAsync("/"));

    /// <summary>What a teacher fills in: a professional notifier, one child by identity code, two reasons.</summary>
    private static Dictionary<string, string> ValidFields(ServedForm form) => new()
    {
        [form.TokenName] = form.Token,
        ["lang"] = "fi",
        ["submission"] = form.Submission,
        ["kind"] = "childWelfare",
        ["notifierType"] = "professional",
        ["notifierName"] = "Maija Meikäläinen",
        ["notifierProfession"] = "Opettaja",
        ["notifierOrganisation"] = "Keskuskoulu",
        ["notifierPhone"] = "040 123 4567",
        ["notifierEmail"] = Sample.UniqueEmail("form"),
        ["notifierLanguage"] = "fi",
        ["childName"] = "Matti",
        ["childIdentityCode"] = Sample.IdentityCode(),
        ["childHomeMunicipality"] = "Kuopio",
        ["childLanguage"] = "fi",
        ["concern"] = "Lapsi on ollut poissa koulusta kaksi viikkoa eikä kotiin saada yhteyttä.",
        ["familyInformed"] = "no",
        ["firstHandKnowledge"] = "yes",
        ["reasons"] = "neglect,schoolNeglect",
    };

    /// <summary>The fields url-encoded as a browser sends them: a checkbox group (reasons) as one field per ticked box.</summary>
    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(
        fields.SelectMany(f => f.Key == "reasons"
            ? f.Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => KeyValuePair.Create(f.Key, r))
            : [f]));

    private static string Finnish(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    private static async Task<List<string>> InstancesAsync(LumoFlowApp app)
    {
        var instances = new List<string>();
        await foreach (var instance in app.Durable.GetAllInstancesAsync(new OrchestrationQuery())) instances.Add(instance.InstanceId);
        return instances;
    }

    /// <summary>The notification as the case's record keeps it (written by the orchestration a moment after the answer).</summary>
    private static async Task<string> StaffNotificationAsync(LumoFlowApp app, string id) =>
        (await Poll.UntilAsync(() => app.Services.GetRequiredService<CaseRecords>().GetNotificationJsonAsync(id, CancellationToken.None),
            json => json is not null, _ => $"Case {id} has no recorded notification", seconds: 30, intervalMs: 100))!;

    private static Regex TokenField() => ServedForm.TokenField();

    private static Regex SubmissionField() => ServedForm.SubmissionField();

    [GeneratedRegex("<(?:input|select|textarea) (?:type=\"(?!hidden)[a-z]+\" )?id=\"([^\"]+)\"")]
    private static partial Regex VisibleControlIds();

    [GeneratedRegex("id=\"case-reference\">([^<]+)<")]
    private static partial Regex Reference();

    [GeneratedRegex("id=\"decision-due\">([^<]+)<")]
    private static partial Regex DecisionDue();

    [GeneratedRegex("id=\"assessment-due\">([^<]+)<")]
    private static partial Regex AssessmentDue();
}
