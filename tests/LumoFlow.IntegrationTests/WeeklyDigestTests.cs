using Azure.Data.Tables;
using LumoFlow.App.Digest;
using LumoFlow.App.Email;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The weekly overdue digest over real case records in Azurite and real SMTP, on a fake clock: the timer that runs it
/// (hourly in Azure, a loop locally) can run as often as it likes; each team lead gets one digest a week.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class WeeklyDigestTests(DevServices services)
{
    [Fact]
    public async Task Every_Monday_morning_each_team_lead_gets_one_digest_of_the_team_s_overdue_cases()
    {
        await using var app = new LumoFlowApp(services);
        var records = app.Services.GetRequiredService<CaseRecords>();
        var routing = app.Services.GetRequiredService<RoutingTable>();
        var workflow = app.Services.GetRequiredService<CaseWorkflow>();
        // Two cases of the north Karelia team: one past its decision deadline, one on time; one Kuopio case overdue.
        var overdue = await RecordAsync(records, workflow, routing, "Joensuu", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2)), overdueDecision: true);
        var onTime = await RecordAsync(records, workflow, routing, "Joensuu", new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(3)), overdueDecision: false);
        var kuopio = await RecordAsync(records, workflow, routing, "Kuopio", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2)), overdueDecision: true);

        var clock = new FakeTimeProvider(HelsinkiTime.AtLocalTime(new DateOnly(2026, 4, 6), new TimeOnly(8, 5))); // Monday morning
        var digest = new WeeklyDigest(app.Services.GetRequiredService<LumoFlowTables>(), routing, app.Services.GetRequiredService<WorkflowOptions>(),
            app.Services.GetRequiredService<IEmailSender>(), clock, NullLogger<WeeklyDigest>.Instance);

        Assert.Equal(2, await digest.RunIfDueAsync(CancellationToken.None)); // two teams have overdue cases
        await digest.RunIfDueAsync(CancellationToken.None); // the timer runs again: no second digest

        var north = await services.Mail.WaitForAsync(m => m.IsTo("pk-johtava@lumoflow.example.test") && m.Text.Contains(overdue));
        var mail = Assert.Single(north);
        Assert.StartsWith("Viikkokooste", mail.Subject);
        Assert.DoesNotContain(onTime, mail.Text);
        Assert.DoesNotContain(kuopio, mail.Text);
        Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo("ps-johtava@lumoflow.example.test") && m.Text.Contains(kuopio)));

        // A new app instance (a restart, or another instance) finds the week done and sends nothing.
        var other = new WeeklyDigest(app.Services.GetRequiredService<LumoFlowTables>(), routing, app.Services.GetRequiredService<WorkflowOptions>(),
            app.Services.GetRequiredService<IEmailSender>(), clock, NullLogger<WeeklyDigest>.Instance);
        Assert.Equal(0, await other.RunIfDueAsync(CancellationToken.None));

        // Next Monday, again once.
        clock.SetUtcNow(HelsinkiTime.AtLocalTime(new DateOnly(2026, 4, 13), new TimeOnly(8, 5)));
        await digest.RunIfDueAsync(CancellationToken.None);
        Assert.Equal(2, (await services.Mail.WaitForAsync(m => m.IsTo("pk-johtava@lumoflow.example.test") && m.Text.Contains(overdue), 2)).Count);
        var rows = await app.Table("TeamDigests").QueryAsync<TableEntity>(e => e.PartitionKey == "pohjois-karjala").AllAsync();
        Assert.Equal(["2026-04-06", "2026-04-13"], rows.Where(r => r.GetString("Status") == "Sent").Select(r => r.RowKey));
    }

    /// <summary>A case record as its orchestration would have written it, overdue or not.</summary>
    private static async Task<string> RecordAsync(CaseRecords records, CaseWorkflow workflow, RoutingTable routing, string municipality,
        DateTimeOffset receivedAt, bool overdueDecision)
    {
        var id = LumoFlow.App.Intake.CaseIds.New();
        var notification = System.Text.Json.JsonSerializer.Deserialize<LumoFlow.Domain.Notifications.Notification>(
            Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("digest"), municipality).ToJsonString(), LumoFlow.App.LumoFlowJson.Options)!;
        var opened = workflow.Open(id, new NotificationReceived(notification, routing.Route(municipality), [], receivedAt), receivedAt);
        var state = overdueDecision ? opened.State with { DecisionOverdue = true } : opened.State;
        await records.RecordAsync(new CaseRecordUpdate(new StoredCase(state, PendingTimers.None.After(opened), 1),
            [new RecordedStep(1, opened.History, opened.DocumentsToStore, opened.Emails)]), CancellationToken.None);
        return id;
    }
}
