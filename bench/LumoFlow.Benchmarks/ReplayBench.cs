using System.Diagnostics;
using System.Text.Json;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;
using LumoFlow.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.Benchmarks;

/// <summary>
/// A year of a large region: notifications arrive through the year in office hours, and each case runs its whole
/// lifecycle — contact, decision (some late, some not starting an assessment), partners (some answering only after
/// reminders), meeting the child, completion (some after the 3 months) — on a simulated clock that advances an hour
/// at a time with a sweep each hour, as the timer trigger would.
/// </summary>
public static class ReplayBench
{
    public sealed record Result(int Cases, int Completed, int Actions, int Refused, TimeSpan Wall, long Requests, long PeakWorkingSetBytes,
        DateOnly From, DateOnly To, int Sweeps);

    private sealed record Action(DateTimeOffset At, int Case, Func<CaseEngine, string, Task<bool>> Run);

    public static async Task<Result> RunAsync(string connectionString, int cases, int seed = 2027)
    {
        var random = new Random(seed);
        var from = new DateOnly(2027, 1, 4);
        var clock = new FakeTimeProvider(HelsinkiTime.StartOfDay(from));
        await using var app = new BenchApp(connectionString, clock, poke: false);
        _ = app.Server;
        var engine = app.Engine;

        var ids = new string[cases];
        var completed = new int[1];
        var plan = new PriorityQueue<Action, DateTimeOffset>();
        for (var i = 0; i < cases; i++)
            foreach (var action in Lifecycle(i, from, random))
                plan.Enqueue(action, action.At);

        int refused = 0, actions = 0, sweeps = 0;
        var wall = Stopwatch.StartNew();
        app.Counter.Reset();
        while (plan.Count > 0)
        {
            var hourEnd = clock.GetUtcNow().AddHours(1);
            var due = new List<Action>();
            while (plan.TryPeek(out var next, out var at) && at < hourEnd) due.Add(plan.Dequeue());

            // Actions within the hour, for different cases, in parallel; one case's actions in order.
            await Parallel.ForEachAsync(due.GroupBy(a => a.Case), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (group, _) =>
            {
                foreach (var action in group)
                {
                    Interlocked.Increment(ref actions);
                    if (!await action.Run(engine, ids[action.Case])) Interlocked.Increment(ref refused);
                }
            });
            clock.SetUtcNow(hourEnd);
            await app.Sweeper.SweepOnceAsync(CancellationToken.None);
            sweeps++;
            if (HelsinkiTime.LocalDate(hourEnd) is { Day: 1 } month && HelsinkiTime.LocalDate(hourEnd.AddHours(-1)).Day != 1) // progress, for long runs
                Console.Error.WriteLine($"replay: {month:yyyy-MM}, {actions} actions, {app.Counter.Count} storage requests, {wall.Elapsed.TotalSeconds:0} s");
        }
        return new Result(cases, completed[0], actions, refused, wall.Elapsed, app.Counter.Count,
            Process.GetCurrentProcess().PeakWorkingSet64, from, HelsinkiTime.LocalDate(clock.GetUtcNow()), sweeps);

        // The plan of one case, drawn at random; the case id is only known once intake ran, so actions look it up.
        IEnumerable<Action> Lifecycle(int i, DateOnly start, Random r)
        {
            var day = start.AddDays(r.Next(0, 365));
            while (!WorkingDayCalendar.Default.IsWorkingDay(day)) day = day.AddDays(1);
            var arrival = HelsinkiTime.AtLocalTime(day, new TimeOnly(7 + r.Next(0, 12), r.Next(0, 60)));
            var list = new List<Action>();
            void At(double days, Func<CaseEngine, string, Task<bool>> run) => list.Add(new Action(arrival.AddDays(days), i, run));
            async Task<bool> Raise(CaseEngine engine, string id, CaseEvent e)
            {
                var outcome = await engine.RaiseAsync(id, e, CancellationToken.None);
                if (outcome is WorkflowStep { Emails.Count: > 0 }) await engine.RunAsync(id, CancellationToken.None); // what the poke does
                if (outcome is WorkflowStep { State.RuntimeStatus: RuntimeStatus.Completed }) Interlocked.Increment(ref completed[0]);
                return outcome is WorkflowStep;
            }

            list.Add(new Action(arrival, i, async (engine, _) =>
            {
                var notification = Notifications.Create(2_000_000 + i);
                var started = await engine.StartAsync(notification, JsonSerializer.Serialize(notification, EngineJson.Options), null, CancellationToken.None);
                ids[i] = started.CaseId;
                await engine.RunAsync(started.CaseId, CancellationToken.None); // the receipt, as the poke would
                return true;
            }));
            var contact = 0.1 + r.NextDouble() * 4;
            if (r.Next(10) == 0) At(contact, (e, id) => Raise(e, id, new NotifierContactImpossible("no answer")));
            else At(contact, (e, id) => Raise(e, id, new NotifierContacted("phone", arrival.AddDays(contact), null)));
            var decision = contact + 0.1 + r.NextDouble() * (r.Next(10) == 0 ? 14 : 7); // one in ten late
            if (r.Next(10) < 3)
            {
                At(decision - 0.01, (e, id) => Raise(e, id, new ChildNotMet("assessment obviously unnecessary")));
                At(decision, (e, id) => Raise(e, id, new DecisionMade(false, "obviously unnecessary")));
                return list;
            }
            At(decision, (e, id) => Raise(e, id, new DecisionMade(true, "start")));
            At(decision + r.NextDouble() * 2, (e, id) => Raise(e, id, new ChildAndGuardiansInformed(arrival.AddDays(decision), "letter")));
            var lastAnswer = decision;
            var partners = r.Next(0, 3);
            for (var p = 1; p <= partners; p++)
            {
                var request = $"P{p}";
                var secret = $"secret-{i}-{p}";
                At(decision + 0.05 * p, (e, id) => Raise(e, id, new PartnerInputRequested(new Partner("school", "Koulu", null, $"partner{p}@example.test", "fi"), "?", secret)));
                var answer = decision + 0.1 + r.NextDouble() * 20; // some only after the reminders
                lastAnswer = Math.Max(lastAnswer, answer);
                At(answer, (e, id) => Raise(e, id, new PartnerInputReceived(request, secret, "answer", null)));
            }
            var met = decision + 1 + r.NextDouble() * 30;
            At(met, (e, id) => Raise(e, id, new ChildMet(arrival.AddDays(met), "meeting", null)));
            var done = Math.Max(lastAnswer, met) + 1 + r.NextDouble() * (r.Next(10) == 0 ? 90 : 50); // some past the 3 months
            At(done, (e, id) => Raise(e, id, new AssessmentCompleted("noFurtherServices", new AssessmentSummary("s", "c", "v", "v", false))));
            return list;
        }
    }
}
