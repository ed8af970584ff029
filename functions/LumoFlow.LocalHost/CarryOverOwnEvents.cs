using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace LumoFlow.LocalHost;

/// <summary>
/// Keeps a case's staff events across its ContinueAsNew on the local sidecar.
/// <para>When an orchestration continues as new with its unprocessed events preserved (the SDK's default), the SDK's worker
/// sends each event it had buffered, and each that arrives after, to its own instance (<c>SendEvent</c> actions beside the
/// completion). The sidecar our package source serves (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1, built
/// 2026-04-22) clears the messages of the old generation when it starts the new one, these among them: the events were
/// lost, and a case sent events faster than it applied them stopped applying them (found by <c>FuzzTests</c>).
/// Upstream fixed the sidecar the next day (microsoft/durabletask-dotnet#708) but no later version is served.</para>
/// <para>This interceptor, on the worker's channel to the sidecar, moves those self-addressed events into the completion's
/// carry-over events, which that sidecar does put into the new generation's history (as Durable's Azure Storage
/// backend's own dispatcher does). Nothing else is touched; events sent to other cases stay as they are. The Functions
/// host's Durable extension keeps such events itself: this is for the local host only. Remove it with a sidecar that
/// carries the events over.</para>
/// </summary>
public sealed class CarryOverOwnEvents : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (request is P.OrchestratorResponse response) Rewrite(response);
        return continuation(request, context);
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (request is P.OrchestratorResponse response) Rewrite(response);
        return continuation(request, context);
    }

    /// <summary>In a completion that continues as new, the events sent to the instance itself become carry-over events.</summary>
    public static void Rewrite(P.OrchestratorResponse response)
    {
        var complete = response.Actions
            .Select(a => a.CompleteOrchestration)
            .FirstOrDefault(c => c is not null && c.OrchestrationStatus == P.OrchestrationStatus.ContinuedAsNew);
        if (complete is null) return;
        var own = response.Actions.Where(a => a.SendEvent is { } e && e.Instance?.InstanceId == response.InstanceId).ToList();
        foreach (var action in own)
        {
            complete.CarryoverEvents.Add(new P.HistoryEvent
            {
                EventId = -1,
                Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
                EventRaised = new P.EventRaisedEvent { Name = action.SendEvent.Name, Input = action.SendEvent.Data },
            });
            response.Actions.Remove(action);
        }
    }
}
