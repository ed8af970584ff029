using System.Collections.Concurrent;
using System.Diagnostics;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Many cases with everything due at once: staff register notifications received by phone 20 days ago
/// (<c>POST /api/notifications</c> with the function key and <c>receivedAt</c>), so each case's first run fires every
/// timer up to the decision escalation and sends its emails. Measured: emails delivered per second, from the first
/// registration to the last email, and each case's firing delay, from its registration's 202 to its escalation email.
/// The peer does the same shape of work: instances of the catch-up shape started as fast, its marked SendEmail standing
/// for the escalation.
/// </summary>
public static class CatchUpBench
{
    public sealed record Result(int Cases, TimeSpan Registration, int Emails, TimeSpan Elapsed, Percentiles Delay, double RequestsPerCase, IReadOnlyDictionary<string, long> ByKind)
    {
        public double EmailsPerSecond => Emails / Elapsed.TotalSeconds;
        public double RegisteredPerSecond => Cases / Registration.TotalSeconds;
    }

    public const int Concurrency = 32;

    public static async Task<Result> LumoFlowAsync(BenchApp app, int cases)
    {
        var received = ShapeProbe.PastReceipt();
        var bodies = Enumerable.Range(30_000_000, cases).Select(n => Notifications.Body(n, received)).ToList();
        var staff = app.Staff();
        var registered = new ConcurrentDictionary<string, long>();
        var before = app.Counter.Snapshot();
        var start = Stopwatch.GetTimestamp();
        var load = await Load.RunAsync(cases, Concurrency, async i => registered[await LumoFlowDriver.SubmitAsync(staff, bodies[i])] = Stopwatch.GetTimestamp());
        var escalations = await WaitForAsync(cases, () => app.Emails.Sent.Count(e => e.Email.Kind == "DecisionEscalation"));

        var delay = new Percentiles();
        foreach (var (email, at) in app.Emails.Sent.Where(e => e.Email.Kind == "DecisionEscalation"))
            delay.Add(Stopwatch.GetElapsedTime(registered[email.Id[..16]], at));
        var last = app.Emails.Sent.Max(e => e.Timestamp);
        var (requests, byKind) = await WorkAsync(app, before, cases);
        return new Result(cases, load.Elapsed, app.Emails.Sent.Count, Stopwatch.GetElapsedTime(start, last), delay, requests, byKind);
    }

    public static async Task<Result> PeerAsync(BenchApp app, LifecycleShape shape, int cases)
    {
        var input = PeerDriver.InputFor(shape);
        var started = new ConcurrentDictionary<string, long>();
        var before = app.Counter.Snapshot();
        var start = Stopwatch.GetTimestamp();
        var load = await Load.RunAsync(cases, Concurrency, async _ => started[await PeerDriver.StartAsync(app.Durable, input)] = Stopwatch.GetTimestamp());
        await WaitForAsync(cases, () => app.Peer.Marked.Count);

        var delay = new Percentiles();
        foreach (var (id, at) in app.Peer.Marked) delay.Add(Stopwatch.GetElapsedTime(started[id], at));
        var last = app.Peer.Emails.Max();
        var (requests, byKind) = await WorkAsync(app, before, cases);
        return new Result(cases, load.Elapsed, app.Peer.Emails.Count, Stopwatch.GetElapsedTime(start, last), delay, requests, byKind);
    }

    /// <summary>Once the last case has done its work: its storage requests (work, not background) per case, and by kind.</summary>
    private static async Task<(double PerCase, IReadOnlyDictionary<string, long> ByKind)> WorkAsync(BenchApp app, Dictionary<string, long> before, int cases)
    {
        await app.QuietAsync();
        var work = StorageRequestCounter.Work(app.Counter.Since(before));
        return ((double)work.Values.Sum() / cases, work);
    }

    /// <summary>Until <paramref name="count"/> says all are done; fails when nothing moves for two minutes.</summary>
    private static async Task<int> WaitForAsync(int expected, Func<int> count)
    {
        var (last, since) = (-1, Stopwatch.GetTimestamp());
        while (true)
        {
            var now = count();
            if (now >= expected) return now;
            if (now != last) (last, since) = (now, Stopwatch.GetTimestamp());
            else if (Stopwatch.GetElapsedTime(since) > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"The catch-up stalled at {now} of {expected}.");
            await Task.Delay(200);
        }
    }
}
