using System.Text.Json;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;
using LumoFlow.Engine;
using DigestSender = LumoFlow.Engine.DigestSender;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Storage transactions of one complete case, counted request by request: intake → notifier contacted → decision
/// → two partners asked → child met → assessment completed, with every reminder timer the workflow sets. In the
/// prompt variant staff act before any reminder is due; in the other, two reminders come due and fire through the
/// sweep (the family is not informed in time, one partner answers only after its reminder).
/// </summary>
public static class LifecycleBench
{
    public sealed record Step(string What, long Requests);
    public sealed record Result(IReadOnlyList<Step> Steps, long Total, long SharedSweepPolls, IReadOnlyDictionary<string, long> ByKind);

    public static async Task<Result> RunAsync(string connectionString, bool remindersFire)
    {
        var day0 = new DateOnly(2027, 1, 11); // Monday
        var clock = new FakeTimeProvider(HelsinkiTime.AtLocalTime(day0, new TimeOnly(10, 0)));
        await using var app = new BenchApp(connectionString, clock, poke: true);
        _ = app.Server;
        var steps = new List<Step>();
        long sweepPolls = 0;
        var engine = app.Engine;
        var digests = (DigestSender)app.Services.GetService(typeof(DigestSender))!;

        async Task Measure(string what, Func<Task> action)
        {
            var before = app.Counter.Count;
            await action();
            await Settle(app);
            steps.Add(new Step(what, app.Counter.Count - before));
        }

        // Sweeps as the timer trigger would, every hour until the given day and hour; polls that find nothing are
        // shared by all cases (one query per sweep for the whole system), so they are counted apart.
        async Task Until(int day, int hour)
        {
            var until = HelsinkiTime.AtLocalTime(day0.AddDays(day), new TimeOnly(hour, 0));
            while (clock.GetUtcNow() < until)
            {
                clock.Advance(TimeSpan.FromHours(1));
                var beforeDigest = app.Counter.Count;
                await digests.RunIfDueAsync(CancellationToken.None); // weekly, for all cases of all teams: shared
                sweepPolls += app.Counter.Count - beforeDigest;
                var before = app.Counter.Count;
                var run = await app.Sweeper.SweepOnceAsync(CancellationToken.None);
                var used = app.Counter.Count - before;
                if (run == 0) sweepPolls += used;
                else steps.Add(new Step($"timer fired {clock.GetUtcNow().ToOffset(TimeSpan.FromHours(2)):ddd d.M HH:mm} (sweep)", used));
            }
        }

        var notification = Notifications.Create(remindersFire ? 42 : 43);
        string id = "";
        app.Counter.Reset();
        await Measure("intake (+ receipt delivered)", async () =>
            id = (await engine.StartAsync(notification, JsonSerializer.Serialize(notification, EngineJson.Options), null, CancellationToken.None)).CaseId);
        await Until(1, 10);
        await Measure("NotifierContacted", () => engine.RaiseAsync(id, new NotifierContacted("phone", clock.GetUtcNow(), null), CancellationToken.None));
        await Until(2, 10);
        await Measure("DecisionMade (+ notifier told)", () => engine.RaiseAsync(id, new DecisionMade(true, "start"), CancellationToken.None));
        await Measure("PartnerInputRequested school (+ email)", () => engine.RaiseAsync(id,
            new PartnerInputRequested(new Partner("school", "Koulu", null, "school@example.test", "fi"), "?", "s1"), CancellationToken.None));
        await Measure("PartnerInputRequested health care (+ email)", () => engine.RaiseAsync(id,
            new PartnerInputRequested(new Partner("healthCare", "Neuvola", null, "clinic@example.test", "fi"), "?", "s2"), CancellationToken.None));
        if (!remindersFire)
            await Measure("ChildAndGuardiansInformed", () => engine.RaiseAsync(id, new ChildAndGuardiansInformed(clock.GetUtcNow(), "letter"), CancellationToken.None));
        await Until(3, 10);
        await Measure("ChildMet", () => engine.RaiseAsync(id, new ChildMet(clock.GetUtcNow(), "home visit", null), CancellationToken.None));
        await Until(7, 10);
        await Measure("PartnerInputReceived school", () => engine.RaiseAsync(id, new PartnerInputReceived("P1", "s1", "answer", null), CancellationToken.None));
        if (remindersFire) await Until(10, 10); // the health-care partner's 5-working-day reminder fires on Wed 20.1 08:00
        await Measure("PartnerInputReceived health care", () => engine.RaiseAsync(id, new PartnerInputReceived("P2", "s2", "answer", null), CancellationToken.None));
        await Until(11, 10);
        await Measure("AssessmentCompleted", () => engine.RaiseAsync(id, new AssessmentCompleted("socialWelfareServices",
            new AssessmentSummary("s", "c", "v", "v", false)), CancellationToken.None));
        await Until(12, 10);

        var byKind = app.Counter.ByKind.ToDictionary();
        var store = (LumoFlow.Engine.Storage.CaseStore)app.Services.GetService(typeof(LumoFlow.Engine.Storage.CaseStore))!;
        if ((await store.GetStateAsync(id, CancellationToken.None))!.Value.State.RuntimeStatus != RuntimeStatus.Completed)
            throw new InvalidOperationException("The lifecycle did not complete.");
        return new Result(steps, steps.Sum(s => s.Requests), sweepPolls, byKind);
    }

    /// <summary>Waits until the in-process poke has delivered what the last step queued.</summary>
    private static async Task Settle(BenchApp app)
    {
        long last = -1;
        while (last != app.Counter.Count)
        {
            last = app.Counter.Count;
            await Task.Delay(150);
        }
    }
}
