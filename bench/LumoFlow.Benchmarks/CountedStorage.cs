using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Storage clients whose every request passes <see cref="StorageRequestCounter"/>: Durable's (its backend takes a
/// <see cref="StorageAccountClientProvider"/> from DI, <c>LocalDurableTask.BackendSettings</c>) and LumoFlow's tables (it takes
/// <see cref="TableClientOptions"/> from DI). Each client gets options of its own: Durable adds its own policies to the
/// options it is given.
/// </summary>
public static class CountedStorage
{
    public static StorageAccountClientProvider Durable(string connectionString, StorageRequestCounter counter) => new(
        StorageServiceClientProvider.ForBlob(connectionString, Counted(new BlobClientOptions(), counter, "durable blob")),
        StorageServiceClientProvider.ForQueue(connectionString, Counted(new QueueClientOptions(), counter, "durable queue")),
        StorageServiceClientProvider.ForTable(connectionString, Counted(new TableClientOptions(), counter, "durable table")));

    public static TableClientOptions LumoFlowTables(StorageRequestCounter counter) => Counted(new TableClientOptions(), counter, "lumoflow table");

    private static T Counted<T>(T options, StorageRequestCounter counter, string source) where T : ClientOptions
    {
        options.AddPolicy(counter.For(source), HttpPipelinePosition.PerRetry);
        return options;
    }
}
