using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Staff events end to end: each of <c>concurrency</c> staff members raises an event on a case waiting for one
/// (NotifierContacted: <c>POST /api/cases/{id}/events/…</c>, 202) and reads the case (<c>GET /api/cases/{id}</c>)
/// every <c>pollMs</c> until it shows the event applied, then takes the next case. The peer's client does the same with
/// Durable's calls: RaiseEventAsync, then GetInstanceAsync until its custom status shows the wake-up done. The cases
/// (and peer instances) are opened beforehand and left to settle; peer and LumoFlow take turns in slices.
/// </summary>
public sealed class EventsBench(BenchApp app, LifecycleShape shape, int concurrency, int pollMs)
{
    public sealed record Result(int Events, TimeSpan Elapsed, Percentiles Answer, Percentiles Visible)
    {
        public double PerSecond => Events / Elapsed.TotalSeconds;

        public static Result Combine(IReadOnlyList<Result> parts)
        {
            var (answer, visible) = (new Percentiles(), new Percentiles());
            foreach (var part in parts)
            {
                answer.AddAll(part.Answer);
                visible.AddAll(part.Visible);
            }
            return new Result(parts.Sum(p => p.Events), TimeSpan.FromTicks(parts.Sum(p => p.Elapsed.Ticks)), answer, visible);
        }
    }

    /// <summary>Opens the cases and starts the peer instances the events will go to, and lets them settle.</summary>
    public async Task<(IReadOnlyList<string> Cases, IReadOnlyList<string> Peers)> PrepareAsync(int cases, int peers)
    {
        var client = app.Http();
        var opened = new string[cases];
        await Load.RunAsync(cases, 32, async i => opened[i] = await LumoFlowDriver.SubmitAsync(client, Notifications.Body(20_000_000 + i)));
        var input = PeerDriver.InputFor(shape);
        var started = new string[peers];
        await Load.RunAsync(peers, 32, async i => started[i] = await PeerDriver.StartAsync(app.Durable, input));
        await app.QuietAsync();
        if (cases > 0 && !Waiting(await LumoFlowDriver.StatusAsync(app.Staff(), opened[0])))
            throw new InvalidOperationException("A new case does not show the notifier-contact obligation; the events benchmark would wait for nothing.");
        return (opened, started);
    }

    public async Task<Result> LumoFlowAsync(IReadOnlyList<string> cases)
    {
        var staff = app.Staff();
        return await RunAsync(cases, id => LumoFlowDriver.RaiseAsync(staff, id, "NotifierContacted", new { how = "phone" }),
            async id => !Waiting(await LumoFlowDriver.StatusAsync(staff, id)));
    }

    public async Task<Result> PeerAsync(IReadOnlyList<string> peers) =>
        await RunAsync(peers, id => PeerDriver.RaiseAsync(app.Durable, id, shape, 1),
            async id => PeerOrchestration.WakeOf((await app.Durable.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus) >= 1);

    /// <summary>The notifier-contact obligation is still open: NotifierContacted has not been applied.</summary>
    private static bool Waiting(JsonObject status) =>
        status["customStatus"]!["openObligations"]!.AsArray().Any(o => (string?)o == "notifierContact");

    private async Task<Result> RunAsync(IReadOnlyList<string> ids, Func<string, Task> raise, Func<string, Task<bool>> applied)
    {
        var (answer, visible) = (new Percentiles(), new Percentiles());
        var load = await Load.RunAsync(ids.Count, concurrency, async i =>
        {
            var sent = Stopwatch.GetTimestamp();
            await raise(ids[i]);
            var accepted = Stopwatch.GetTimestamp();
            answer.Add(Stopwatch.GetElapsedTime(sent, accepted));
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (!await applied(ids[i]))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"The event on {ids[i]} was not applied in 5 minutes.");
                await Task.Delay(pollMs);
            }
            visible.Add(Stopwatch.GetElapsedTime(accepted));
        });
        await app.QuietAsync();
        return new Result(ids.Count, load.Elapsed, answer, visible);
    }
}
