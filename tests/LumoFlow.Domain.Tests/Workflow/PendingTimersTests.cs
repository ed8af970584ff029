using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Domain.Tests.Workflow;

public sealed class PendingTimersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private static WorkflowStep Step(IReadOnlyList<DurableTimer> set, IReadOnlyList<string> cancel) =>
        new(null!, [], set, cancel, []);

    [Fact]
    public void Setting_a_name_again_moves_it_and_cancelling_removes_it()
    {
        var timers = PendingTimers.None
            .After(Step([new("a", T0.AddDays(2)), new("b", T0.AddDays(1))], []))
            .After(Step([new("a", T0)], ["b"]));
        Assert.Equal([new DurableTimer("a", T0)], timers.Timers);
    }

    [Fact]
    public void A_step_may_cancel_and_set_the_same_name_and_the_new_one_stays() =>
        Assert.Equal([new DurableTimer("a", T0.AddHours(1))],
            new PendingTimers([new("a", T0)]).After(Step([new("a", T0.AddHours(1))], ["a"])).Timers);

    [Fact]
    public void The_earliest_is_due_once_its_time_has_come_and_ties_go_by_name()
    {
        var timers = new PendingTimers([new("z", T0), new("b", T0), new("a", T0.AddMinutes(1))]);
        Assert.Null(timers.DueAt(T0.AddTicks(-1)));
        Assert.Equal("b", timers.DueAt(T0)!.Name);
        Assert.Equal("z", timers.Without("b").DueAt(T0)!.Name);
        Assert.Equal("a", timers.Without("b").Without("z").Earliest!.Name);
    }

    [Property]
    public Property Firing_every_due_timer_visits_them_in_time_order(PositiveInt[] minutes)
    {
        var timers = new PendingTimers(minutes.Select((m, i) => new DurableTimer($"t{i}", T0.AddMinutes(m.Get))).ToList());
        var fired = new List<DurableTimer>();
        while (timers.DueAt(DateTimeOffset.MaxValue) is { } due)
        {
            fired.Add(due);
            timers = timers.Without(due.Name);
        }
        return (fired.Count == minutes.Length
                && fired.Zip(fired.Skip(1)).All(p => p.First.DueAt <= p.Second.DueAt)).ToProperty();
    }
}
