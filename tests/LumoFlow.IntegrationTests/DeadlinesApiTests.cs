using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

[Collection(DevServicesCollection.Name)]
public sealed class DeadlinesApiTests(DevServices services) : IAsyncLifetime
{
    private readonly LumoFlowApp _app = new(services);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    // THL's example: received on a Tuesday, due the following week's Thursday.
    [InlineData("2026-11-24T10:00:00%2B02:00", "2026-11-24", "2026-12-03", "2027-02-24")]
    // 23:30 UTC is already the next day in Helsinki.
    [InlineData("2026-11-30T23:30:00Z", "2026-12-01", "2026-12-10", "2027-03-01")]
    // Received 30.11: three months end on the last day of February.
    [InlineData("2026-11-30T10:00:00%2B02:00", "2026-11-30", "2026-12-09", "2027-02-28")]
    // An unencoded '+' arrives as a space and is still understood.
    [InlineData("2026-04-02T09:00:00+03:00", "2026-04-02", "2026-04-15", "2026-07-02")]
    public async Task Computes_the_statutory_deadlines(string receivedAt, string receivedOn, string decisionDue, string assessmentDue)
    {
        var response = await _app.CreateClient().GetAsync($"/api/deadlines?receivedAt={receivedAt}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(receivedOn, (string)body!["receivedOn"]!);
        Assert.Equal(decisionDue, (string)body["decisionDue"]!);
        Assert.Equal(assessmentDue, (string)body["assessmentDue"]!);
        Assert.NotNull(body["receivedAt"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?receivedAt=")]
    [InlineData("?receivedAt=2026-11-24T10:00:00")] // no offset: ambiguous
    [InlineData("?receivedAt=2026-11-24")]
    [InlineData("?receivedAt=yesterday")]
    [InlineData("?receivedAt=2026-13-40T10:00:00Z")]
    public async Task Refuses_a_missing_or_offsetless_timestamp_with_a_clear_message(string query)
    {
        var response = await _app.CreateClient().GetAsync($"/api/deadlines{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("receivedAt", problem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("offset", problem.ToJsonString());
    }
}
