using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

[Collection(DevServicesCollection.Name)]
public sealed class CaseStatusTests(DevServices services) : IAsyncLifetime
{
    private readonly LumoFlowApp _app = new(services);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Staff_endpoints_need_the_function_key(string? key)
    {
        var id = await SubmitAsync();
        var client = _app.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("x-functions-key", key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/api/cases/{id}/terminate?reason=test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/Sweep", null)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_case_is_a_404()
    {
        var client = _app.StaffClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/cases/0000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/cases/not-an-id")).StatusCode);
    }

    [Fact]
    public async Task Status_without_showHistory_has_no_history()
    {
        var id = await SubmitAsync();
        var status = await _app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.False(status!.ContainsKey("history"));
        Assert.Equal(["id", "runtimeStatus", "customStatus", "createdTime", "lastUpdatedTime", "team", "deadlines", "linkedCases"],
            status.Select(p => p.Key));
    }

    [Fact]
    public async Task Every_read_of_a_case_by_staff_is_access_logged()
    {
        var id = await SubmitAsync();
        await _app.StaffClient().GetAsync($"/api/cases/{id}");
        await _app.StaffClient().GetAsync($"/api/cases/{id}?showHistory=true");

        var log = await _app.Table("AccessLog").QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.Equal("test.worker", e.GetString("Actor")));
        Assert.Equal(["ReadStatusAndHistory", "ReadStatus"], log.Select(e => e.GetString("Action"))); // newest first
    }

    [Fact]
    public async Task Terminate_ends_the_case_and_a_second_terminate_is_gone()
    {
        var id = await SubmitAsync();
        var staff = _app.StaffClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/cases/{id}/terminate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsync($"/api/cases/{id}/terminate?reason=duplicate%20entry", null)).StatusCode);
        var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        Assert.Equal("Terminated", (string)status!["runtimeStatus"]!);
        Assert.Contains(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "Terminated" && (string)h["actor"]! == "test.worker");
        Assert.Equal(HttpStatusCode.Gone, (await staff.PostAsync($"/api/cases/{id}/terminate?reason=again", null)).StatusCode);

        // A terminated case keeps no pending timers, and no alarm is left for it.
        Assert.Empty((await DurabilityTests.StoredCaseAsync(_app, id)).Timers);
        Assert.Empty(await DurabilityTests.AlarmRowsOfAsync(_app, id));
    }

    private Task<string> SubmitAsync() => _app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("status")));
}
