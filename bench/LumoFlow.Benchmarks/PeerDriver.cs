using System.Text.Json;
using LumoFlow.App.Intake;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LumoFlow.Benchmarks;

/// <summary>What a client of the peer does: start an instance, raise an event, read its status — the Durable client's own calls.</summary>
public static class PeerDriver
{
    /// <summary>The peer's input, padded to the size of the LumoFlow input the shape was read from.</summary>
    public static PeerInput InputFor(LifecycleShape shape)
    {
        var bare = JsonSerializer.Serialize(new PeerInput(shape, ""), JsonSerializerOptions.Web).Length;
        return new PeerInput(shape, new string('p', Math.Max(0, shape.InputChars - bare)));
    }

    /// <summary>Starts an instance as intake starts a case: an id of the same kind, the same version.</summary>
    public static async Task<string> StartAsync(DurableTaskClient durable, PeerInput input, CancellationToken cancellationToken = default)
    {
        var id = CaseIds.New();
        await durable.ScheduleNewOrchestrationInstanceAsync(PeerOrchestration.Name, input,
            new StartOrchestrationOptions(id) { Version = PeerOrchestration.Version }, cancellationToken);
        return id;
    }

    /// <summary>Raises the event that starts wake-up <paramref name="wake"/> of the shape, with data of the size LumoFlow's had.</summary>
    public static Task RaiseAsync(DurableTaskClient durable, string id, LifecycleShape shape, int wake) =>
        durable.RaiseEventAsync(id, PeerOrchestration.EventName, new string('e', Math.Max(0, shape.Wakes[wake].EventChars - 2)));

    /// <summary>Reads the instance's status (custom status included: the sidecar sends it only with the inputs) every <paramref name="pollMs"/> until wake-up <paramref name="wake"/> is done.</summary>
    public static async Task WaitForWakeAsync(DurableTaskClient durable, string id, int wake, int pollMs, int timeoutSeconds = 300)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (PeerOrchestration.WakeOf((await durable.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus) < wake)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Peer {id} did not reach wake-up {wake} in {timeoutSeconds} s.");
            await Task.Delay(pollMs);
        }
    }

    /// <summary>One instance of a one-activity shape, start to end: the worker owns its partitions and the code paths are warm.</summary>
    public static async Task RunOneAsync(BenchApp app)
    {
        var shape = new LifecycleShape("warm-up", 0, 0, [new ShapeWake("start", 0, [[new ShapeCall("RecordCase", 10, 10)]], false, true)]);
        var id = await StartAsync(app.Durable, InputFor(shape));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.Durable.WaitForInstanceCompletionAsync(id, timeout.Token);
    }
}
