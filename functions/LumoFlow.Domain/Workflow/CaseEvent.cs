using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;

namespace LumoFlow.Domain.Workflow;

/// <summary>Something that happens to a case. The workflow decides what follows (<see cref="CaseWorkflow"/>).</summary>
public abstract record CaseEvent
{
    /// <summary>Who caused the event: <c>notifier</c>, <c>system</c>, or a staff identity.</summary>
    public string Actor { get; init; } = "system";
}

/// <summary>
/// The notification arrived (vireilletulo): the case opens. The engine has already routed it and looked up
/// open cases of the same child (<paramref name="LinkedCaseIds"/>), because both need I/O.
/// </summary>
public sealed record NotificationReceived(Notification Notification, Team Team, IReadOnlyList<string> LinkedCaseIds) : CaseEvent;

/// <summary>A durable timer set earlier by the workflow came due.</summary>
public sealed record TimerFired(string TimerName) : CaseEvent;

/// <summary>An administrator stopped the case (Durable Functions' terminate).</summary>
public sealed record CaseTerminated(string Reason) : CaseEvent;

/// <summary>A later notification about the same child opened case <paramref name="NewCaseId"/>: this case learns of it (THL: link, never drop).</summary>
public sealed record RelatedNotificationReceived(string NewCaseId) : CaseEvent;
