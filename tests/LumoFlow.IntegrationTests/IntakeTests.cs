using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests;

[Collection(DevServicesCollection.Name)]
public sealed class IntakeTests(DevServices services) : IAsyncLifetime
{
    private readonly LumoFlowApp _app = new(services);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_notification_is_stored_routed_given_deadlines_and_its_case_orchestration_sends_the_receipt()
    {
        var notifierEmail = Sample.UniqueEmail("teacher");
        var identityCode = Sample.IdentityCode();
        var before = DateTimeOffset.UtcNow;

        var response = await _app.CreateClient().PostAsJsonAsync("/api/notifications", Sample.Notification(identityCode, notifierEmail));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)body!["id"]!;
        Assert.Equal($"/api/cases/{id}", response.Headers.Location!.OriginalString);
        Assert.EndsWith($"/api/cases/{id}", (string)body["statusQueryGetUri"]!);
        Assert.EndsWith($"/api/cases/{id}/events/{{eventName}}", (string)body["sendEventPostUri"]!);
        Assert.Contains($"/api/cases/{id}/terminate?reason=", (string)body["terminatePostUri"]!);
        // Every child's case (one child here: this one), and nothing kept as given but flagged.
        var only = Assert.Single(body["cases"]!.AsArray())!;
        Assert.Equal(id, (string)only["id"]!);
        Assert.Equal((string)body["statusQueryGetUri"]!, (string)only["statusQueryGetUri"]!);
        Assert.False(body.ContainsKey("flags"), body.ToJsonString());

        // Durable before the answer: the case's orchestration exists the moment 202 came back, and staff can read the
        // case at once — from the opening Durable holds until the orchestration's first step has written the record.
        Assert.NotNull(await _app.Durable.GetInstanceAsync(id));
        var status = await _app.StatusAsync(id);
        Assert.Equal(id, (string)status["id"]!);
        Assert.Equal("Running", (string)status["runtimeStatus"]!);
        Assert.Equal("pohjois-savo", (string)status["team"]!);
        Assert.Equal("AwaitingDecision", (string)status["customStatus"]!["phase"]!);
        var receivedAt = DateTimeOffset.Parse((string)status["receivedAt"]!, CultureInfo.InvariantCulture);
        var expected = new DeadlineRules(WorkingDayCalendar.Default).For(receivedAt);
        Assert.Equal(expected.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string)status["deadlines"]!["decisionDue"]!);
        Assert.Equal(expected.AssessmentDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string)status["deadlines"]!["assessmentDue"]!);
        Assert.InRange(DateTimeOffset.Parse((string)status["createdTime"]!, CultureInfo.InvariantCulture), before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal(["NotificationReceived", "RoutedToTeam", "DeadlinesSet", "EmailQueued"], Cases.Events(status).Take(4));

        var receipt = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail)));
        Assert.Contains(id, receipt.Subject);
        Assert.Contains(id, receipt.Text);
        // Email is not a secure channel: no child's name, identity code or concern.
        Assert.DoesNotContain("Testi Lapsi", receipt.Text);
        Assert.DoesNotContain(identityCode, receipt.Text);
        Assert.DoesNotContain("nälkäisenä", receipt.Text);
        Assert.Contains(expected.DecisionDue.ToString("d.M.yyyy", CultureInfo.InvariantCulture), receipt.Text);

        // The history records that the receipt went out, in LumoFlow's own record; Durable's custom status says the same.
        status = await _app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent"));
        var stateRow = await _app.Table("Cases").GetEntityAsync<TableEntity>(id, "state");
        Assert.Equal("Running", stateRow.Value.GetString("RuntimeStatus"));
        var engine = await _app.Durable.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, engine!.RuntimeStatus);
        var engineStatus = JsonNode.Parse(engine.SerializedCustomStatus!)!.AsObject();
        foreach (var field in new[] { "phase", "openObligations", "overdue" })
            Assert.Equal(status["customStatus"]![field]!.ToJsonString(),
                engineStatus.Single(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value!.ToJsonString());
        Assert.DoesNotContain("Testi", engine.SerializedCustomStatus);
    }

    [Fact]
    public async Task A_child_in_immediate_danger_reaches_the_teams_on_call_address_at_once()
    {
        var id = await _app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("nurse"), "Joensuu", immediateDanger: true));

        var urgent = await services.Mail.WaitForAsync(m => m.IsTo("pk-paivystys@lumoflow.example.test") && m.Subject.Contains(id));
        var email = Assert.Single(urgent);
        Assert.StartsWith("KIIREELLINEN", email.Subject);
        Assert.Contains($"https://lumoflow.test/api/cases/{id}", email.Text);
        Assert.DoesNotContain("Testi Lapsi", email.Text);
    }

    [Fact]
    public async Task An_unknown_municipality_goes_to_the_default_intake_team()
    {
        var id = await _app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("police"), "Nowhere"));
        Assert.Equal("intake", (string)(await _app.StatusAsync(id))["team"]!);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_each_bad_field_named_and_nothing_is_stored()
    {
        var notification = Sample.Notification();
        notification["notifier"]!["anonymous"] = true;              // a professional cannot be anonymous
        notification["children"]![0]!["identityCode"] = "150315A123Y"; // wrong check character
        notification["concern"] = "";

        var response = await _app.CreateClient().PostAsJsonAsync("/api/notifications", notification);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("notifier.anonymous", errors);
        Assert.Contains("children[0].identityCode", errors);
        Assert.Contains("concern", errors);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("{\"notifier\": {\"type\": \"professional\"}, \"children\": \"not a list\"}", "children")]
    [InlineData("{\"immediateDanger\": \"yes\"}", "immediateDanger")]
    [InlineData("{not json", "$")]
    public async Task A_body_of_the_wrong_shape_is_a_400_naming_the_field(string json, string field)
    {
        var response = await _app.CreateClient().PostAsync("/api/notifications", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var response = await _app.CreateClient().PostAsync("/api/notifications", new StringContent("hello", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_a_413_and_nothing_is_stored()
    {
        var notification = Sample.Notification();
        notification["padding"] = new string('x', 256 * 1024);
        var response = await _app.CreateClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_long_notification_just_under_the_limit_is_stored_whole()
    {
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("long"));
        notification["concern"] = new string('k', 19_000);
        notification["padding"] = new string('p', 200_000); // unknown fields are not stored, but the body is still read
        var response = await _app.CreateClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await _app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent")); // the record is written
        var records = _app.Services.GetRequiredService<CaseRecords>();
        var stored = JsonNode.Parse((await records.GetNotificationJsonAsync(id, CancellationToken.None))!)!;
        Assert.Equal(19_000, ((string)stored["concern"]!).Length);
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_returns_the_same_case_and_a_different_body_is_refused()
    {
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("retry"));
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(notification, key);
        var second = await PostWithKeyAsync(notification, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var firstAnswer = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var secondAnswer = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        var firstId = (string)firstAnswer["id"]!;
        Assert.Equal(firstId, (string)secondAnswer["id"]!);
        Assert.Equal(firstAnswer["cases"]!.ToJsonString(), secondAnswer["cases"]!.ToJsonString());
        Assert.Single(await InstancesAsync());
        notification["concern"] = "Something else entirely.";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostWithKeyAsync(notification, key)).StatusCode); // before the record

        await _app.WaitForStatusAsync(firstId, s => Cases.HasEvent(s, "EmailSent"));
        Assert.Single(await RowsAsync("Cases"), r => r.RowKey == "state");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostWithKeyAsync(notification, key)).StatusCode); // and after
        notification["concern"] = Sample.Notification()["concern"]!.GetValue<string>();
        Assert.Equal("true", (await PostWithKeyAsync(notification, key)).Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_second_notification_about_the_same_child_is_linked_to_the_open_case_and_the_open_case_hears_of_it()
    {
        var identityCode = Sample.IdentityCode();
        var firstId = await _app.SubmitAsync(Sample.Notification(identityCode, Sample.UniqueEmail("a")));
        await _app.WaitForStatusAsync(firstId, s => Cases.HasEvent(s, "EmailSent")); // its first wake-up has registered the child
        var secondId = await _app.SubmitAsync(Sample.Notification(identityCode.ToLowerInvariant(), Sample.UniqueEmail("b")));

        var second = await _app.WaitForStatusAsync(secondId, s => s["linkedCases"]!.AsArray().Any(l => (string)l! == firstId));
        Assert.Contains(second["history"]!.AsArray(), h => (string)h!["eventType"]! == "LinkedToOpenCase" && (string)h["details"]!["caseId"]! == firstId);
        var first = await _app.WaitForStatusAsync(firstId, s => s["linkedCases"]!.AsArray().Any(l => (string)l! == secondId));
        Assert.Contains(first["history"]!.AsArray(), h => (string)h!["eventType"]! == "RelatedNotificationReceived");
        // The index holds no identity code.
        Assert.DoesNotContain(await RowsAsync("ChildIndex"), r => r.PartitionKey.Contains(identityCode[..6]));
    }

    [Fact]
    public async Task Staff_register_a_phoned_notification_with_its_real_time_of_receipt_and_what_is_due_fires_at_once()
    {
        // Received by phone at 10:00 on the ninth working day before today (Helsinki dates, the statutory calendar):
        // its decision deadline, the seventh working day after receipt, has passed, and its assessment deadline, three
        // months after receipt, has not — on every day of the year ("16 days ago" was not past the seventh working
        // day around New Year and Easter).
        var calendar = WorkingDayCalendar.Default;
        var today = HelsinkiTime.LocalDate(DateTimeOffset.UtcNow);
        var receivedAt = HelsinkiTime.AtLocalTime(calendar.AddWorkingDays(today, -9), new TimeOnly(10, 0));
        var deadlines = new DeadlineRules(calendar).For(receivedAt);
        Assert.True(deadlines.DecisionDue < today && deadlines.AssessmentDue > today,
            $"received {receivedAt:O}: the decision must be overdue and the assessment not");
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("phoned"), "Joensuu");
        notification["receivedAt"] = receivedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        var response = await _app.StaffClient("sosiaalityontekija@kunta.test").PostAsJsonAsync("/api/notifications", notification);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        // Overdue: the decision, and telling the child and the guardians (THL: within the same 7 working days).
        var status = await _app.WaitForStatusAsync(id, s => s["customStatus"]!["overdue"]!.AsArray().Count >= 2);
        Assert.Equal(["decision", "informFamily"], status["customStatus"]!["overdue"]!.AsArray().Select(o => (string)o!));
        Assert.Equal(deadlines.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string)status["deadlines"]!["decisionDue"]!);
        Assert.Equal(receivedAt.ToUnixTimeSeconds(), DateTimeOffset.Parse((string)status["receivedAt"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        var registered = status["history"]!.AsArray().Single(h => (string)h!["eventType"]! == "NotificationRegistered")!;
        Assert.Equal("sosiaalityontekija@kunta.test", (string)registered["actor"]!);
        // The decision's escalation went to the team lead at once, and so did the family's (THL: the child and the
        // guardians are told within the same 7 working days); so did the urgency's (LSL § 26(2): not assessed two office
        // hours after receipt, long ago), to the team lead and then to on-call.
        var lead = await services.Mail.WaitForAsync(m => m.IsTo("pk-johtava@lumoflow.example.test") && m.Subject.Contains(id), count: 3);
        Assert.Single(lead, m => m.Subject.StartsWith("Eskalointi: päätöstä", StringComparison.Ordinal));
        Assert.Single(lead, m => m.Subject.StartsWith("Eskalointi: lapselle ja huoltajille ei ole kerrottu", StringComparison.Ordinal));
        Assert.Single(lead, m => m.Subject.StartsWith("Eskalointi: lapsen mahdollisen kiireellisen", StringComparison.Ordinal));
        Assert.Equal(3, lead.Count);
        var onCall = await services.Mail.WaitForAsync(m => m.IsTo("pk-paivystys@lumoflow.example.test") && m.Subject.Contains(id));
        Assert.StartsWith("KIIREELLINEN: lapsen mahdollisen", Assert.Single(onCall).Subject);
    }

    [Fact]
    public async Task A_notifier_cannot_set_the_time_of_receipt_and_a_wrong_key_is_refused()
    {
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("public"));
        notification["receivedAt"] = DateTimeOffset.UtcNow.AddDays(-3).ToString("O");
        var response = await _app.CreateClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("receivedAt", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));

        var wrongKey = _app.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("x-functions-key", "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.PostAsJsonAsync("/api/notifications", notification)).StatusCode);

        notification["receivedAt"] = DateTimeOffset.UtcNow.AddHours(2).ToString("O");
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.StaffClient().PostAsJsonAsync("/api/notifications", notification)).StatusCode);
        await AssertNothingStoredAsync();
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(JsonObject notification, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications") { Content = JsonContent.Create(notification) };
        request.Headers.Add("Idempotency-Key", key);
        return await _app.CreateClient().SendAsync(request);
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty(await RowsAsync("Cases"));
        Assert.Empty(await InstancesAsync());
    }

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        _ = _app.Server; // make sure the app (and its tables) exist
        return await _app.Table(table).QueryAsync<TableEntity>().AllAsync();
    }

    private async Task<List<OrchestrationMetadata>> InstancesAsync()
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in _app.Durable.GetAllInstancesAsync(new OrchestrationQuery())) instances.Add(instance);
        return instances;
    }
}
