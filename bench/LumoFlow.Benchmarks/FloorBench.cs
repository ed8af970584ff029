using Azure.Data.Tables;

namespace LumoFlow.Benchmarks;

/// <summary>The physical limit of this setup: single-entity inserts against the same Azurite, nothing else.</summary>
public sealed class FloorBench
{
    private readonly TableClient _table;
    private int _next;

    private FloorBench(TableClient table) => _table = table;

    /// <summary>A floor in a fresh table of its own.</summary>
    public static async Task<FloorBench> CreateAsync(string connectionString)
    {
        var table = new TableServiceClient(connectionString, new TableClientOptions()).GetTableClient("floor" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("warmup", "0"));
        return new FloorBench(table);
    }

    /// <summary>Inserts <paramref name="operations"/> new entities (each call goes on where the last stopped).</summary>
    public Task<Load.Result> RunAsync(int operations, int concurrency)
    {
        var first = Interlocked.Add(ref _next, operations) - operations;
        return Load.RunAsync(operations, concurrency, async i =>
            await _table.AddEntityAsync(new TableEntity($"p{first + i}", "state")
            {
                ["State"] = "{\"caseId\":\"x\",\"phase\":\"AwaitingDecision\"}",
                ["At"] = DateTimeOffset.UtcNow,
            }));
    }
}
