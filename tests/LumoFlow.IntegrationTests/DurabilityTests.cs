using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LumoFlow.Domain.Calendar;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// What Durable on Azurite must hold up to: the app killed mid-flight, two app processes on one task hub, storage
/// gone at intake, a mail server that is down. Real processes, real Azurite, real maildev, real DurableTask.AzureStorage.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class DurabilityTests(DevServices services)
{
    [Fact]
    public async Task After_a_SIGKILL_and_a_restart_every_accepted_case_exists_every_raised_event_is_applied_and_every_due_timer_fires()
    {
        // Each case's first notifier-contact reminder is set to come due a minute from now: while the app is dead. The
        // time goes into the first process's settings, so it is chosen before that process starts; the test checks at
        // the kill that it is still ahead (a slow start fails the test instead of letting the first process send them).
        var dueAt = await ReminderTimeWhileTheAppIsDownAsync(TimeSpan.FromSeconds(60));
        var settings = new Dictionary<string, string?>
        {
            ["LumoFlow:Reminders:MorningAt"] = dueAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["LumoFlow:Reminders:NotifierContactFirstReminderWorkingDays"] = "0",
            // Messages the killed process had fetched come back when their visibility timeout runs out (Durable's
            // default is 5 minutes): shorter here, so the test need not wait that long.
            ["LumoFlow:Durable:ControlQueueVisibilityTimeoutSeconds"] = "20",
            ["LumoFlow:Durable:WorkItemVisibilityTimeoutSeconds"] = "20",
        };
        var hub = TestSettings.NewHub();
        var ids = new List<string>();
        bool IsReminderOfTheseCases(MailDev.Message m) => m.Subject.StartsWith("Muistutus: ilmoittajaan", StringComparison.Ordinal) && ids.Any(m.Subject.Contains);
        var identityCodes = Enumerable.Range(0, 12).Select(_ => Sample.IdentityCode()).ToList();
        var first = await AppProcess.StartAsync(services, hub, "worker-1", settings);
        await using (first)
        {
            var submitted = await Task.WhenAll(identityCodes.Select(async (code, i) =>
                await first.Http.PostAsJsonAsync("api/notifications", Sample.Notification(code, Sample.UniqueEmail($"kill{i}")))));
            Assert.All(submitted, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            foreach (var response in submitted) ids.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
            // Staff act on half of them; then the process dies before (or while) its orchestrations apply it.
            var raised = await Task.WhenAll(ids.Take(6).Select(id =>
                first.StaffClient().PostAsJsonAsync($"api/cases/{id}/events/UrgencyAssessed", new { urgent = false })));
            Assert.All(raised, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            first.Kill();
        }
        // The first process is dead before the reminders are due and sent none of them: whatever reminder arrives from
        // now on comes from a timer that fired after the restart.
        var killedAt = DateTimeOffset.UtcNow;
        Assert.True(killedAt < dueAt, $"The first process was killed at {killedAt:O}, after the reminders were due ({dueAt:O}): it started too slowly for this test to show anything about recovery.");
        Assert.Empty(await services.Mail.WaitForAsync(IsReminderOfTheseCases, timeout: TimeSpan.Zero));
        if (dueAt + TimeSpan.FromSeconds(5) - DateTimeOffset.UtcNow is { Ticks: > 0 } untilDue) await Task.Delay(untilDue);
        Assert.Empty(await services.Mail.WaitForAsync(IsReminderOfTheseCases, timeout: TimeSpan.Zero));

        await using var second = await AppProcess.StartAsync(services, hub, "worker-1", settings);
        var staff = second.StaffClient();
        foreach (var id in ids)
        {
            var status = await Cases.WaitForStatusAsync(staff, id, s => Cases.HasEvent(s, "EmailSent")
                && Cases.Events(s).Contains("UrgencyAssessed") == ids.Take(6).Contains(id), seconds: 90);
            Assert.Equal("Running", (string)status["runtimeStatus"]!);
        }
        var reminders = await services.Mail.WaitForAsync(IsReminderOfTheseCases, ids.Count, TimeSpan.FromSeconds(90));
        Assert.All(ids, id => Assert.Single(reminders, m => m.Subject.Contains(id)));
        var all = await services.Mail.AllAsync();
        // Every receipt arrived. One the kill caught after the mail server took it but before it was marked sent is sent
        // again after the restart (SMTP cannot be asked whether it has it); each copy carries that email's own
        // Message-ID, so the receiving side drops it: never two different receipts for one case.
        Assert.All(ids, id =>
        {
            var receipts = all.Where(m => m.Subject.Contains(id) && m.Subject.StartsWith("Lastensuojeluilmoituksesi", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(receipts);
            Assert.Single(receipts.Select(m => m.MessageId).Distinct());
            Assert.EndsWith("@lumoflow.invalid>", receipts[0].MessageId);
        });

        // Through all of it — intake, events, a crash, recovery, reminders — no personal data reached the logs.
        var logs = string.Join("\n", new[] { first.Log, second.Log }.Select(File.ReadAllText));
        Assert.Contains(ids[0], logs); // the logs are there, and name cases by id
        foreach (var personal in (string[])["Testi Lapsi", "Testi Huoltaja", "Maija Opettaja", "nälkäisenä", "@example.test", "+358", .. identityCodes])
            Assert.DoesNotContain(personal, logs);
    }

    [Fact]
    public async Task Two_app_processes_on_one_task_hub_under_load_deliver_every_email_exactly_once()
    {
        var hub = TestSettings.NewHub();
        var settings = new Dictionary<string, string?> { ["LumoFlow:Durable:ControlQueueVisibilityTimeoutSeconds"] = "30" };
        await using var first = await AppProcess.StartAsync(services, hub, "worker-1", settings);
        await using var second = await AppProcess.StartAsync(services, hub, "worker-2", settings);
        await WaitForBothToOwnPartitionsAsync(hub, "worker-1", "worker-2");

        var emails = Enumerable.Range(0, 40).Select(i => Sample.UniqueEmail($"pair{i}")).ToList();
        var apps = new[] { first, second };
        var submitted = await Task.WhenAll(emails.Select((email, i) =>
            apps[i % 2].Http.PostAsJsonAsync("api/notifications", Sample.Notification(Sample.IdentityCode(), email))));
        Assert.All(submitted, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = new List<string>();
        foreach (var response in submitted) ids.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        // Events through the other process than the one that took the case in. A case whose start a partition move
        // holds back answers 503 + Retry-After, having raised nothing (docs/orchestration.md); the client retries, as
        // any client of the API must. What this test proves is that, retries and all, each email goes out once.
        // Urgency is assessed first (LSL § 26(2): DecisionMade is refused until it is).
        var decided = await Task.WhenAll(ids.Select(async (id, i) =>
        {
            var staff = apps[(i + 1) % 2].StaffClient();
            var urgency = await PostRetryingWhileUnavailableAsync(staff, $"api/cases/{id}/events/UrgencyAssessed", new { urgent = false });
            Assert.Equal(HttpStatusCode.Accepted, urgency.StatusCode);
            return await PostRetryingWhileUnavailableAsync(staff, $"api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "selvitetään" });
        }));
        Assert.All(decided, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        await services.Mail.WaitForAsync(m => emails.Any(m.IsTo), count: emails.Count * 2, TimeSpan.FromSeconds(120));
        await Task.Delay(3000); // give a duplicate time to show up
        var all = await services.Mail.AllAsync();
        Assert.All(emails, e =>
        {
            Assert.Single(all, m => m.IsTo(e) && m.Subject.StartsWith("Lastensuojeluilmoituksesi on vastaanotettu", StringComparison.Ordinal));
            // After the decision, the neutral feedback (never the outcome).
            Assert.Single(all, m => m.IsTo(e) && m.Subject.StartsWith("Lastensuojeluilmoituksesi on käsitelty", StringComparison.Ordinal));
        });
        // Both processes did work.
        Assert.Contains("worker-1", await PartitionOwnersAsync(hub));
        Assert.Contains("worker-2", await PartitionOwnersAsync(hub));
    }

    [Fact]
    public async Task When_storage_is_gone_intake_answers_503_with_Retry_After_and_no_case_is_half_created()
    {
        var folder = Directory.CreateTempSubdirectory("lumoflow-azurite-").FullName;
        await using var storage = await AzuriteInstance.StartAsync(folder);
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage.ConnectionString });
        var before = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("before")));
        await app.WaitForStatusAsync(before, s => Cases.HasEvent(s, "EmailSent")); // recorded and settled before storage goes

        await storage.StopAsync();
        var response = await app.CreateClient().PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("during")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Contains("nothing was stored", await response.Content.ReadAsStringAsync());

        await storage.RestartAsync();
        var cases = new TableServiceClient(storage.ConnectionString).GetTableClient(app.Hub + "Cases");
        Assert.Equal([before], (await cases.QueryAsync<TableEntity>(e => e.RowKey == "state").AllAsync()).Select(r => r.PartitionKey));
        var instances = new List<string>();
        await foreach (var instance in app.Durable.GetAllInstancesAsync(new OrchestrationQuery())) instances.Add(instance.InstanceId);
        Assert.Equal([before], instances);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_email_the_mail_server_refused_is_sent_once_by_its_Durable_retry_after_a_restart_with_the_server_back()
    {
        var hub = TestSettings.NewHub();
        var notifier = Sample.UniqueEmail("retried");
        string id;
        await using (var broken = await AppProcess.StartAsync(services, hub, "worker-1", new Dictionary<string, string?> { ["LumoFlow:Email:SmtpPort"] = DevServices.FreePort().ToString(CultureInfo.InvariantCulture) }))
        {
            id = (string)(await (await broken.Http.PostAsJsonAsync("api/notifications", Sample.Notification(Sample.IdentityCode(), notifier))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            // The receipt is recorded as queued; its first send has failed and Durable waits to retry it.
            var status = await Cases.StatusAsync(broken.StaffClient(), id);
            Assert.Contains("EmailQueued", Cases.Events(status));
            await Task.Delay(2000);
            Assert.DoesNotContain("EmailSent", Cases.Events(await Cases.StatusAsync(broken.StaffClient(), id)));
            broken.Kill();
        }
        Assert.Empty(await services.Mail.WaitForAsync(m => m.IsTo(notifier), timeout: TimeSpan.Zero));

        await using var healthy = await AppProcess.StartAsync(services, hub, "worker-1");
        Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifier), timeout: TimeSpan.FromSeconds(90)));
        await Cases.WaitForStatusAsync(healthy.StaffClient(), id, s => Cases.HasEvent(s, "EmailSent"));
        await Task.Delay(2000);
        Assert.Single(await services.Mail.AllAsync(), m => m.IsTo(notifier));
    }

    [Fact]
    public async Task Two_people_deciding_at_once_one_decision_is_applied_and_the_other_refused_at_once_or_recorded_as_refused()
    {
        await using var app = new LumoFlowApp(services);
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("race")));
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent"));
        await app.AssessUrgencyAsync(id);

        var answers = await Task.WhenAll(
            app.StaffClient("first.worker").PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "aloitetaan" }),
            app.StaffClient("second.worker").PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "aloitetaan" }));

        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var status = await app.WaitForStatusAsync(id, s => Cases.Events(s).Count(e => e is "DecisionMade" or "EventRefused") == accepted);
        Assert.Single(Cases.Events(status), e => e == "DecisionMade");
        Assert.Equal(accepted - 1, Cases.Events(status).Count(e => e == "EventRefused"));
        Assert.Single(await services.Mail.WaitForAsync(m => m.Subject.StartsWith("Lastensuojeluilmoituksesi on käsitelty", StringComparison.Ordinal) && m.Subject.Contains(id)));
    }

    /// <summary>Posts, and on 503 waits as Retry-After says and posts again (a few times at most).</summary>
    private static async Task<HttpResponseMessage> PostRetryingWhileUnavailableAsync(HttpClient client, string path, object body)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.PostAsJsonAsync(path, body);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5) return response;
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
        }
    }

    /// <summary>
    /// The moment <paramref name="ahead"/> from now, in Helsinki time and in whole seconds (the reminder time the test
    /// configures is "HH:mm:ss"). Right before midnight it waits for the new day, so the reminder still falls on the day
    /// the case is received.
    /// </summary>
    private static async Task<DateTimeOffset> ReminderTimeWhileTheAppIsDownAsync(TimeSpan ahead)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, HelsinkiTime.Zone);
        if (now.TimeOfDay > TimeSpan.FromHours(24) - ahead - TimeSpan.FromMinutes(2))
            await Task.Delay(TimeSpan.FromHours(24) - now.TimeOfDay + TimeSpan.FromSeconds(5));
        var due = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + ahead, HelsinkiTime.Zone);
        return due.AddTicks(-(due.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>Durable's table partition manager: who owns each of the task hub's control-queue partitions.</summary>
    private async Task<IReadOnlyList<string>> PartitionOwnersAsync(string hub) =>
        (await new TableServiceClient(services.StorageConnectionString).GetTableClient(hub + "Partitions")
            .QueryAsync<TableEntity>().AllAsync()).Select(p => p.GetString("CurrentOwner") ?? "").ToList();

    /// <summary>
    /// Waits until the partitions are balanced between the workers (an equal share each, none moving), so that no move
    /// happens under the load: a partition that moves takes the messages its old owner had fetched with it, invisible
    /// until their visibility timeout, and a case whose start is among them cannot take an event until then.
    /// </summary>
    private async Task WaitForBothToOwnPartitionsAsync(string hub, params string[] workers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var rows = await new TableServiceClient(services.StorageConnectionString).GetTableClient(hub + "Partitions").QueryAsync<TableEntity>().AllAsync();
            var settled = rows.Count > 0 && rows.All(r => string.IsNullOrEmpty(r.GetString("NextOwner")));
            if (settled && workers.All(w => rows.Count(r => r.GetString("CurrentOwner") == w) == rows.Count / workers.Length)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The task hub's partitions did not settle between the two workers.");
            await Task.Delay(500);
        }
    }
}
