using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using LumoFlow.Engine.Storage;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>Group commit of upserts and deletes against real Azurite: what waits, what goes together, what a failure touches.</summary>
[Collection(DevServicesCollection.Name)]
public sealed class GroupedWritesTests(DevServices services)
{
    [Fact]
    public async Task Upserts_that_arrive_while_one_is_in_flight_go_together_in_one_transaction()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);

        var first = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("bucket", "r000"), CancellationToken.None));
        var rest = Enumerable.Range(1, 149).Select(i => writes.UpsertAsync(Row("bucket", $"r{i:000}"), CancellationToken.None)).ToList();
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(rest, t => t.IsCompleted); // none returns before its row is stored
        held.Release();
        await Task.WhenAll(rest.Append(first));

        // The lone first upsert, then the 149 that waited: two transactions (at most 100 actions each).
        Assert.Equal(["PUT", "POST $batch", "POST $batch"], held.Requests);
        Assert.Equal(150, (await table.QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task A_lone_upsert_is_written_at_once_and_another_partition_does_not_wait()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);

        await writes.UpsertAsync(Row("a", "alone"), CancellationToken.None);
        Assert.Equal(["PUT"], held.Requests);

        var blocked = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("a", "blocked"), CancellationToken.None));
        held.HoldOnly("a"); // from here, only partition a's requests are held
        await writes.UpsertAsync(Row("b", "free"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(blocked.IsCompleted);
        held.Release();
        await blocked;
    }

    [Fact]
    public async Task The_same_row_twice_in_a_group_is_stored_as_the_later_write()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);

        var first = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("p", "x", "first"), CancellationToken.None));
        var second = writes.UpsertAsync(Row("p", "y", "second"), CancellationToken.None);
        var third = writes.UpsertAsync(Row("p", "y", "third"), CancellationToken.None);
        held.Release();
        await Task.WhenAll(first, second, third);

        Assert.Equal(["PUT", "PUT"], held.Requests); // x alone, then y once
        Assert.Equal("third", (await table.GetEntityAsync<TableEntity>("p", "y")).Value.GetString("Value"));
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_of_its_group_and_the_next_group_is_written()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);

        var first = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("p", "first"), CancellationToken.None));
        var doomed = new[] { writes.UpsertAsync(Row("p", "d1"), CancellationToken.None), writes.UpsertAsync(Row("p", "d2"), CancellationToken.None) };
        held.FailNext();
        held.Release();
        await first;
        foreach (var task in doomed) await Assert.ThrowsAnyAsync<Exception>(() => task);

        await writes.UpsertAsync(Row("p", "later"), CancellationToken.None);
        var stored = (await table.QueryAsync<TableEntity>().ToListAsync()).Select(r => r.RowKey).Order().ToList();
        Assert.Equal(["first", "later"], stored);
    }

    [Fact]
    public async Task A_cancelled_caller_stops_waiting_without_failing_the_others()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);

        var first = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("p", "first"), CancellationToken.None));
        using var cancel = new CancellationTokenSource();
        var cancelled = writes.UpsertAsync(Row("p", "impatient"), cancel.Token);
        var patient = writes.UpsertAsync(Row("p", "patient"), CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Release();
        await Task.WhenAll(first, patient);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "patient")).HasValue);
    }

    [Fact]
    public async Task Deletes_go_together_with_upserts_and_a_row_already_gone_is_no_error()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);
        foreach (var key in new[] { "old1", "old2" }) await table.AddEntityAsync(Row("p", key));
        held.Requests.Clear();

        var first = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("p", "first"), CancellationToken.None));
        var group = new[]
        {
            writes.DeleteAsync("p", "old1", CancellationToken.None),
            writes.DeleteAsync("p", "old2", CancellationToken.None),
            writes.UpsertAsync(Row("p", "new"), CancellationToken.None),
        };
        held.Release();
        await Task.WhenAll(group.Append(first));
        Assert.Equal(["PUT", "POST $batch"], held.Requests);
        Assert.Equal(["first", "new"], (await table.QueryAsync<TableEntity>().ToListAsync()).Select(r => r.RowKey).Order());

        // A delete of a row that is gone fails a transaction in Azure Table storage; the group is then done one by one.
        held.Requests.Clear();
        first = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("p", "again"), CancellationToken.None));
        group = [writes.DeleteAsync("p", "never-there", CancellationToken.None), writes.DeleteAsync("p", "new", CancellationToken.None)];
        held.Release();
        await Task.WhenAll(group.Append(first));
        Assert.Equal(["PUT", "POST $batch", "DELETE", "DELETE"], held.Requests);
        Assert.Equal(["again", "first"], (await table.QueryAsync<TableEntity>().ToListAsync()).Select(r => r.RowKey).Order());
    }

    [Fact]
    public async Task Rows_gathered_by_the_caller_are_deleted_a_hundred_to_a_transaction()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);
        var keys = Enumerable.Range(0, 150).Select(i => $"r{i:000}").ToList();
        foreach (var key in keys.Append("stays")) await table.AddEntityAsync(Row("p", key));
        held.Requests.Clear();

        await writes.DeleteAllAsync("p", keys);
        Assert.Equal(["POST $batch", "POST $batch"], held.Requests);
        Assert.Equal(["stays"], (await table.QueryAsync<TableEntity>().ToListAsync()).Select(r => r.RowKey));

        // Rows already gone are no error; with none to delete nothing is sent.
        held.Requests.Clear();
        await writes.DeleteAllAsync("p", ["r000", "stays"]);
        await writes.DeleteAllAsync("p", []);
        Assert.Equal(["POST $batch", "DELETE", "DELETE"], held.Requests);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_delete_after_an_upsert_of_the_same_row_in_one_group_leaves_it_deleted()
    {
        var (table, held) = await NewTableAsync();
        var writes = new GroupedWrites(table);

        var first = await held.WhileHeldAsync(() => writes.UpsertAsync(Row("p", "first"), CancellationToken.None));
        var upsert = writes.UpsertAsync(Row("p", "x"), CancellationToken.None);
        var delete = writes.DeleteAsync("p", "x", CancellationToken.None);
        held.Release();
        await Task.WhenAll(first, upsert, delete);

        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "x")).HasValue);
    }

    private static TableEntity Row(string partition, string row, string value = "v") => new(partition, row) { ["Value"] = value };

    private Task<(TableClient Table, HeldRequests Held)> NewTableAsync() => HeldRequests.NewTableAsync(services, "grouped");
}
