using LumoFlow.App.Hosting;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;

namespace LumoFlow.App.Activities;

/// <summary>
/// Activity: registers the case under its children's keys in the child index, then returns their other cases that are
/// still open. Each case registers itself before it looks, so of two notifications about the same child arriving
/// together at least one finds the other; linking is recorded on both, so it does not matter which.
/// </summary>
public sealed class LinkChildren(ChildIndex children, CaseRecords records)
{
    public Task<IReadOnlyList<string>> RunAsync(LinkChildrenInput input, CancellationToken cancellationToken) =>
        LumoFlowTelemetry.ActivityAsync<IReadOnlyList<string>>(nameof(LinkChildren), async _ =>
        {
            await children.RegisterAsync(input.ChildKeys, input.CaseId, cancellationToken);
            var open = new List<string>();
            foreach (var candidate in await children.CasesOfAsync(input.ChildKeys, cancellationToken))
                if (candidate != input.CaseId && await records.GetAsync(candidate, cancellationToken) is { State.IsOpen: true })
                    open.Add(candidate);
            return open;
        });
}
