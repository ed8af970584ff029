using DurableTask.Core;

namespace LumoFlow.LocalHost;

/// <summary>
/// The backend as the sidecar sees it, with one difference: stopping a backend that was never started does nothing.
/// <para>Why: <c>TaskHubGrpcServer</c> starts the backend only once the SDK's worker has connected, but stops it whenever
/// the host stops — from an <c>async void</c> callback. <c>AzureStorageOrchestrationService.StopAsync</c> on a service
/// that never started throws a <see cref="NullReferenceException"/> there, which ends the whole process (seen when an
/// app was stopped seconds after it started). Every other member passes straight through (<see cref="PassThroughOrchestrationService"/>).</para>
/// </summary>
internal sealed class StopOnlyIfStarted(IOrchestrationService inner) : PassThroughOrchestrationService(inner)
{
    private Task? _started;

    public override Task StartAsync() => _started = Inner.StartAsync();
    public override Task StopAsync() => StopAsync(isForced: false);

    public override async Task StopAsync(bool isForced)
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
        await Inner.StopAsync(isForced);
    }
}
