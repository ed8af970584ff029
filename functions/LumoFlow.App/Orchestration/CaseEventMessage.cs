using System.Text.Json;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Orchestration;

/// <summary>
/// What reaches a case's orchestration as its one external event (<see cref="CaseOrchestration.EventName"/>): a domain
/// event by its name, as JSON, and — for an event a staff member raised — the id of their request, so that its outcome
/// is recorded against it. Plain strings, so that it reads the same under either host's serializer.
/// </summary>
public sealed record CaseEventMessage(string Event, string Json, string? RequestId = null)
{
    private static readonly Dictionary<string, Type> EventTypes = typeof(CaseEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CaseEvent)) && !t.IsAbstract)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static CaseEventMessage From(CaseEvent caseEvent, string? requestId = null) =>
        new(caseEvent.GetType().Name, JsonSerializer.Serialize(caseEvent, caseEvent.GetType(), LumoFlowJson.Options), requestId);

    public CaseEvent ToEvent() =>
        EventTypes.TryGetValue(Event, out var type)
            ? (CaseEvent)(JsonSerializer.Deserialize(Json, type, LumoFlowJson.Options) ?? throw new InvalidDataException($"Empty {Event} event."))
            : throw new InvalidDataException($"Unknown case event '{Event}'.");
}
