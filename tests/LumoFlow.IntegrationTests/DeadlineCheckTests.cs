using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// No deadline passes unseen, even when the engine fails: the daily check (<c>POST /api/admin/checks/deadlines</c>)
/// does not trust Durable's timers. A case is broken behind LumoFlow's back — its instance terminated, or terminated
/// and purged, in Durable directly — while its urgency escalation is due; the check finds it, restarts it from the
/// record, and the escalation the dead instance missed goes out.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class DeadlineCheckTests(DevServices services)
{
    private const string Lead = "ps-johtava@lumoflow.example.test";
    private const string OnCall = "ps-paivystys@lumoflow.example.test";

    [Fact]
    public async Task A_case_whose_instance_was_killed_behind_the_engine_s_back_is_found_reported_to_admins_and_mended()
    {
        var adminEmail = Sample.UniqueEmail("admins");
        var received = OfficeTime.LatestBefore(DateTimeOffset.UtcNow.AddMinutes(-1));
        var settings = OfficeTime.Ladder(received, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
        settings["LumoFlow:Checks:AdminEmail"] = adminEmail;
        await using var app = new LumoFlowApp(services, settings: settings);
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("check"));
        var terminated = await UrgencyTests.RegisterAsync(app, notification, received);
        var purged = await UrgencyTests.RegisterAsync(app, Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("check-purged")), received);
        var healthy = await UrgencyTests.RegisterAsync(app, Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("check-healthy")), received);
        foreach (var id in new[] { terminated, purged, healthy })
            await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "DeadlinesSet"));

        // Behind LumoFlow's back: the engine loses two of the cases before their urgency escalations are due.
        await app.Durable.TerminateInstanceAsync(terminated, "broken behind the engine's back");
        await app.Durable.TerminateInstanceAsync(purged, "broken behind the engine's back");
        await Poll.UntilAsync(async () => (await app.Durable.GetInstanceAsync(terminated))?.RuntimeStatus == OrchestrationRuntimeStatus.Terminated
            && (await app.Durable.GetInstanceAsync(purged))?.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, "the instances to be terminated");
        await app.Durable.PurgeInstanceAsync(purged);

        // The escalations come due; only the healthy case's go out, the dead instances send nothing.
        await services.Mail.WaitForAsync(m => m.IsTo(OnCall) && m.Subject.Contains(healthy, StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(await services.Mail.AllAsync(), m => m.Subject.Contains(terminated, StringComparison.Ordinal) && m.IsTo(OnCall));

        // The check finds them, says so, and mends them.
        var admin = app.StaffClient("admin.checker");
        var first = await CheckAsync(admin);
        var findings = Findings(first);
        Assert.Contains((terminated, "engineFailed"), findings);
        Assert.Contains((purged, "engineFailed"), findings);
        Assert.Contains((terminated, "urgencyUnassessed"), findings); // past the on-call step, whoever was told
        Assert.Contains((healthy, "urgencyUnassessed"), findings);
        Assert.DoesNotContain((healthy, "engineFailed"), findings);
        Assert.All(first["findings"]!.AsArray(), f => Assert.True(DateTimeOffset.TryParse((string)f!["since"]!, out _)));
        var mended = first["mended"]!.AsArray().Select(m => ((string)m!["caseId"]!, (string)m["action"]!)).ToList();
        Assert.Contains((terminated, "restarted"), mended);
        Assert.Contains((purged, "restarted"), mended);

        // Restarted from the record, the cases send the escalations their dead instances missed, and work again.
        foreach (var id in new[] { terminated, purged })
        {
            await Poll.UntilAsync(async () => (await app.Durable.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Running, $"{id} to run again");
            Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(Lead) && m.Subject.Contains(id, StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(30)));
            Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(OnCall) && m.Subject.Contains(id, StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(30)));
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"/api/cases/{id}/events/UrgencyAssessed", new { urgent = false })).StatusCode);
            await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "UrgencyAssessed"));
        }

        // The administrators heard of it by email: ids and codes, nothing about any child.
        var email = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(adminEmail)));
        Assert.Contains(terminated, email.Text);
        Assert.Contains("engineFailed", email.Text);
        foreach (var personal in new[] { (string)notification["children"]![0]!["name"]!, (string)notification["children"]![0]!["identityCode"]!, (string)notification["concern"]! })
            Assert.DoesNotContain(personal, email.Subject + email.Text, StringComparison.OrdinalIgnoreCase);

        // The dashboard shows the last run's findings at its top.
        var dashboard = await (await admin.GetAsync("/admin?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"check-findings\"", dashboard);
        Assert.Contains(terminated, dashboard);

        // Mended: the next run finds nothing wrong with the engine, and nothing unassessed about those two cases.
        var second = Findings(await CheckAsync(admin));
        Assert.DoesNotContain(second, f => f.Code == "engineFailed");
        Assert.DoesNotContain((terminated, "urgencyUnassessed"), second);
        Assert.DoesNotContain((purged, "urgencyUnassessed"), second);
    }

    [Fact]
    public async Task Only_an_administrator_may_run_the_check()
    {
        await using var app = new LumoFlowApp(services);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync("/api/admin/checks/deadlines", null)).StatusCode);
        var worker = await app.SignedInClientAsync("SocialWorker", "pohjois-savo");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync("/api/admin/checks/deadlines", null)).StatusCode);
        var nothing = await CheckAsync(app.StaffClient("admin.checker"));
        Assert.Empty(nothing["findings"]!.AsArray());
    }

    private static async Task<JsonObject> CheckAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/admin/checks/deadlines", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(DateTimeOffset.TryParse((string)report["checkedAt"]!, out _));
        return report;
    }

    private static List<(string CaseId, string Code)> Findings(JsonObject report) =>
        [.. report["findings"]!.AsArray().Select(f => ((string)f!["caseId"]!, (string)f["code"]!))];
}
