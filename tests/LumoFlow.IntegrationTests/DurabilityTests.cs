using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.IntegrationTests;

[Collection(DevServicesCollection.Name)]
public sealed class DurabilityTests(DevServices services)
{
    private static readonly Dictionary<string, string?> Idle = new()
    {
        ["LumoFlow:Engine:RunSweeper"] = "false",
        ["LumoFlow:Engine:PokeAfterChange"] = "false",
    };

    [Fact]
    public async Task Pending_work_survives_a_restart_of_the_app()
    {
        var prefix = LumoFlowApp.NewPrefix();
        var notifierEmail = Sample.UniqueEmail("restart");
        string id;

        // First run: the app accepts the notification but stops before it gets to send the receipt.
        await using (var first = new LumoFlowApp(services, prefix, settings: Idle))
        {
            id = await first.SubmitAsync(Sample.Notification(Sample.IdentityCode(), notifierEmail));
            await Task.Delay(500);
            Assert.Empty(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail), timeout: TimeSpan.Zero));
        }

        // Second run on the same storage: its sweeper finds the case's alarm and sends the receipt.
        await using var second = new LumoFlowApp(services, prefix);
        _ = second.Server;
        var receipt = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail)));
        Assert.Contains(id, receipt.Subject);

        // Exactly one alarm is left, at the case's earliest pending timer.
        var alarms = await WaitForAsync(async () => await AlarmRowsAsync(second),
            rows => rows.Count == 1);
        var stored = await StoredCaseAsync(second, id);
        var earliest = stored.Timers.Min(t => t.DueAt);
        Assert.Empty(stored.Outbox);
        Assert.True(earliest > DateTimeOffset.UtcNow);
        Assert.Equal(earliest.UtcDateTime.ToString("yyyyMMddHH"), Assert.Single(alarms).PartitionKey);
    }

    [Fact]
    public async Task The_decision_deadline_timer_fires_after_the_7th_working_day_and_flags_the_case_overdue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(3))); // Wed before Easter
        await using var app = new LumoFlowApp(services, time: clock, settings: new Dictionary<string, string?> { ["LumoFlow:Engine:RunSweeper"] = "false" });
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("timer")));
        var staff = app.StaffClient();

        var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("2026-04-14", (string)status!["deadlines"]!["decisionDue"]!); // Good Friday and Easter Monday skipped

        // Late on the due day nothing has fired yet.
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 14, 23, 59, 0, TimeSpan.FromHours(3)));
        await staff.PostAsync("/Sweep", null);
        status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Empty(status!["customStatus"]!["overdue"]!.AsArray());

        // Once the next Helsinki day begins, the sweep fires the timer.
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 15, 0, 0, 1, TimeSpan.FromHours(3)));
        var sweep = await staff.PostAsync("/Sweep", null);
        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
        Assert.NotNull((await sweep.Content.ReadFromJsonAsync<JsonObject>())!["Outputs"]);
        status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        Assert.Equal(["decision"], status!["customStatus"]!["overdue"]!.AsArray().Select(o => (string)o!));
        Assert.Single(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "DecisionOverdue");

        // Sweeping again does not fire it twice.
        await staff.PostAsync("/Sweep", null);
        status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        Assert.Single(status!["history"]!.AsArray(), h => (string)h!["eventType"]! == "DecisionOverdue");
    }

    [Fact]
    public async Task Cases_swept_together_are_left_with_exactly_the_alarm_rows_they_point_at()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 11, 10, 0, 0, TimeSpan.FromHours(2))); // a Monday
        await using var app = new LumoFlowApp(services, time: clock, settings: Idle);
        var staff = app.StaffClient();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("swept"))));
        }
        await staff.PostAsync("/Sweep", null); // the first runs: each case now has its timer alarm
        var rung = (await AlarmRowsAsync(app)).Where(a => ids.Any(id => a.RowKey.EndsWith(id))).ToList();
        Assert.Equal(ids.Count, rung.Count);

        // All their first timers come due at once; the sweep moves every case to its next alarm.
        clock.SetUtcNow(rung.Select(a => new LumoFlow.Engine.AlarmKey(a.PartitionKey, a.RowKey).WakeAt).Max());
        await staff.PostAsync("/Sweep", null);
        foreach (var id in ids)
        {
            var state = (await app.Table("Cases").GetEntityAsync<TableEntity>(id, "state")).Value;
            var pointedAt = LumoFlow.Engine.Storage.CaseRows.ReadAlarms(state);
            Assert.NotNull(pointedAt.Timer);
            Assert.DoesNotContain(pointedAt.Timer, rung.Select(a => new LumoFlow.Engine.AlarmKey(a.PartitionKey, a.RowKey)));
            Assert.Equal([pointedAt.Timer.RowKey], (await AlarmRowsOfAsync(app, id)).Select(a => a.RowKey));
        }
    }

    [Fact]
    public async Task Concurrent_submissions_with_a_busy_sweeper_send_each_receipt_exactly_once()
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:Engine:SweepIntervalSeconds"] = "0.05" });
        var emails = Enumerable.Range(0, 20).Select(i => Sample.UniqueEmail($"burst{i}")).ToList();
        var client = app.CreateClient();
        var responses = await Task.WhenAll(emails.Select(e => client.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), e))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        await services.Mail.WaitForAsync(m => emails.Any(m.IsTo), count: emails.Count);
        await Task.Delay(1500); // give a duplicate time to show up
        var all = await services.Mail.AllAsync();
        Assert.All(emails, e => Assert.Single(all, m => m.IsTo(e)));
    }

    [Fact]
    public async Task Two_app_instances_sharing_storage_deliver_each_email_once()
    {
        var prefix = LumoFlowApp.NewPrefix();
        var fast = new Dictionary<string, string?> { ["LumoFlow:Engine:SweepIntervalSeconds"] = "0.05", ["LumoFlow:Engine:PokeAfterChange"] = "false" };
        await using var first = new LumoFlowApp(services, prefix, settings: fast);
        await using var second = new LumoFlowApp(services, prefix, settings: fast);
        _ = second.Server;
        var emails = Enumerable.Range(0, 10).Select(i => Sample.UniqueEmail($"pair{i}")).ToList();
        foreach (var email in emails)
            Assert.Equal(HttpStatusCode.Accepted, (await first.CreateClient().PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), email))).StatusCode);

        await services.Mail.WaitForAsync(m => emails.Any(m.IsTo), count: emails.Count);
        await Task.Delay(1500);
        var all = await services.Mail.AllAsync();
        Assert.All(emails, e => Assert.Single(all, m => m.IsTo(e)));
    }

    [Fact]
    public async Task An_event_whose_email_cannot_be_sent_is_still_recorded_and_the_email_goes_out_later()
    {
        var prefix = LumoFlowApp.NewPrefix();
        var partnerEmail = Sample.UniqueEmail("unreachable");
        string id;
        // First run: the mail server is unreachable (nothing listens on port 9).
        await using (var broken = new LumoFlowApp(services, prefix, settings: new Dictionary<string, string?>
                     {
                         ["LumoFlow:Email:SmtpPort"] = "9",
                         ["LumoFlow:Engine:RunSweeper"] = "false",
                         ["LumoFlow:Engine:PokeAfterChange"] = "false",
                     }))
        {
            id = await broken.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("n")));
            var staff = broken.StaffClient();
            Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "x" })).StatusCode);
            var requested = await staff.PostAsJsonAsync($"/api/cases/{id}/events/PartnerInputRequested", new
            {
                partner = new { kind = "school", organisation = "Koulu", email = partnerEmail },
                question = "?",
            });
            Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
            var stored = await StoredCaseAsync(broken, id);
            Assert.Contains(stored.Outbox, e => e.To == partnerEmail);
        }
        Assert.Empty(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail), timeout: TimeSpan.Zero));

        // With the mail server back, the sweep delivers what waited in the outbox, once.
        await using var healthy = new LumoFlowApp(services, prefix);
        _ = healthy.Server;
        Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail)));
        var after = await WaitForAsync(() => StoredCaseAsync(healthy, id), s => s.Outbox.Count == 0);
        Assert.Empty(after.Outbox);
    }

    [Fact]
    public async Task Intake_writes_one_entity_and_the_first_run_moves_the_notification_and_history_into_their_rows()
    {
        await using var app = new LumoFlowApp(services, settings: Idle);
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("move")));

        // Right after intake: one row in the case's partition, and the history and notification are already readable.
        Assert.Equal(["state"], (await app.Table("Cases").QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync()).Select(r => r.RowKey));
        var status = await app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        Assert.Equal("NotificationReceived", (string)status!["history"]![0]!["eventType"]!);
        var store = app.Services.GetRequiredService<LumoFlow.Engine.Storage.CaseStore>();
        Assert.Contains("nälkäisenä", await store.GetNotificationJsonAsync(id, CancellationToken.None));

        // The first run (here the sweep; normally the in-process poke) moves them into rows of their own.
        await app.StaffClient().PostAsync("/Sweep", null);
        var rows = await app.Table("Cases").QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
        Assert.Equal(["history-000001", "history-000002", "notification", "state"], rows.Select(r => r.RowKey));
        Assert.Null(rows.Single(r => r.RowKey == "state").GetString("IntakeNotification0"));
        status = await app.StaffClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        var events = status!["history"]!.AsArray().Select(h => (string)h!["eventType"]!).ToList();
        Assert.Equal(["NotificationReceived", "RoutedToTeam", "DeadlinesSet", "EmailQueued", "EmailSent"], events);
        Assert.Contains("nälkäisenä", await store.GetNotificationJsonAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_state_row_holds_what_its_last_write_holds_whether_that_write_was_merged_or_replaced()
    {
        await using var app = new LumoFlowApp(services, settings: Idle);
        var staff = app.StaffClient();
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("merge")));
        var cases = app.Table("Cases");

        // A property the current state does not write (as an older version might have left): the next commit must
        // replace the row to be rid of it; later commits, with nothing to remove, merge.
        var row = (await cases.GetEntityAsync<TableEntity>(id, "state")).Value;
        row["Leftover"] = "x";
        await cases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await staff.PostAsync("/Sweep", null); // the first run: the intake rows move out of the state row
        await AssertHoldsWhatItsStateWritesAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync($"/api/cases/{id}/events/NotifierContacted", new { how = "phone" })).StatusCode);
        await AssertHoldsWhatItsStateWritesAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "x" })).StatusCode);
        await AssertHoldsWhatItsStateWritesAsync();
        Assert.Equal("Assessing", (await StoredCaseAsync(app, id)).State.Phase.ToString());

        async Task AssertHoldsWhatItsStateWritesAsync()
        {
            // What a fresh write of the case as loaded would hold, and nothing more.
            var stored = (await cases.GetEntityAsync<TableEntity>(id, "state")).Value;
            var copy = (await app.Services.GetRequiredService<LumoFlow.Engine.Storage.CaseStore>().LoadAsync(id, CancellationToken.None))!;
            var fresh = LumoFlow.Engine.Storage.CaseRows.StateEntity(copy.Stored, copy.HistoryRows, copy.Alarms, copy.BodyHash);
            Assert.Equal(LumoFlow.Engine.Storage.CaseRows.PropertiesOf(fresh).Order(), LumoFlow.Engine.Storage.CaseRows.PropertiesOf(stored).Order());
            Assert.Null(copy.Intake);
        }
    }

    [Fact]
    public async Task The_newest_history_rides_in_the_state_row_until_it_is_too_long_or_a_transaction_writes_it_out()
    {
        await using var app = new LumoFlowApp(services, settings: Idle);
        var staff = app.StaffClient();
        var store = app.Services.GetRequiredService<LumoFlow.Engine.Storage.CaseStore>();
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("tail")));
        await staff.PostAsync("/Sweep", null); // the first run moves the intake rows: a transaction, so its own row is written too
        await AssertRowsAsync(written: 2, tail: 0, "NotificationReceived", "EmailSent");

        // Events that store no document: each one's history joins the state row's tail, a single-entity update…
        await RaiseAsync("UrgencyAssessed", new { urgent = false });
        await AssertRowsAsync(written: 2, tail: 1, "NotificationReceived", "EmailSent", "UrgencyAssessed");
        await RaiseAsync("NotifierContacted", new { how = "phone" });
        await RaiseAsync("OffenceSuspected", new { });
        await RaiseAsync("PoliceReportFiled", new { });
        await AssertRowsAsync(written: 2, tail: 4, "NotificationReceived", "EmailSent", "UrgencyAssessed", "NotifierContacted", "OffenceSuspected", "PoliceReportFiled");
        // …until it would be longer than CaseRows.HistoryTailRows: then the tail and the new row are written out.
        await RaiseAsync("ChildAndGuardiansInformed", new { how = "letter" });
        await AssertRowsAsync(written: 7, tail: 0, "NotificationReceived", "EmailSent", "UrgencyAssessed", "NotifierContacted", "OffenceSuspected",
            "PoliceReportFiled", "ChildAndGuardiansInformed");
        // An event that stores a document is a transaction anyway: the tail goes out with it.
        await RaiseAsync("NotifierContacted", new { how = "meeting" });
        await RaiseAsync("DecisionMade", new { startAssessment = true, reason = "Tarve selvittää." });
        await AssertRowsAsync(written: 9, tail: 0, "NotificationReceived", "EmailSent", "UrgencyAssessed", "NotifierContacted", "OffenceSuspected",
            "PoliceReportFiled", "ChildAndGuardiansInformed", "NotifierContacted", "DecisionMade");

        async Task RaiseAsync(string eventName, object body) =>
            Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync($"/api/cases/{id}/events/{eventName}", body)).StatusCode);

        async Task AssertRowsAsync(int written, int tail, params string[] events)
        {
            var rows = await app.Table("Cases").QueryAsync<TableEntity>(e => e.PartitionKey == id && e.RowKey.CompareTo("history-") >= 0 && e.RowKey.CompareTo("history.") < 0).ToListAsync();
            Assert.Equal(Enumerable.Range(1, written).Select(LumoFlow.Engine.Storage.CaseRows.HistoryKey), rows.Select(r => r.RowKey));
            var state = (await app.Table("Cases").GetEntityAsync<TableEntity>(id, "state")).Value;
            Assert.Equal(tail, LumoFlow.Engine.Storage.CaseRows.ReadStored(state).HistoryTail?.Count ?? 0);
            Assert.Equal(written + tail, state.GetInt32("HistoryRows"));
            // Read back in order, each event once, wherever its row is.
            var history = await store.GetHistoryRowsAsync(id, CancellationToken.None);
            Assert.Equal(events, history.Select(row => row[0].EventType));
            var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
            Assert.Equal(history.SelectMany(row => row).Select(h => h.EventType), status!["history"]!.AsArray().Select(h => (string)h!["eventType"]!));
        }
    }

    [Fact]
    public async Task An_email_sent_with_its_event_is_recorded_in_that_event_s_history_row_and_a_later_delivery_in_a_row_of_its_own()
    {
        await using var app = new LumoFlowApp(services, settings: Idle);
        var staff = app.StaffClient();
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("rows")));
        await staff.PostAsync("/Sweep", null); // the receipt: delivered on the first run, after the intake's own rows
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "x" })).StatusCode);

        var rows = await app.Services.GetRequiredService<LumoFlow.Engine.Storage.CaseStore>().GetHistoryRowsAsync(id, CancellationToken.None);
        var events = rows.Select(r => r.Select(h => h.EventType).ToList()).ToList();
        Assert.Equal(3, events.Count);
        Assert.Equal(["EmailSent"], events[1]); // the receipt, sent on a run of its own
        Assert.Equal("DecisionMade", events[2][0]);
        Assert.Equal(["EmailQueued", "EmailSent"], events[2][^2..]); // the notifier told, in the decision's row
    }

    [Fact]
    public async Task Notifications_accepted_together_share_an_intake_alarm_and_after_a_crash_the_sweep_runs_every_one()
    {
        var prefix = LumoFlowApp.NewPrefix();
        var emails = Enumerable.Range(0, 12).Select(i => Sample.UniqueEmail($"together{i}")).ToList();
        List<string> ids;

        // The app accepts twelve notifications at once and stops before it runs any of them.
        await using (var first = new LumoFlowApp(services, prefix, settings: Idle))
        {
            var client = first.CreateClient();
            var responses = await Task.WhenAll(emails.Select(e => client.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), e))));
            ids = [.. await Task.WhenAll(responses.Select(async r => (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["id"]!))];
            var intakeRows = await AlarmRowsAsync(first);
            Assert.All(intakeRows, row => Assert.Contains("-intake-", row.RowKey));
            // Every case is listed in exactly one intake row (which may list spare ids as well), rows shared when intakes overlap.
            Assert.All(ids, id => Assert.Single(intakeRows, r => r.GetString("Cases").Split(' ').Contains(id)));
        }

        // Started again: the sweep runs every listed case, which places its own timer alarm and moves off its intake row.
        await using var second = new LumoFlowApp(services, prefix);
        _ = second.Server;
        await services.Mail.WaitForAsync(m => emails.Any(m.IsTo), count: emails.Count);
        static bool ListsSpares(TableEntity intakeRow, IEnumerable<string> cases) => intakeRow.GetString("Cases").Split(' ').Except(cases).Any();
        var alarms = await WaitForAsync(async () => await AlarmRowsAsync(second), rows => ids.All(id => rows.Any(r => r.RowKey.EndsWith(id)))
            && rows.Where(r => r.RowKey.Contains("-intake-")).All(r => ListsSpares(r, ids)));
        Assert.Equal(ids.Order(), alarms.Where(r => !r.RowKey.Contains("-intake-")).Select(r => r.RowKey[18..]).Order());
        foreach (var id in ids) Assert.Equal("", (await second.Table("Cases").GetEntityAsync<TableEntity>(id, "state")).Value.GetString("ImmediateAlarmRow"));
        // An intake row that also lists spare ids no case got stays until it is old enough (see the test below); one that
        // listed only these cases is gone.
        Assert.All(alarms.Where(r => r.RowKey.Contains("-intake-")), r => Assert.True(ListsSpares(r, ids)));
    }

    [Fact]
    public async Task With_the_poke_an_intake_alarm_is_removed_once_every_case_it_lists_has_run()
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:Engine:RunSweeper"] = "false" });
        var client = app.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            client.PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail($"poked{i}")))));
        var ids = await Task.WhenAll(responses.Select(async r => (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["id"]!));

        // No sweep runs here: the intake rows go because the poked first runs move every case off them, and the spare
        // ids a row lists for notifications that might follow are given up once their time has passed.
        await WaitForAsync(async () => await AlarmRowsAsync(app), rows => ids.All(id => rows.Any(r => r.RowKey.EndsWith(id))));
        await app.Services.GetRequiredService<LumoFlow.Engine.AlarmIndex>().RetireExpiredSparesAsync(DateTimeOffset.UtcNow + LumoFlow.Engine.AlarmIndex.SpareIdsUsableFor);
        var alarms = await WaitForAsync(async () => await AlarmRowsAsync(app),
            rows => rows.Count == ids.Length && rows.All(r => !r.RowKey.Contains("-intake-")));
        Assert.Equal(ids.Order(), alarms.Select(r => r.RowKey[18..]).Order());
    }

    [Fact]
    public async Task An_intake_alarm_naming_a_case_that_was_never_stored_is_dropped_by_the_sweep_once_it_is_old()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = new LumoFlowApp(services, time: clock, settings: Idle);
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("lost")));
        // An intake row another instance wrote just before it crashed, without storing the case it lists.
        var orphan = LumoFlow.Engine.AlarmKey.ForIntake(clock.GetUtcNow(), "CRASHED");
        await app.Table("CaseAlarms").AddEntityAsync(new TableEntity(orphan.PartitionKey, orphan.RowKey) { ["Cases"] = "NEVERSTORED00000" });
        var sweep = app.Services.GetRequiredService<LumoFlow.Engine.Sweeper>();

        // Young, it is kept: that case's insert might still be in flight. The real case's intake row goes at once.
        await sweep.SweepOnceAsync(CancellationToken.None);
        var rows = await AlarmRowsAsync(app);
        Assert.Contains(rows, r => r.RowKey == orphan.RowKey);
        Assert.Equal([orphan.RowKey, LumoFlow.Engine.AlarmKey.For((await StoredCaseAsync(app, id)).Timers.Min(t => t.DueAt), id).RowKey], rows.Select(r => r.RowKey).Order());

        clock.Advance(TimeSpan.FromMinutes(6));
        await sweep.SweepOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(await AlarmRowsAsync(app), r => r.RowKey == orphan.RowKey);
    }

    /// <summary>The alarm rows (without the sweep lease's row, which is no alarm).</summary>
    internal static async Task<List<TableEntity>> AlarmRowsAsync(LumoFlowApp app) =>
        await app.Table("CaseAlarms").QueryAsync<TableEntity>(r => r.PartitionKey != "~sweep").ToListAsync();

    /// <summary>The alarm rows that wake the case: its own, and intake rows that list it.</summary>
    internal static async Task<List<TableEntity>> AlarmRowsOfAsync(LumoFlowApp app, string id) =>
        (await AlarmRowsAsync(app))
        .Where(a => a.RowKey.EndsWith(id) || (a.GetString("Cases") ?? "").Split(' ').Contains(id)).ToList();

    internal static async Task<LumoFlow.Engine.Storage.StoredCase> StoredCaseAsync(LumoFlowApp app, string id) =>
        LumoFlow.Engine.Storage.CaseRows.ReadStored((await app.Table("Cases").GetEntityAsync<TableEntity>(id, "state")).Value);

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }
}
