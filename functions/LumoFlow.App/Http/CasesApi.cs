using System.Globalization;
using System.Text.Json;
using LumoFlow.App.Auth;
using LumoFlow.App.Cases;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Http;

/// <summary>Staff look at a case and act on it (status, events, terminate). Every call is authenticated and access-logged.</summary>
public sealed class CasesApi(CaseRecords records, CaseLookup lookup, CaseEventGate gate, CaseTermination termination, AccessLog accessLog, ChildIndex children,
    TransferPackages transfers, TimeProvider time)
{
    public const int MaxEventBodyBytes = 64 * 1024;
    public const int MaxTerminationReason = 500;

    public Task<IResult> GetStatusAsync(string id, bool? showHistory, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            if (!CaseIds.IsWellFormed(id) || await lookup.FindAsync(durable, id, cancellationToken) is not { } found) return NotFound(id);
            if (!who.MayWorkTeam(found.Case.State.TeamId)) return OtherTeam(id);
            await accessLog.RecordAsync(id, who, showHistory == true ? "ReadStatusAndHistory" : "ReadStatus", cancellationToken);

            var engine = await durable.GetInstanceAsync(id, cancellationToken);
            var history = showHistory != true ? null
                : found.Opening is { } opening ? opening.Steps.SelectMany(s => s.History).ToList()
                : await records.GetHistoryAsync(id, cancellationToken, throughStep: found.Case.Step);
            return Results.Json(CaseStatusView.Of(found.Case.State, engine?.RuntimeStatus, history), LumoFlowJson.Options);
        });

    /// <summary>LSL § 25 d: the transfer package as JSON (staff of the case's team; access-logged; never cached).</summary>
    public Task<IResult> TransferPackageAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            id = id.ToUpperInvariant();
            var (read, package) = await transfers.ReadAsync(id, durable, who, cancellationToken);
            if (read == TransferPackageRead.NoSuchCase) return NotFound(id);
            if (read == TransferPackageRead.OtherTeam) return OtherTeam(id);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(package, LumoFlowJson.Options);
        });

    public Task<IResult> TerminateAsync(string id, string? reason, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            reason = FreeText.Line(reason); // free text for the history and the access log: no control or format characters
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxTerminationReason)
                return Problems.Of("reason",
                    new FieldProblem(ProblemCode.TerminationReasonRequired, MaxTerminationReason.ToString(CultureInfo.InvariantCulture)));
            if (!CaseIds.IsWellFormed(id) || await lookup.FindAsync(durable, id, cancellationToken) is not { } found) return NotFound(id);
            if (!who.MayWorkTeam(found.Case.State.TeamId)) return OtherTeam(id);
            var outcome = await termination.TerminateAsync(durable, found, reason.Trim(), who.Name, cancellationToken);
            await accessLog.RecordAsync(id, who, "Terminate", cancellationToken, reason.Trim());
            return EventResults.Of(outcome);
        });

    /// <summary>The Durable Functions raise-event shape: the event's data is the JSON body.</summary>
    public Task<IResult> RaiseEventAsync(string id, string eventName, HttpContext http, DurableTaskClient durable, StaffIdentity who,
        CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            if (StaffEvents.Find(eventName) is null) return UnknownEvent(eventName);
            JsonElement body;
            if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && http.Request.ContentType is null))
                body = JsonDocument.Parse("{}").RootElement;
            else
            {
                var read = await RequestBody.ReadJsonAsync<JsonElement?>(http, MaxEventBodyBytes, cancellationToken);
                if (read.Problem is not null) return read.Problem;
                body = read.Value!.Value;
            }
            var reason = http.Request.Query["reason"].FirstOrDefault()?.Trim();
            return await RaiseAsync(id, eventName, body, durable, who, cancellationToken,
                reason is { Length: > 0 and <= AdminApi.MaxReasonLength } ? reason : null);
        });

    /// <summary>An event whose body has been read (from the request, or from the dashboard's form).</summary>
    /// <param name="reason">Why, when the caller gave it (<c>?reason=</c>; the dashboard asks): it goes to the access log.</param>
    public async Task<IResult> RaiseAsync(string id, string eventName, JsonElement body, DurableTaskClient durable, StaffIdentity who,
        CancellationToken cancellationToken, string? reason = null)
    {
        var attempt = await TryRaiseAsync(id, eventName, body, durable, who, cancellationToken, reason);
        return attempt.Refusal
            ?? (attempt.Problems is { } problems ? Problems.Of(problems, title: $"The {eventName} event has errors", detail: "Nothing was recorded.") : null)
            ?? EventResults.Of(attempt.Outcome!);
    }

    /// <summary>
    /// What came of raising an event: refused before the workflow was asked (<see cref="Refusal"/>, an HTTP answer), bad
    /// fields, or the workflow's outcome — with the phase the case was in, which a refusal's words name.
    /// </summary>
    public sealed record EventAttempt(IResult? Refusal, FieldProblems? Problems, WorkflowOutcome? Outcome, CasePhase? Phase = null);

    /// <summary>The one path every staff event takes — the API, the dashboard and the social workers' pages.</summary>
    public async Task<EventAttempt> TryRaiseAsync(string id, string eventName, JsonElement body, DurableTaskClient durable, StaffIdentity who,
        CancellationToken cancellationToken, string? reason = null)
    {
        if (StaffEvents.Find(eventName) is not { } definition) return new(UnknownEvent(eventName), null, null);
        reason = FreeText.Line(reason);
        if (body.ValueKind != JsonValueKind.Object)
            return new(Results.Problem(statusCode: 400, title: "Bad event body", detail: "The body must be a JSON object."), null, null);
        if (!CaseIds.IsWellFormed(id)) return new(NotFound(id), null, null);
        if (!MayRaise(who, definition))
            return new(LoggedRefusal.Refused(
                Results.Problem(statusCode: 403, title: "Forbidden", detail: $"Only a team lead or an admin may record {eventName}."), 403,
                $"Only a team lead or an admin may record {eventName}.", caseId: id), null, null);
        // One read of the case: whose it is, and then what the workflow says of the event on it.
        if (await lookup.FindAsync(durable, id, cancellationToken) is not { } found) return new(NotFound(id), null, null);
        if (!who.MayWorkTeam(found.Case.State.TeamId)) return new(OtherTeam(id), null, null);

        var (caseEvent, problems) = EventReader.Read(definition, body, who.Name, time.GetUtcNow(), children.KeyOf);
        if (caseEvent is null) return new(null, problems, null);
        // The workflow reads no other case: whether the open assessment named is one, the host looks.
        FoundCase? assessment = null;
        if (caseEvent is HandledInOpenAssessment handled)
        {
            assessment = CaseIds.IsWellFormed(handled.CaseId) ? await lookup.FindAsync(durable, handled.CaseId, cancellationToken) : null;
            if (assessment is not null && !who.MayWorkTeam(assessment.Case.State.TeamId)) return new(OtherTeam(handled.CaseId), null, null);
            var open = assessment is not null && gate.CurrentState(assessment) is { IsOpen: true, Phase: CasePhase.Assessing or CasePhase.ReadyToClose };
            caseEvent = handled with { IsOpenAssessment = open };
        }
        var state = gate.CurrentState(found);
        var outcome = await gate.RaiseAsync(durable, found, caseEvent, cancellationToken);
        await accessLog.RecordAsync(id, who, $"Event:{eventName}", cancellationToken, reason);
        if (outcome is WorkflowStep && ForEveryChild(definition, body))
            await RaiseForSiblingsAsync(state, caseEvent, eventName, durable, who, cancellationToken, reason);
        // The open assessment's history records the notification taken into it.
        if (outcome is WorkflowStep && assessment is not null)
            await gate.RaiseAsync(durable, assessment, new NotificationTakenIntoAssessment(id) { Actor = who.Name }, cancellationToken);
        return new(null, null, outcome, state.Phase);
    }

    /// <summary>
    /// An event that concerns the whole family (<see cref="StaffEvent.Family"/>) goes to the cases of the other children
    /// of the same notification too; each case's workflow applies it on its own, and one that does not take it (ended,
    /// or in a phase that does not allow it) is left as it is. A sibling's case of another team is that team's to record.
    /// </summary>
    private async Task RaiseForSiblingsAsync(CaseState state, CaseEvent caseEvent, string eventName, DurableTaskClient durable, StaffIdentity who,
        CancellationToken cancellationToken, string? reason)
    {
        foreach (var sibling in state.FamilyCaseIds.Where(s => s != state.CaseId))
        {
            if (await lookup.FindAsync(durable, sibling, cancellationToken) is not { } found || !who.MayWorkTeam(found.Case.State.TeamId)) continue;
            if (await gate.RaiseAsync(durable, found, caseEvent, cancellationToken) is WorkflowStep)
                await accessLog.RecordAsync(sibling, who, $"Event:{eventName}", cancellationToken,
                    reason ?? $"for every child of the notification, recorded on {state.CaseId}");
        }
    }

    private static bool ForEveryChild(StaffEvent definition, JsonElement body) => definition.Family switch
    {
        FamilyScope.EveryChild => true,
        FamilyScope.EveryChildIfAsked => body.TryGetProperty(StaffEvents.ForEveryChild, out var asked) && asked.ValueKind == JsonValueKind.True,
        _ => false,
    };

    /// <summary>Whether <paramref name="who"/> may raise the event: as its catalogue entry says (<see cref="StaffEvent.RaisedBy"/>).</summary>
    public static bool MayRaise(StaffIdentity who, StaffEvent definition) => definition.RaisedBy switch
    {
        EventRaiser.TeamLead => RouteAccess.TeamLead.Allows(who.Role),
        _ => true,
    };

    private static IResult UnknownEvent(string eventName) => Results.Problem(statusCode: 400, title: "Unknown event",
        detail: $"'{eventName}' is not an event. Events: {string.Join(", ", StaffEvents.Names)}.");

    /// <summary>
    /// A social worker or team lead works only their own team's cases: 403 for another team's (404 for none is the
    /// caller's), written to the case's own access log.
    /// </summary>
    internal static IResult OtherTeam(string id) =>
        LoggedRefusal.Refused(Results.Problem(statusCode: 403, title: "Forbidden", detail: $"Case '{id}' belongs to another team."), 403,
            "The case belongs to another team.", caseId: id, caseExists: true);

    internal static IResult NotFound(string id) =>
        Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case '{id}'.");
}

/// <summary>HTTP answers to a workflow outcome: accepted 202, not allowed now 409, case ended 410.</summary>
public static class EventResults
{
    public static IResult Of(WorkflowOutcome outcome) => outcome switch
    {
        WorkflowRefusal { Kind: RefusalKind.CaseEnded } refusal =>
            Results.Problem(statusCode: StatusCodes.Status410Gone, title: "The case has ended", detail: refusal.Reason, extensions: Code(refusal)),
        WorkflowRefusal { Kind: RefusalKind.InvalidInput } refusal =>
            Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad event", detail: refusal.Reason, extensions: Code(refusal)),
        WorkflowRefusal refusal =>
            Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: refusal.Reason,
                extensions: new Dictionary<string, object?>(Code(refusal))
                {
                    ["missing"] = refusal.Missing.Select(m => m.Code).ToList(),
                    ["missingDetails"] = refusal.Missing.Select(m => $"{m.Code}: {m.Description}").ToList(),
                }),
        _ => Results.Accepted(),
    };

    /// <summary>The refusal's stable code (see <see cref="RefusalCode"/>), for a client to branch on rather than the English sentence.</summary>
    private static Dictionary<string, object?> Code(WorkflowRefusal refusal) => new() { ["code"] = refusal.Code.ToString() };
}

/// <summary>
/// The status document of <c>GET /api/cases/{id}</c>, in the Durable Functions shape plus LumoFlow's own fields. It is
/// read from the case record; the engine adds what only it can know — that the instance is suspended, has failed, or
/// was terminated.
/// </summary>
public sealed record CaseStatusView(
    string Id,
    string RuntimeStatus,
    CustomStatus CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    DateTimeOffset ReceivedAt,
    string Team,
    CaseStatusView.DeadlineView? Deadlines,
    IReadOnlyList<string> LinkedCases,
    IReadOnlyList<CaseStatusView.HistoryView>? History)
{
    /// <summary>The cases of the other children of the same notification (a case concerns one child), this one among them.</summary>
    public IReadOnlyList<string> FamilyCases { get; init; } = [];

    /// <summary>What intake kept as given but flagged for staff to check (<c>path: code</c>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>LSL § 27: child-welfare client status, once it has begun (<c>{reason, at}</c>).</summary>
    public ClientStatusView? ClientStatus { get; init; }

    public sealed record ClientStatusView(string Reason, DateTimeOffset At);

    public sealed record DeadlineView(string DecisionDue, string AssessmentDue);
    public sealed record HistoryView(string EventType, DateTimeOffset Timestamp, string Actor, IReadOnlyDictionary<string, string>? Details);

    public static CaseStatusView Of(CaseState state, OrchestrationRuntimeStatus? engine, IReadOnlyList<HistoryEntry>? history) => new(
        state.CaseId,
        engine is OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
            ? engine.Value.ToString()
            : state.RuntimeStatus.ToString(),
        CustomStatus.Of(state),
        state.CreatedTime,
        state.LastUpdatedTime,
        state.ReceivedAt,
        state.TeamId,
        state.Deadlines is { } d
            ? new DeadlineView(
                d.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.AssessmentDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : null,
        state.LinkedCaseIds,
        history?.Select(h => new HistoryView(h.EventType, h.At, h.Actor, h.Details)).ToList())
    {
        FamilyCases = state.FamilyCaseIds,
        Flags = state.IntakeFlags,
        ClientStatus = state.ClientStatus is { } status ? new ClientStatusView(status.Reason, status.At) : null,
    };
}
