using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using LumoFlow.Engine;
using LumoFlow.Engine.Storage;
using LumoFlow.Functions.Access;

namespace LumoFlow.Functions.Api;

/// <summary>Staff look at a case and act on it (status, terminate). Every call needs the function key and is access-logged.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").AddEndpointFilter<FunctionKeyFilter>();
        cases.MapGet("/{id}", GetStatusAsync).WithName("CaseStatus");
        cases.MapPost("/{id}/terminate", TerminateAsync).WithName("TerminateCase");
        cases.MapPost("/{id}/events/{eventName}", RaiseEventAsync).WithName("RaiseEvent");
        return app;
    }

    private static async Task<IResult> GetStatusAsync(string id, bool? showHistory, HttpContext http, CaseStore store,
        AccessLog accessLog, RoutingTable routing, CancellationToken cancellationToken)
    {
        if (!CaseIds.IsWellFormed(id)) return NotFound(id);
        var stored = await store.GetStateAsync(id, cancellationToken);
        if (stored is null) return NotFound(id);
        await accessLog.RecordAsync(id, StaffIdentity.Of(http), showHistory == true ? "ReadStatusAndHistory" : "ReadStatus", cancellationToken);

        var history = showHistory == true ? await store.GetHistoryAsync(id, cancellationToken) : null;
        return Results.Json(CaseStatusView.Of(stored.Value.State, history), Engine.EngineJson.Options);
    }

    private static async Task<IResult> TerminateAsync(string id, string? reason, HttpContext http, CaseEngine engine,
        AccessLog accessLog, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["give the reason for terminating (at most 500 characters)"] });
        if (!CaseIds.IsWellFormed(id)) return NotFound(id);
        var who = StaffIdentity.Of(http);
        var outcome = await engine.RaiseAsync(id, new CaseTerminated(reason.Trim()) { Actor = who.Name }, cancellationToken);
        if (outcome is null) return NotFound(id);
        await accessLog.RecordAsync(id, who, "Terminate", cancellationToken);
        return EventResults.Of(outcome);
    }

    /// <summary>The Durable Functions raise-event shape: the event's data is the JSON body.</summary>
    private static async Task<IResult> RaiseEventAsync(string id, string eventName, HttpContext http, CaseEngine engine,
        AccessLog accessLog, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!CaseEvents.Names.Contains(eventName))
            return Results.Problem(statusCode: 400, title: "Unknown event",
                detail: $"'{eventName}' is not an event. Events: {string.Join(", ", CaseEvents.Names)}.");
        System.Text.Json.JsonElement body;
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && http.Request.ContentType is null))
            body = System.Text.Json.JsonDocument.Parse("{}").RootElement;
        else
        {
            var read = await RequestBody.ReadJsonAsync<System.Text.Json.JsonElement?>(http, 64 * 1024, cancellationToken);
            if (read.Problem is not null) return read.Problem;
            body = read.Value!.Value;
        }
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object)
            return Results.Problem(statusCode: 400, title: "Bad event body", detail: "The body must be a JSON object.");
        if (!CaseIds.IsWellFormed(id)) return NotFound(id);

        var who = StaffIdentity.Of(http);
        var (caseEvent, errors) = CaseEvents.Read(eventName, body, who.Name, time.GetUtcNow());
        if (caseEvent is null)
            return Results.ValidationProblem(errors, title: $"The {eventName} event has errors", detail: "Nothing was recorded.");
        var outcome = await engine.RaiseAsync(id, caseEvent, cancellationToken);
        if (outcome is null) return NotFound(id);
        await accessLog.RecordAsync(id, who, $"Event:{eventName}", cancellationToken);
        return EventResults.Of(outcome);
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case '{id}'.");
}

/// <summary>HTTP answers to a workflow outcome: accepted 202, not allowed now 409, case ended 410.</summary>
public static class EventResults
{
    public static IResult Of(WorkflowOutcome outcome) => outcome switch
    {
        WorkflowRefusal { Kind: RefusalKind.CaseEnded } refusal =>
            Results.Problem(statusCode: StatusCodes.Status410Gone, title: "The case has ended", detail: refusal.Reason),
        WorkflowRefusal { Kind: RefusalKind.InvalidInput } refusal =>
            Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad event", detail: refusal.Reason),
        WorkflowRefusal refusal =>
            Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: refusal.Reason,
                extensions: new Dictionary<string, object?>
                {
                    ["missing"] = refusal.Missing.Select(m => m.Code).ToList(),
                    ["missingDetails"] = refusal.Missing.Select(m => $"{m.Code}: {m.Description}").ToList(),
                }),
        _ => Results.Accepted(),
    };
}

/// <summary>The status document of <c>GET /api/cases/{id}</c>, in the Durable Functions shape plus LumoFlow's own fields.</summary>
public sealed record CaseStatusView(
    string Id,
    string RuntimeStatus,
    CustomStatus CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    string Team,
    CaseStatusView.DeadlineView? Deadlines,
    IReadOnlyList<string> LinkedCases,
    IReadOnlyList<CaseStatusView.HistoryView>? History)
{
    public sealed record DeadlineView(string DecisionDue, string AssessmentDue);
    public sealed record HistoryView(string EventType, DateTimeOffset Timestamp, string Actor, IReadOnlyDictionary<string, string>? Details);

    public static CaseStatusView Of(CaseState state, IReadOnlyList<HistoryEntry>? history) => new(
        state.CaseId,
        state.RuntimeStatus.ToString(),
        CustomStatus.Of(state),
        state.CreatedTime,
        state.LastUpdatedTime,
        state.TeamId,
        state.Deadlines is { } d ? new DeadlineView(d.DecisionDue.ToString("yyyy-MM-dd"), d.AssessmentDue.ToString("yyyy-MM-dd")) : null,
        state.LinkedCaseIds,
        history?.Select(h => new HistoryView(h.EventType, h.At, h.Actor, h.Details)).ToList());
}
