using Azure.Data.Tables;
using LumoFlow.Engine;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>The alarm table against real Azurite: what is due, and how instances share it through leases.</summary>
[Collection(DevServicesCollection.Name)]
public sealed class AlarmIndexTests(DevServices services)
{
    private static readonly DateTimeOffset Now = new(2027, 1, 18, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Due_alarms_are_those_at_or_before_now_whose_lease_has_run_out()
    {
        var alarms = await NewIndexAsync();
        var due = AlarmKey.For(Now.AddMinutes(-90), "case-a");
        var dueNow = AlarmKey.For(Now, "case-b");
        var laterThisHour = AlarmKey.For(Now.AddMinutes(10), "case-c");
        var leased = AlarmKey.For(Now.AddMinutes(-5), "case-d");
        foreach (var key in new[] { due, dueNow, laterThisHour }) await alarms.SetAsync(key, null, CancellationToken.None);
        await alarms.SetAsync(leased, new AlarmLease(Now.AddMinutes(1), "other"), CancellationToken.None);

        var found = await alarms.DueAsync(Now, 100, CancellationToken.None);

        Assert.Equal(["case-a", "case-b"], found.Select(a => a.Key.CaseId).Order());
    }

    [Fact]
    public async Task Released_alarms_are_deleted_together_unless_written_again_first()
    {
        var table = await NewTableAsync();
        var alarms = new AlarmIndex(table);
        var keys = Enumerable.Range(0, 5).Select(i => AlarmKey.For(Now.AddMinutes(-i), $"case-{i}")).Append(AlarmKey.For(Now.AddHours(-2), "case-x")).ToList();
        foreach (var key in keys) await alarms.SetAsync(key, null, CancellationToken.None);
        foreach (var key in keys) alarms.ReleaseLater(key);
        Assert.Equal(keys.Count, (await table.QueryAsync<TableEntity>().ToListAsync()).Count); // nothing deleted yet

        // The case came back to the same alarm (the same instant) before the delete: it stays.
        await alarms.SetAsync(keys[2], null, CancellationToken.None);
        await alarms.DeleteReleasedAsync();
        Assert.Equal([keys[2].RowKey], (await table.QueryAsync<TableEntity>().ToListAsync()).Select(r => r.RowKey));

        // Released once, deleted once: a later call deletes nothing more.
        await alarms.DeleteReleasedAsync();
        Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Throws<ArgumentException>(() => alarms.ReleaseLater(AlarmKey.ForIntake(Now, "group")));
    }

    [Fact]
    public async Task One_instance_sweeps_at_a_time_and_another_takes_over_once_its_lease_has_run_out()
    {
        var table = await NewTableAsync();
        var (a, b) = (new AlarmIndex(table), new AlarmIndex(table));
        await SetDueAlarmsAsync(a, 3);

        Assert.True(await a.TryHoldSweepAsync(Now, Now.AddMinutes(1), "A", CancellationToken.None));
        Assert.False(await b.TryHoldSweepAsync(Now, Now.AddMinutes(1), "B", CancellationToken.None));
        Assert.True(await a.TryHoldSweepAsync(Now.AddSeconds(30), Now.AddSeconds(90), "A", CancellationToken.None)); // renewed
        Assert.False(await b.TryHoldSweepAsync(Now.AddSeconds(80), Now.AddSeconds(140), "B", CancellationToken.None));

        // A stops renewing (or dies): once its lease has run out, B takes over, and A's next attempt finds B holding it.
        Assert.True(await b.TryHoldSweepAsync(Now.AddSeconds(91), Now.AddSeconds(151), "B", CancellationToken.None));
        Assert.False(await a.TryHoldSweepAsync(Now.AddSeconds(92), Now.AddSeconds(152), "A", CancellationToken.None));
        Assert.True(await b.TryHoldSweepAsync(Now.AddSeconds(100), Now.AddSeconds(160), "B", CancellationToken.None));

        // The lease row is never taken for an alarm, however late it is.
        Assert.Equal(["case-000", "case-001", "case-002"], (await a.DueAsync(Now.AddYears(10), 500, CancellationToken.None)).Select(d => d.Key.CaseId).Order());
    }

    [Fact]
    public async Task Intakes_accepted_while_one_is_being_written_share_the_next_row_which_lists_them()
    {
        var (table, held) = await HeldRequests.NewTableAsync(services, "alarms");
        var alarms = new AlarmIndex(table);
        var lease = new AlarmLease(Now.AddMinutes(1), "me");

        Task<AlarmKey>? lone = null;
        var writing = await held.WhileHeldAsync(() => lone = alarms.SetIntakeAsync("CASE000", Now, lease, CancellationToken.None));
        var together = Enumerable.Range(1, 150).Select(i => alarms.SetIntakeAsync($"CASE{i:000}", Now.AddMilliseconds(i), lease, CancellationToken.None)).ToList();
        Assert.DoesNotContain(together, t => t.IsCompleted); // none returns before its row is stored
        held.Release();
        await writing;
        var keys = await Task.WhenAll(together);

        // The lone first intake's row, then the 150 that waited in rows of at most a hundred: three writes in all.
        Assert.Equal(3, held.Requests.Count);
        Assert.True((await lone!).IsIntake);
        Assert.Equal(2, keys.Distinct().Count());
        Assert.Equal([100, 50], keys.GroupBy(k => k).Select(g => g.Count()).Order().Reverse());
        Assert.Empty(await alarms.DueAsync(Now, 500, CancellationToken.None)); // leased to this instance

        var due = await alarms.DueAsync(Now.AddMinutes(2), 500, CancellationToken.None);
        Assert.Equal(3, due.Count);
        Assert.Superset(Enumerable.Range(0, 151).Select(i => $"CASE{i:000}").ToHashSet(), due.SelectMany(a => a.CaseIds).ToHashSet());
        for (var i = 0; i < keys.Length; i++) Assert.Contains($"CASE{i + 1:000}", due.Single(a => a.Key == keys[i]).CaseIds);
        // The last row has room left, and intakes came just before it: it lists as many spare ids for those that follow.
        Assert.Equal(100, due.Single(a => a.Key == keys[^1]).CaseIds.Count);
    }

    [Fact]
    public async Task Notifications_that_follow_a_burst_take_ids_listed_ahead_and_cost_no_alarm_write()
    {
        var (table, held) = await HeldRequests.NewTableAsync(services, "alarms");
        var alarms = new AlarmIndex(table);
        async Task<(string CaseId, AlarmKey Alarm)> Reserve(int second) => await alarms.ReserveIntakeAsync(Now.AddSeconds(second), null, CancellationToken.None);

        var first = await Reserve(0);  // alone: a row listing it, and no spares
        var second = await Reserve(1); // one intake came in the last 30 s: its row lists one spare id
        var third = await Reserve(2);  // takes it
        Assert.Equal(2, held.Requests.Count);
        Assert.Equal(second.Alarm, third.Alarm);
        Assert.NotEqual(first.Alarm, second.Alarm);
        var fourth = await Reserve(3); // three came: three spares
        var followers = new[] { await Reserve(4), await Reserve(5), await Reserve(6) };
        Assert.Equal(3, held.Requests.Count);
        Assert.All(followers, f => Assert.Equal(fourth.Alarm, f.Alarm));
        var ids = new[] { first, second, third, fourth }.Concat(followers).Select(r => r.CaseId).ToList();
        Assert.Equal(7, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(LumoFlow.Engine.CaseIds.IsWellFormed(id)));

        // Spares nobody takes in time are given up, so their row goes once its cases have moved off it.
        var burst = await Reserve(7); // seven came: seven spares
        var taken = await Reserve(8);
        await alarms.RetireExpiredSparesAsync(Now.AddSeconds(8)); // not yet
        var late = await Reserve(9);
        Assert.Equal(burst.Alarm, late.Alarm);
        await alarms.RetireExpiredSparesAsync(Now.AddSeconds(7) + AlarmIndex.SpareIdsUsableFor); // the other five
        held.Requests.Clear();
        foreach (var id in new[] { burst.CaseId, taken.CaseId }) await alarms.LeaveIntakeAsync(burst.Alarm, id, CancellationToken.None);
        Assert.Empty(held.Requests);
        await alarms.LeaveIntakeAsync(burst.Alarm, late.CaseId, CancellationToken.None);
        Assert.Equal(["DELETE"], held.Requests);
        Assert.NotEqual(burst.Alarm, (await Reserve(40)).Alarm); // and no spare of it is handed out any more
    }

    [Fact]
    public async Task An_intake_row_is_deleted_when_the_last_of_its_cases_has_left_it()
    {
        var (table, held) = await HeldRequests.NewTableAsync(services, "alarms");
        var alarms = new AlarmIndex(table);
        var writing = await held.WhileHeldAsync(() => alarms.SetIntakeAsync("CASE-X", Now, null, CancellationToken.None));
        var shared = new[] { "CASE-A", "CASE-B", "CASE-C" }.Select(id => alarms.SetIntakeAsync(id, Now, null, CancellationToken.None)).ToList();
        held.Release();
        await writing;
        var key = Assert.Single((await Task.WhenAll(shared)).Distinct());
        held.Requests.Clear();

        await alarms.LeaveIntakeAsync(key, "CASE-A", CancellationToken.None);
        await alarms.LeaveIntakeAsync(key, "CASE-B", CancellationToken.None);
        await alarms.LeaveIntakeAsync(key, "CASE-B", CancellationToken.None); // again: no effect
        await alarms.LeaveIntakeAsync(AlarmKey.ForIntake(Now, "unknown"), "CASE-C", CancellationToken.None); // not this instance's
        Assert.Empty(held.Requests);
        Assert.True(alarms.TracksIntake(key));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey)).HasValue);

        await alarms.LeaveIntakeAsync(key, "CASE-C", CancellationToken.None);
        Assert.True(alarms.TracksIntake(key)); // its spare id (one intake came just before) may still be handed out
        held.Requests.Clear();
        await alarms.RetireExpiredSparesAsync(Now + AlarmIndex.SpareIdsUsableFor);
        Assert.Equal(["DELETE"], held.Requests);
        Assert.False(alarms.TracksIntake(key));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey)).HasValue);
    }

    /// <summary>Alarms for cases case-000, case-001, …, due a second apart up to <see cref="Now"/>, all in one hour's partition.</summary>
    private static async Task<IReadOnlyList<AlarmKey>> SetDueAlarmsAsync(AlarmIndex alarms, int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => AlarmKey.For(Now.AddSeconds(-i), $"case-{i:000}")).ToList();
        foreach (var key in keys) await alarms.SetAsync(key, null, CancellationToken.None);
        return keys;
    }

    private async Task<AlarmIndex> NewIndexAsync() => new(await NewTableAsync());

    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(services.StorageConnectionString).GetTableClient("alarms" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        return table;
    }
}
