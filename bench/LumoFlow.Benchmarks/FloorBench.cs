using Azure.Core;
using Azure.Data.Tables;

namespace LumoFlow.Benchmarks;

/// <summary>The physical limit of this setup: single-entity inserts against the same Azurite, nothing else.</summary>
public static class FloorBench
{
    public static async Task<Load.Result> RunAsync(string connectionString, int operations, int concurrency)
    {
        var options = new TableClientOptions();
        var table = new TableServiceClient(connectionString, options).GetTableClient("floor" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("warmup", "0"));
        return await Load.RunAsync(operations, concurrency, async i =>
            await table.AddEntityAsync(new TableEntity($"p{i}", "state")
            {
                ["State"] = "{\"caseId\":\"x\",\"phase\":\"AwaitingDecision\"}",
                ["At"] = DateTimeOffset.UtcNow,
            }));
    }
}
