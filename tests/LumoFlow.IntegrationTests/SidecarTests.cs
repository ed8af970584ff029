using DurableTask.AzureStorage;
using LumoFlow.IntegrationTests.Infrastructure;
using LumoFlow.LocalHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LumoFlow.IntegrationTests;

/// <summary>The local host's sidecar stops its backend whether or not it ever started it.</summary>
[Collection(DevServicesCollection.Name)]
public sealed class SidecarTests(DevServices services)
{
    [Fact]
    public async Task Stopping_a_backend_that_never_started_does_nothing_and_one_that_started_stops()
    {
        var hub = TestSettings.NewHub();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(services, hub, "worker-1")).Build();
        var backend = new AzureStorageOrchestrationService(LocalDurableTask.BackendSettings(configuration, NullLoggerFactory.Instance));

        // Why the guard exists: DurableTask.AzureStorage throws here, and the sidecar calls it from an async void.
        await Assert.ThrowsAsync<NullReferenceException>(() => backend.StopAsync());
        var guarded = new StopOnlyIfStarted(backend);
        await guarded.StopAsync();

        await guarded.CreateIfNotExistsAsync();
        await guarded.StartAsync();
        await guarded.StopAsync(); // a started backend is stopped: it can be started again
        await guarded.StartAsync();
        await guarded.StopAsync(isForced: true);
        await backend.DeleteAsync();
    }
}
