using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;

namespace LumoFlow.Benchmarks;

/// <summary>
/// The peer: a bare Durable orchestration that does what a LumoFlow case does, as Durable sees it — the same wake-ups,
/// the same activity calls in the same batches with inputs and results of the same sizes, the same waits for an event
/// with a timer beside it, an input and a custom status of the same sizes — and nothing else: its activities do no
/// work. It runs in LumoFlow's own worker (<see cref="BenchApp"/>), so what it costs is what any Durable app gets on
/// this backend with these settings.
/// </summary>
public sealed class PeerOrchestration : TaskOrchestrator<PeerInput, string>
{
    public const string Name = nameof(PeerOrchestration);
    public const string EventName = "PeerEvent";
    public const string Version = LumoFlow.App.Orchestration.CaseOrchestration.Version;

    /// <summary>The peer's activities are LumoFlow's names with this prefix (the worker runs both).</summary>
    public const string ActivityPrefix = "Peer";

    public static void Register(DurableTaskRegistry tasks, PeerProbe probe)
    {
        tasks.AddOrchestrator<PeerOrchestration>();
        foreach (var activity in new[] { "RecordCase", "SendEmail", "LinkChildren" })
            tasks.AddActivityFunc<PeerCallInput, string>(ActivityPrefix + activity, (context, input) =>
            {
                if (activity == "SendEmail") probe.Emails.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                if (input.Marked) probe.Mark(context.InstanceId);
                return Task.FromResult(new string('r', input.ResultChars));
            });
    }

    public override async Task<string> RunAsync(TaskOrchestrationContext context, PeerInput input)
    {
        var wakes = input.Shape.Wakes;
        for (var w = 0; w < wakes.Count; w++)
        {
            if (w > 0) await NextEventAsync(context, wakes[w - 1].WaitsWithTimer);
            foreach (var batch in wakes[w].Batches)
                await Task.WhenAll(batch.Select(call => context.CallActivityAsync<string>(ActivityPrefix + call.Activity,
                    new PeerCallInput(call.Marked, call.ResultChars, new string('i', call.InputChars)))));
            // Set once the wake's work is done: a client that reads it sees the event applied (PeerDriver.WaitForWakeAsync).
            context.SetCustomStatus(CustomStatus(w, input.Shape.CustomStatusChars));
            if (wakes[w].Ends) return "done";
        }
        await NextEventAsync(context, wakes[^1].WaitsWithTimer); // where a LumoFlow case waits for its next deadline
        return "done";
    }

    /// <summary>"3:sss…": the wake-ups done, padded to LumoFlow's custom status size.</summary>
    public static string CustomStatus(int wake, int chars) => $"{wake}:".PadRight(Math.Max(chars, 4), 's');

    public static int WakeOf(string? customStatus) =>
        customStatus is { Length: > 2 } && int.TryParse(customStatus.Trim('"').Split(':')[0], out var wake) ? wake : -1;

    /// <summary>As LumoFlow waits: for the first of an event and a timer (its next deadline, days away), cancelling the other.</summary>
    private static async Task NextEventAsync(TaskOrchestrationContext context, bool withTimer)
    {
        using var cancel = new CancellationTokenSource();
        var message = context.WaitForExternalEvent<string>(EventName, cancel.Token);
        if (!withTimer)
        {
            await message;
            return;
        }
        var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(3), cancel.Token);
        await Task.WhenAny(message, timer);
        cancel.Cancel();
    }
}

public sealed record PeerInput(LifecycleShape Shape, string Padding);

public sealed record PeerCallInput(bool Marked, int ResultChars, string Payload);

/// <summary>When the peer's instances "sent" emails (ran SendEmail), and when each ran its marked call (the catch-up's escalation).</summary>
public sealed class PeerProbe
{
    public System.Collections.Concurrent.ConcurrentQueue<long> Emails { get; } = new();

    public System.Collections.Concurrent.ConcurrentDictionary<string, long> Marked { get; } = new();

    public void Mark(string instanceId) => Marked.TryAdd(instanceId, System.Diagnostics.Stopwatch.GetTimestamp());
}
