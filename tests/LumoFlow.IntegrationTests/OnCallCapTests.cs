using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using LumoFlow.App.Email;
using LumoFlow.Domain.Messaging;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 22, Abuse: on-call gets at most <c>LumoFlow:Urgency:OnCallEmailsPerHour</c> URGENT emails one by one per team
/// and hour; the rest of the hour's go together in one summary (case references and links only) when the hour is over,
/// and none is ever dropped. Here the cap is 2 and two teams get three red-flagged notifications each: two alerts each
/// go at once, one each is held. The daily check does not call a held one stuck while its summary is not due — however
/// long ago it was queued — and does when the summary is late, and sends it; the timer's sweep sends the other team's
/// once its hour is over, once. An alert after the hour's summary has gone is sent on its own.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class OnCallCapTests(DevServices services)
{
    private const string OnCallA = "ps-paivystys@lumoflow.example.test"; // Kuopio: pohjois-savo
    private const string OnCallB = "pk-paivystys@lumoflow.example.test"; // Joensuu: pohjois-karjala

    [Fact]
    public async Task Past_the_hourly_cap_URGENT_emails_are_held_for_one_summary_and_none_is_lost()
    {
        // The hour's count is the point: do not start in its last minutes.
        var now = DateTimeOffset.UtcNow;
        if (now.Minute >= 57) await Task.Delay(TimeSpan.FromMinutes(60 - now.Minute) - TimeSpan.FromSeconds(now.Second) + TimeSpan.FromSeconds(5));
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:Urgency:OnCallEmailsPerHour"] = "2" });
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("oncall-cap"), "Kuopio", immediateDanger: true);
        var teamA = new List<string>();
        var teamB = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            teamA.Add(await app.SubmitAsync(i == 0 ? notification
                : Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("oncall-a"), "Kuopio", immediateDanger: true)));
            teamB.Add(await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("oncall-b"), "Joensuu", true)));
        }

        // Two alerts of each team go one by one; the third is held, and the case's history says so.
        var heldA = await OnlyHeldAsync(app, teamA);
        var heldB = await OnlyHeldAsync(app, teamB);
        var alertsA = await services.Mail.WaitForAsync(m => m.IsTo(OnCallA) && teamA.Any(id => m.Subject.Contains(id, StringComparison.Ordinal)), count: 2);
        var alertsB = await services.Mail.WaitForAsync(m => m.IsTo(OnCallB) && teamB.Any(id => m.Subject.Contains(id, StringComparison.Ordinal)), count: 2);
        Assert.Equal(2, alertsA.Count);
        Assert.Equal(2, alertsB.Count);
        Assert.DoesNotContain(alertsA, m => m.Subject.Contains(heldA, StringComparison.Ordinal));
        await app.WaitForStatusAsync(heldA, s => Cases.HasEvent(s, "EmailHeldForSummary"));

        // Queued hours ago, but its summary is not due: the daily check finds nothing stuck.
        var cases = app.Table("Cases");
        foreach (var held in new[] { heldA, heldB })
            await MergeAsync(cases, held, await UrgentRowKeyAsync(cases, held), new() { ["QueuedAt"] = DateTimeOffset.UtcNow.AddHours(-3) });
        var admin = app.StaffClient("admin.checker");
        var calm = await CheckAsync(admin);
        Assert.DoesNotContain(Findings(calm), f => f.Code == "emailStuck" && (f.CaseId == heldA || f.CaseId == heldB));

        // Team A's summary is over an hour late (the timer stopped, say): the check reports it and sends it.
        var alerts = app.Table("OnCallAlerts");
        var counterA = (await alerts.QueryAsync<TableEntity>(e => e.RowKey == "pohjois-savo").AllAsync()).Single();
        await MergeAsync(alerts, counterA.PartitionKey, "pohjois-savo", new() { ["SummaryDue"] = DateTimeOffset.UtcNow.AddHours(-2) });
        await MergeAsync(cases, heldA, await UrgentRowKeyAsync(cases, heldA), new() { ["HeldUntil"] = DateTimeOffset.UtcNow.AddHours(-2) });
        var late = await CheckAsync(admin);
        Assert.Contains((heldA, "emailStuck"), Findings(late));
        Assert.DoesNotContain((heldB, "emailStuck"), Findings(late));
        Assert.Contains(late["mended"]!.AsArray(), m => (string)m!["caseId"]! == heldA && (string)m["action"]! == "emailSent");
        var summaryA = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(OnCallA) && m.Text.Contains(heldA, StringComparison.Ordinal)));
        Assert.StartsWith("KIIREELLINEN: 1 hälytystä lisää päivystykseen", summaryA.Subject);
        Assert.Contains($"https://lumoflow.test/api/cases/{heldA}", summaryA.Text);
        Assert.DoesNotContain(teamA.First(id => id != heldA), summaryA.Text);
        foreach (var personal in new[] { (string)notification["children"]![0]!["name"]!, (string)notification["children"]![0]!["identityCode"]!,
            (string)notification["concern"]! })
            Assert.DoesNotContain(personal, summaryA.Subject + summaryA.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Summarised", (await UrgentRowAsync(cases, heldA))!.GetString("Status"));
        Assert.DoesNotContain(Findings(await CheckAsync(admin)), f => f.Code == "emailStuck" && f.CaseId == heldA);

        // Team B's goes from the timer's sweep, once its hour is over, and only once.
        var onCall = app.Services.GetRequiredService<OnCallAlerts>();
        Assert.Equal(0, await onCall.SendDueSummariesAsync(CancellationToken.None));
        var afterTheHour = OnCallCap.SummaryDue(DateTimeOffset.UtcNow).AddSeconds(1);
        Assert.Equal(1, await onCall.SendDueSummariesAsync(CancellationToken.None, afterTheHour));
        Assert.Equal(0, await onCall.SendDueSummariesAsync(CancellationToken.None, afterTheHour));
        var summaryB = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(OnCallB) && m.Text.Contains(heldB, StringComparison.Ordinal)));
        Assert.Contains("koonti", summaryB.Subject);
        var status = await app.WaitForStatusAsync(heldB, s => Cases.HasEvent(s, "EmailSentInSummary"));
        Assert.Contains(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "EmailSentInSummary" && (string)h["details"]!["kind"]! == "Urgent");

        // This hour's summary has gone: a further alert is sent on its own at once, never held for a summary that will not come.
        var fourth = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("oncall-b4"), "Joensuu", true));
        Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(OnCallB) && m.Subject.Contains(fourth, StringComparison.Ordinal)));
        Assert.Equal("Sent", await Poll.UntilAsync(async () => (await UrgentRowAsync(cases, fourth))?.GetString("Status"), s => s == "Sent", s => $"{s}"));
    }

    /// <summary>Waits until every case's URGENT email is sent or held; returns the one case whose email was held.</summary>
    private static async Task<string> OnlyHeldAsync(LumoFlowApp app, IReadOnlyList<string> ids)
    {
        var cases = app.Table("Cases");
        var statuses = await Poll.UntilAsync(
            async () =>
            {
                var found = new Dictionary<string, string>();
                foreach (var id in ids)
                    if (await UrgentRowAsync(cases, id) is { } row) found[id] = row.GetString("Status");
                return found;
            },
            found => found.Count == ids.Count && found.Values.All(s => s is "Sent" or "Held"),
            found => string.Join(", ", found.Select(f => $"{f.Key}={f.Value}")));
        return Assert.Single(statuses, s => s.Value == "Held").Key;
    }

    private static async Task<TableEntity?> UrgentRowAsync(TableClient cases, string id) =>
        (await cases.QueryAsync<TableEntity>(e => e.PartitionKey == id && e.GetString("Kind") == "Urgent").AllAsync()).SingleOrDefault();

    private static async Task<string> UrgentRowKeyAsync(TableClient cases, string id) => (await UrgentRowAsync(cases, id))!.RowKey;

    private static Task MergeAsync(TableClient table, string partition, string row, Dictionary<string, object> values)
    {
        var entity = new TableEntity(partition, row);
        foreach (var (key, value) in values) entity[key] = value;
        return table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge);
    }

    private static async Task<JsonObject> CheckAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/admin/checks/deadlines", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonObject>(response.Content))!;
    }

    private static List<(string CaseId, string Code)> Findings(JsonObject report) =>
        [.. report["findings"]!.AsArray().Select(f => ((string)f!["caseId"]!, (string)f["code"]!))];
}
