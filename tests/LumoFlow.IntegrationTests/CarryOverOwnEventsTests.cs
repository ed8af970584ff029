using LumoFlow.LocalHost;
using P = Microsoft.DurableTask.Protobuf;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The local host's rewrite of a completion that continues as new (<see cref="CarryOverOwnEvents"/>), on its own; the
/// burst of events in <c>FuzzTests</c> shows it on the real sidecar.
/// </summary>
public sealed class CarryOverOwnEventsTests
{
    [Fact]
    public void Events_sent_to_the_instance_itself_become_carry_over_events_and_those_to_other_cases_stay()
    {
        var response = Response(P.OrchestrationStatus.ContinuedAsNew, Send("case-a", "CaseEvent", "1"), Send("case-b", "CaseEvent", "x"),
            Send("case-a", "CaseEvent", "2"));

        CarryOverOwnEvents.Rewrite(response);

        var complete = Assert.Single(response.Actions, a => a.CompleteOrchestration is not null).CompleteOrchestration;
        Assert.Equal(["1", "2"], complete.CarryoverEvents.Select(e => e.EventRaised.Input));
        Assert.All(complete.CarryoverEvents, e => Assert.Equal("CaseEvent", e.EventRaised.Name));
        var kept = Assert.Single(response.Actions, a => a.SendEvent is not null).SendEvent;
        Assert.Equal(("case-b", "x"), (kept.Instance.InstanceId, kept.Data));
    }

    [Theory]
    [InlineData(P.OrchestrationStatus.Completed)]
    [InlineData(P.OrchestrationStatus.Failed)]
    public void A_completion_that_does_not_continue_as_new_is_left_as_it_is(P.OrchestrationStatus status)
    {
        var response = Response(status, Send("case-a", "CaseEvent", "1"));
        var before = response.Clone();

        CarryOverOwnEvents.Rewrite(response);

        Assert.Equal(before, response);
    }

    [Fact]
    public void An_episode_without_a_completion_is_left_as_it_is()
    {
        var response = new P.OrchestratorResponse { InstanceId = "case-a" };
        response.Actions.Add(Send("case-a", "CaseEvent", "1"));
        var before = response.Clone();

        CarryOverOwnEvents.Rewrite(response);

        Assert.Equal(before, response);
    }

    private static P.OrchestratorResponse Response(P.OrchestrationStatus status, params P.OrchestratorAction[] sends)
    {
        var response = new P.OrchestratorResponse { InstanceId = "case-a" };
        response.Actions.Add(new P.OrchestratorAction { Id = 1, CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = status } });
        response.Actions.Add(sends);
        return response;
    }

    private static P.OrchestratorAction Send(string instance, string name, string data) => new()
    {
        SendEvent = new P.SendEventAction { Instance = new P.OrchestrationInstance { InstanceId = instance }, Name = name, Data = data },
    };
}
