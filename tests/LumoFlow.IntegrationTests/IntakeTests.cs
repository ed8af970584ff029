using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests;

[Collection(DevServicesCollection.Name)]
public sealed class IntakeTests(DevServices services) : IAsyncLifetime
{
    private readonly LumoFlowApp _app = new(services);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_notification_is_stored_routed_given_deadlines_and_the_notifier_gets_a_receipt()
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

        // Durable before the answer: the state row is there the moment 202 came back.
        var stateRow = await _app.Table("Cases").GetEntityAsync<TableEntity>(id, "state");
        Assert.Equal("Running", stateRow.Value.GetString("RuntimeStatus"));

        var status = await _app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        Assert.Equal(id, (string)status!["id"]!);
        Assert.Equal("Running", (string)status["runtimeStatus"]!);
        Assert.Equal("pohjois-savo", (string)status["team"]!);
        Assert.Equal("AwaitingDecision", (string)status["customStatus"]!["phase"]!);
        var expected = new DeadlineRules(WorkingDayCalendar.Default).For(DateTimeOffset.Parse((string)status["createdTime"]!));
        Assert.Equal(expected.DecisionDue.ToString("yyyy-MM-dd"), (string)status["deadlines"]!["decisionDue"]!);
        Assert.Equal(expected.AssessmentDue.ToString("yyyy-MM-dd"), (string)status["deadlines"]!["assessmentDue"]!);
        Assert.InRange(DateTimeOffset.Parse((string)status["createdTime"]!), before.AddSeconds(-1), DateTimeOffset.UtcNow);
        var events = status["history"]!.AsArray().Select(h => (string)h!["eventType"]!).ToList();
        Assert.Equal(["NotificationReceived", "RoutedToTeam", "DeadlinesSet", "EmailQueued"], events.Take(4));

        var receipt = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail)));
        Assert.Contains(id, receipt.Subject);
        Assert.Contains(id, receipt.Text);
        // Email is not a secure channel: no child's name, identity code or concern.
        Assert.DoesNotContain("Testi Lapsi", receipt.Text);
        Assert.DoesNotContain(identityCode, receipt.Text);
        Assert.DoesNotContain("nälkäisenä", receipt.Text);
        Assert.Contains(DateOnly.Parse((string)status["deadlines"]!["decisionDue"]!).ToString("d.M.yyyy"), receipt.Text);

        // The history records that the receipt went out.
        var history = await WaitForHistoryAsync(id, "EmailSent");
        Assert.Contains("EmailSent", history);
    }

    [Fact]
    public async Task A_child_in_immediate_danger_reaches_the_teams_on_call_address_at_once()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/notifications",
            Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("nurse"), "Joensuu", immediateDanger: true));
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var urgent = await services.Mail.WaitForAsync(m => m.IsTo("pk-paivystys@lumoflow.example.test") && m.Subject.Contains(id));
        var email = Assert.Single(urgent);
        Assert.StartsWith("KIIREELLINEN", email.Subject);
        Assert.Contains($"https://lumoflow.test/api/cases/{id}", email.Text);
        Assert.DoesNotContain("Testi Lapsi", email.Text);
    }

    [Fact]
    public async Task An_unknown_municipality_goes_to_the_default_intake_team()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/notifications",
            Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("police"), "Nowhere"));
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var status = await _app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("intake", (string)status!["team"]!);
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
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.Contains("notifier.anonymous", errors.Select(e => e.Key));
        Assert.Contains("children[0].identityCode", errors.Select(e => e.Key));
        Assert.Contains("concern", errors.Select(e => e.Key));
        Assert.Empty(await RowsAsync("Cases"));
    }

    [Theory]
    [InlineData("{\"notifier\": {\"type\": \"professional\"}, \"children\": \"not a list\"}", "children")]
    [InlineData("{\"immediateDanger\": \"yes\"}", "immediateDanger")]
    [InlineData("{not json", "$")]
    public async Task A_body_of_the_wrong_shape_is_a_400_naming_the_field(string json, string field)
    {
        var response = await _app.CreateClient().PostAsync("/api/notifications", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(field, problem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(await RowsAsync("Cases"));
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
        Assert.Empty(await RowsAsync("Cases"));
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
        var store = _app.Services.GetRequiredService<LumoFlow.Engine.Storage.CaseStore>();
        var stored = JsonNode.Parse((await store.GetNotificationJsonAsync(id, CancellationToken.None))!)!;
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
        var firstId = (string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var secondId = (string)(await second.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(firstId, secondId);
        Assert.Single(await RowsAsync("Cases"), r => r.RowKey == "state");

        notification["concern"] = "Something else entirely.";
        var reused = await PostWithKeyAsync(notification, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task A_second_notification_about_the_same_child_is_linked_to_the_open_case()
    {
        var identityCode = Sample.IdentityCode();
        var client = _app.CreateClient();
        var first = await client.PostAsJsonAsync("/api/notifications", Sample.Notification(identityCode, Sample.UniqueEmail("a")));
        var firstId = (string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var second = await client.PostAsJsonAsync("/api/notifications", Sample.Notification(identityCode.ToLowerInvariant(), Sample.UniqueEmail("b")));
        var secondId = (string)(await second.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        Assert.NotEqual(firstId, secondId);
        // The link is made on the cases' first runs, right after intake (off the intake path), and recorded on both,
        // whichever of the two found the other.
        Assert.Contains(firstId, await WaitForLinkAsync(secondId, firstId));
        Assert.Contains(secondId, await WaitForLinkAsync(firstId, secondId));
        var history = (await WaitForHistoryAsync(secondId, firstId)) + (await WaitForHistoryAsync(firstId, secondId));
        Assert.Contains("LinkedToOpenCase", history);
        Assert.Contains("RelatedNotificationReceived", history);
        // The index holds no identity code.
        Assert.DoesNotContain(await RowsAsync("ChildIndex"), r => r.PartitionKey.Contains(identityCode[..6]));
    }

    [Fact]
    public async Task Linking_two_cases_whose_ids_share_a_lock_stripe_does_not_deadlock()
    {
        // Case work is serialised per instance by striped locks (64 stripes by the id's hash); a case's first run tells
        // the linked case after releasing its own lock. Choose Idempotency-Keys whose case ids fall on the same stripe.
        static uint Stripe(string key) => (uint)StringComparer.Ordinal.GetHashCode(LumoFlow.Engine.CaseIds.FromIdempotencyKey(key)) % 64;
        var first = Guid.NewGuid().ToString();
        var second = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid().ToString()).First(k => Stripe(k) == Stripe(first));
        var identityCode = Sample.IdentityCode();

        var a = await PostWithKeyAsync(Sample.Notification(identityCode, Sample.UniqueEmail("stripe-a")), first);
        var b = await PostWithKeyAsync(Sample.Notification(identityCode, Sample.UniqueEmail("stripe-b")), second);
        var firstId = (string)(await a.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var secondId = (string)(await b.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        Assert.Contains(firstId, await WaitForLinkAsync(secondId, firstId));
        Assert.Contains(secondId, await WaitForLinkAsync(firstId, secondId));
    }

    private async Task<IReadOnlyList<string>> WaitForLinkAsync(string id, string other)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var status = await _app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
            var linked = status!["linkedCases"]!.AsArray().Select(l => (string)l!).ToList();
            if (linked.Contains(other) || DateTime.UtcNow > deadline) return linked;
            await Task.Delay(100);
        }
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(JsonObject notification, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications") { Content = JsonContent.Create(notification) };
        request.Headers.Add("Idempotency-Key", key);
        return await _app.CreateClient().SendAsync(request);
    }

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        _ = _app.Server; // make sure the app (and its tables) exist
        return await _app.Table(table).QueryAsync<TableEntity>().ToListAsync();
    }

    /// <summary>The case's history as text once it contains <paramref name="eventType"/> (or after a timeout).</summary>
    private async Task<string> WaitForHistoryAsync(string id, string eventType)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string text;
        do
        {
            var status = await _app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
            text = status!["history"]!.ToJsonString();
            if (text.Contains(eventType)) return text;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        return text;
    }
}
