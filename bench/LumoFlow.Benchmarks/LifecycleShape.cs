using System.Text;
using System.Text.Json;
using DurableTask.Core.History;

namespace LumoFlow.Benchmarks;

/// <summary>One activity call: which activity, and how many characters it was given and returned (what Durable stores).</summary>
/// <param name="Marked">The call whose time the benchmark takes (the catch-up's escalation email).</param>
public sealed record ShapeCall(string Activity, int InputChars, int ResultChars, bool Marked = false);

/// <summary>
/// One wake-up of an orchestration: what woke it (its start, an external event or a timer), the activity calls it then
/// made — batch by batch, each batch scheduled in one episode and awaited together — and whether it then waits for an
/// event with a timer beside it (<see cref="WaitsWithTimer"/>) or without, or ends (<see cref="Ends"/>).
/// </summary>
/// <param name="EventChars">The size of the event that woke it (an event's data is stored too).</param>
public sealed record ShapeWake(string Cause, int EventChars, IReadOnlyList<IReadOnlyList<ShapeCall>> Batches, bool WaitsWithTimer, bool Ends);

/// <summary>
/// The shape of a real LumoFlow case as Durable ran it, read from the instance's own history
/// (DurableTask.AzureStorage's <c>GetOrchestrationHistoryAsync</c>; the sidecar streams only what it is running): its wake-ups and their activity calls, with the sizes of
/// the orchestration's input and custom status. The peer replays exactly this shape with no-op activities.
/// </summary>
public sealed record LifecycleShape(string Name, int InputChars, int CustomStatusChars, IReadOnlyList<ShapeWake> Wakes)
{
    public int Activities => Wakes.Sum(w => w.Batches.Sum(b => b.Count));
    public int Events => Wakes.Count(w => w.Cause == "event");
    public int TimersCreated => Wakes.Count(w => w.WaitsWithTimer);
    public int Episodes => Wakes.Sum(w => w.Batches.Count + 1);
    public int CallsOf(string activity) => Wakes.Sum(w => w.Batches.Sum(b => b.Count(c => c.Activity == activity)));

    /// <summary>The shape of a history as DurableTask.AzureStorage returns it (its events as JSON, as in the History table).</summary>
    /// <param name="isMarked">Picks the call to mark, by the activity's name and its serialized input.</param>
    public static LifecycleShape FromHistory(string name, string historyJson, int customStatusChars, Func<string, string?, bool>? isMarked = null)
    {
        var wakes = new List<ShapeWake>();
        var cause = "start";
        var eventChars = 0;
        var batches = new List<IReadOnlyList<ShapeCall>>();
        var batch = new List<ShapeCall>();
        var scheduled = new Dictionary<int, (List<ShapeCall> Batch, int Index)>();
        var withTimer = false;
        var inputChars = 0;

        void EndWake(string next, int nextEventChars, bool ends)
        {
            wakes.Add(new ShapeWake(cause, eventChars, [.. batches], withTimer, ends));
            (cause, eventChars, batches, withTimer) = (next, nextEventChars, [], false);
        }

        using var history = JsonDocument.Parse(historyJson);
        foreach (var e in history.RootElement.EnumerateArray())
        {
            string? Text(string property) => e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            int Number(string property) => e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : -1;
            switch ((EventType)Number("EventType"))
            {
                case EventType.ExecutionStarted:
                    inputChars = Text("Input")?.Length ?? 0;
                    break;
                case EventType.EventRaised:
                    EndWake("event", Text("Input")?.Length ?? 0, ends: false);
                    break;
                case EventType.TimerFired:
                    EndWake("timer", 0, ends: false);
                    break;
                case EventType.TaskScheduled:
                    var activity = Text("Name") ?? "";
                    scheduled[Number("EventId")] = (batch, batch.Count);
                    batch.Add(new ShapeCall(activity, Text("Input")?.Length ?? 0, 0, isMarked?.Invoke(activity, Text("Input")) ?? false));
                    break;
                case EventType.TaskCompleted when scheduled.TryGetValue(Number("TaskScheduledId"), out var call):
                    call.Batch[call.Index] = call.Batch[call.Index] with { ResultChars = Text("Result")?.Length ?? 0 };
                    break;
                case EventType.TimerCreated:
                    withTimer = true;
                    break;
                case EventType.OrchestratorCompleted when batch.Count > 0:
                    batches.Add(batch);
                    batch = [];
                    break;
                case EventType.ExecutionCompleted:
                    EndWake("", 0, ends: true);
                    break;
            }
        }
        if (cause != "") EndWake("", 0, ends: false); // still waiting when read
        if (batch.Count > 0) throw new InvalidOperationException($"{name}: the history was read while activities were running.");
        return new LifecycleShape(name, inputChars, customStatusChars, wakes);
    }

    /// <summary>"start: RecordCase | SendEmail | LinkChildren | RecordCase → wait (timer); event: RecordCase → …".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var wake in Wakes)
        {
            if (text.Length > 0) text.Append("; ");
            text.Append(wake.Cause).Append(": ");
            text.Append(wake.Batches.Count == 0 ? "—" : string.Join(" → ", wake.Batches.Select(b =>
                string.Join(" + ", b.GroupBy(c => c.Activity).Select(g => g.Count() > 1 ? $"{g.Count()}×{g.Key}" : g.Key)))));
            text.Append(wake.Ends ? " → completes" : wake.WaitsWithTimer ? " → waits (event or timer)" : " → waits (event)");
        }
        return text.ToString();
    }
}
