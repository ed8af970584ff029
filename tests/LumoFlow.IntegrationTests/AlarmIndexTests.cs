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
    public async Task An_instance_claims_what_it_read_unless_another_claimed_it_first()
    {
        var alarms = await NewIndexAsync();
        await SetDueAlarmsAsync(alarms, 150);
        var seenByA = await alarms.DueAsync(Now, 500, CancellationToken.None);
        var seenByB = await alarms.DueAsync(Now, 500, CancellationToken.None);
        Assert.Equal(150, seenByA.Count);

        // B claims three of them first; A's claims of those fail on their ETags, and A gets all the others.
        var byB = await alarms.TryClaimAsync(seenByB.Where(a => a.Key.CaseId is "case-007" or "case-070" or "case-140").ToList(), Now.AddMinutes(1), "B", CancellationToken.None);
        var byA = await alarms.TryClaimAsync(seenByA, Now.AddMinutes(1), "A", CancellationToken.None);

        Assert.Equal(3, byB.Count);
        Assert.Equal(147, byA.Count);
        Assert.Empty(byA.Select(a => a.Key).Intersect(byB.Select(a => a.Key)));
        Assert.Empty(await alarms.DueAsync(Now, 500, CancellationToken.None)); // every one is leased now
        Assert.Equal(150, (await alarms.DueAsync(Now.AddMinutes(2), 500, CancellationToken.None)).Count); // until the leases run out
    }

    [Fact]
    public async Task A_claim_of_an_alarm_removed_since_it_was_read_fails_and_the_rest_are_claimed()
    {
        var alarms = await NewIndexAsync();
        var keys = await SetDueAlarmsAsync(alarms, 3);
        var seen = await alarms.DueAsync(Now, 500, CancellationToken.None);
        await alarms.DeleteAsync(keys[1], CancellationToken.None);

        var claimed = await alarms.TryClaimAsync(seen, Now.AddMinutes(1), "A", CancellationToken.None);

        Assert.Equal(["case-000", "case-002"], claimed.Select(a => a.Key.CaseId).Order());
    }

    /// <summary>Alarms for cases case-000, case-001, …, due a second apart up to <see cref="Now"/>, all in one hour's partition.</summary>
    private static async Task<IReadOnlyList<AlarmKey>> SetDueAlarmsAsync(AlarmIndex alarms, int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => AlarmKey.For(Now.AddSeconds(-i), $"case-{i:000}")).ToList();
        foreach (var key in keys) await alarms.SetAsync(key, null, CancellationToken.None);
        return keys;
    }

    private async Task<AlarmIndex> NewIndexAsync()
    {
        var table = new TableServiceClient(services.StorageConnectionString).GetTableClient("alarms" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        return new AlarmIndex(table);
    }
}
