namespace LumoFlow.Domain.Workflow;

/// <summary>
/// The durable timers a case has pending, one per name: a step's <see cref="WorkflowStep.TimersToSet"/> add or move
/// them, its <see cref="WorkflowStep.TimersToCancel"/> remove them. Ordered by when they are due (ties by name), so
/// that whoever runs the case fires them in one and the same order.
/// </summary>
public sealed record PendingTimers(IReadOnlyList<DurableTimer> Timers)
{
    public static PendingTimers None { get; } = new([]);

    /// <summary>The timers after <paramref name="step"/>: its cancellations first, then what it sets.</summary>
    public PendingTimers After(WorkflowStep step)
    {
        if (step.TimersToCancel.Count == 0 && step.TimersToSet.Count == 0) return this;
        var byName = Timers.Where(t => !step.TimersToCancel.Contains(t.Name)).ToDictionary(t => t.Name);
        foreach (var timer in step.TimersToSet) byName[timer.Name] = timer;
        return new PendingTimers(Ordered(byName.Values));
    }

    /// <summary>The timers once <paramref name="name"/> has fired.</summary>
    public PendingTimers Without(string name) => new(Timers.Where(t => t.Name != name).ToList());

    /// <summary>The next timer to fire, if any.</summary>
    public DurableTimer? Earliest => Timers.Count == 0 ? null : Ordered(Timers)[0];

    /// <summary>The next timer to fire if it is due at <paramref name="now"/>.</summary>
    public DurableTimer? DueAt(DateTimeOffset now) => Earliest is { } next && next.DueAt <= now ? next : null;

    private static List<DurableTimer> Ordered(IEnumerable<DurableTimer> timers) =>
        timers.OrderBy(t => t.DueAt).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
}
