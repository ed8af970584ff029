using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LumoFlow.App.Records;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/cases/{id}/events/OffenceSuspected", new { })).StatusCode);
        // The key in ?code= works, as it does with the Functions host.
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync($"/api/cases/{id}?code={LumoFlowApp.FunctionKey}")).StatusCode);
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
        var status = await _app.StatusAsync(id, history: false);
        Assert.False(status.ContainsKey("history"));
        Assert.Equal(["id", "runtimeStatus", "customStatus", "createdTime", "lastUpdatedTime", "receivedAt", "team", "deadlines", "linkedCases",
                "familyCases", "flags"],
            status.Select(p => p.Key));
        // One child: the case is its notification's only one; the sample notification has nothing flagged.
        Assert.Equal([id], status["familyCases"]!.AsArray().Select(c => (string)c!));
        Assert.Empty(status["flags"]!.AsArray());
    }

    [Fact]
    public async Task Every_read_of_a_case_by_staff_is_access_logged_with_who_read_it()
    {
        var id = await SubmitAsync();
        await _app.StaffClient("aino.worker").GetAsync($"/api/cases/{id}");
        await _app.StaffClient("aino.worker").GetAsync($"/api/cases/{id}?showHistory=true");

        var log = await _app.Table("AccessLog").QueryAsync<TableEntity>(e => e.PartitionKey == id).AllAsync();
        log = [.. log.Where(e => e.RowKey != AccessChain.HeadRowKey)]; // the chain's head row is not an entry
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.Equal(("aino.worker", "token", "Admin"), (e.GetString("Actor"), e.GetString("Credential"), e.GetString("Role"))));
        Assert.Equal(["ReadStatusAndHistory", "ReadStatus"], log.Select(e => e.GetString("Action"))); // newest first
    }

    [Fact]
    public async Task Terminate_stops_the_orchestration_records_who_and_why_and_a_second_terminate_is_gone()
    {
        var id = await SubmitAsync();
        var staff = _app.StaffClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/cases/{id}/terminate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsync($"/api/cases/{id}/terminate?reason=duplicate%20entry", null)).StatusCode);

        var status = await _app.StatusAsync(id);
        Assert.Equal("Terminated", (string)status["runtimeStatus"]!);
        Assert.Contains(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "Terminated" && (string)h["actor"]! == "test.worker"
            && (string)h["details"]!["reason"]! == "duplicate entry");
        Assert.Equal(HttpStatusCode.Gone, (await staff.PostAsync($"/api/cases/{id}/terminate?reason=again", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await staff.PostAsJsonAsync($"/api/cases/{id}/events/OffenceSuspected", new { })).StatusCode);

        // Durable's own terminate: the engine shows it too, and the record keeps no pending timers.
        var engine = await _app.Durable.WaitForInstanceCompletionAsync(id, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, engine.RuntimeStatus);
        var record = await _app.Services.GetRequiredService<CaseRecords>().GetAsync(id, CancellationToken.None);
        Assert.Empty(record!.Case.Timers.Timers);
    }

    [Fact]
    public async Task Purging_a_case_s_engine_history_leaves_its_client_record_whole()
    {
        var id = await SubmitAsync();
        await _app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent"));
        await _app.StaffClient().PostAsync($"/api/cases/{id}/terminate?reason=test%20case", null);
        await _app.Durable.WaitForInstanceCompletionAsync(id, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        var before = await _app.StatusAsync(id);

        var purged = await _app.Durable.PurgeInstanceAsync(id);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await _app.Durable.GetInstanceAsync(id));
        var after = await _app.StatusAsync(id);
        Assert.Equal(before["history"]!.ToJsonString(), after["history"]!.ToJsonString());
        Assert.Equal("Terminated", (string)after["runtimeStatus"]!);
        Assert.Contains("nälkäisenä", await _app.Services.GetRequiredService<CaseRecords>().GetNotificationJsonAsync(id, CancellationToken.None));
    }

    private Task<string> SubmitAsync() => _app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("status")));
}
