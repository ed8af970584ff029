using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace LumoFlow.LocalHost;

/// <summary>
/// The backend as the sidecar sees it, with its stop made safe: stopping a backend that was never started does nothing,
/// a stop never throws, and it waits at most <see cref="DefaultStopTimeout"/> for the backend.
/// <para>Why: <c>TaskHubGrpcServer</c> starts the backend only once the SDK's worker has connected, but stops it whenever
/// the host stops — from an <c>async void</c> callback that the host does not wait for, where any exception ends the
/// whole process. Both were seen: <c>AzureStorageOrchestrationService.StopAsync</c> on a service that never started
/// throws a <see cref="NullReferenceException"/> (an app stopped seconds after it started), and its partition manager,
/// when storage went away under it, gave up after 10 minutes with a <see cref="TimeoutException"/> that took the test
/// run with it. Every other member passes straight through (<see cref="PassThroughOrchestrationService"/>).</para>
/// </summary>
internal sealed class StopOnlyIfStarted(IOrchestrationService inner, ILogger? logger = null, TimeSpan? stopTimeout = null)
    : PassThroughOrchestrationService(inner)
{
    /// <summary>How long a stop waits for the backend; past that, the backend is left to finish stopping on its own.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private Task? _started;

    public override Task StartAsync() => _started = Inner.StartAsync();
    public override Task StopAsync() => StopAsync(isForced: false);

    public override async Task StopAsync(bool isForced)
    {
        try
        {
            if (_started is not { } started) return;
            try
            {
                await started;
            }
            catch
            {
                return; // it did not start: nothing to stop
            }
            await Inner.StopAsync(isForced).WaitAsync(stopTimeout ?? DefaultStopTimeout);
        }
        catch (Exception e)
        {
            // Nothing may escape into the sidecar's async void; a backend that does not stop is only left behind.
            _logger.LogWarning("The Durable backend did not stop cleanly ({Error}); the process goes on stopping", e.GetType().Name);
        }
    }
}
