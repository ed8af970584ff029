using DurableTask.AzureStorage;
using LumoFlow.IntegrationTests.Infrastructure;
using LumoFlow.LocalHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LumoFlow.IntegrationTests;

/// <summary>The local host's sidecar stops its backend whether or not it ever started it, and a stop never ends the process.</summary>
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

    /// <summary>
    /// Seen in a run of the suite: the backend's partition manager gave up stopping after 10 minutes with a
    /// TimeoutException, thrown into the sidecar's async void, and the test host died with every test after it.
    /// </summary>
    [Fact]
    public async Task A_backend_whose_stop_fails_or_hangs_is_left_behind_and_the_stop_ends_without_an_exception()
    {
        var failing = new Mock<DurableTask.Core.IOrchestrationService>();
        failing.Setup(b => b.StartAsync()).Returns(Task.CompletedTask);
        failing.Setup(b => b.StopAsync(It.IsAny<bool>())).ThrowsAsync(new TimeoutException("Timed-out waiting for the partition manager to shut down."));
        var guarded = new StopOnlyIfStarted(failing.Object);
        await guarded.StartAsync();
        await guarded.StopAsync(); // no exception
        failing.Verify(b => b.StopAsync(false), Times.Once);

        var hanging = new Mock<DurableTask.Core.IOrchestrationService>();
        hanging.Setup(b => b.StartAsync()).Returns(Task.CompletedTask);
        hanging.Setup(b => b.StopAsync(It.IsAny<bool>())).Returns(new TaskCompletionSource().Task); // never ends
        guarded = new StopOnlyIfStarted(hanging.Object, stopTimeout: TimeSpan.FromMilliseconds(200));
        await guarded.StartAsync();
        var stop = guarded.StopAsync();
        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))));
        await stop; // no exception
    }
}
