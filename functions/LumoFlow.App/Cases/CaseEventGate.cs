using LumoFlow.App.Hosting;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Cases;

/// <summary>
/// Where a staff event (or a partner's answer) enters a case. The workflow decides at once whether the event is allowed
/// — on the case as recorded, with the requests that are on their way to it but not recorded yet — so that a refusal is
/// the answer to the request itself, not something dropped later. An allowed event goes to the case's orchestration,
/// which applies it; if another request got there first and it no longer applies, the orchestration records the
/// refusal in the history.
/// </summary>
public sealed class CaseEventGate(CaseRecords records, CaseWorkflow workflow, TimeProvider time)
{
    /// <summary>How long an event waits for a just-opened case's orchestration to start before the caller is asked to retry.</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// What the workflow says of the event now, on a case just found with <see cref="CaseLookup.FindAsync"/> (so that
    /// the caller can check who may work it on the same read).
    /// </summary>
    public async Task<WorkflowOutcome> RaiseAsync(DurableTaskClient durable, FoundCase found, CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        // The event's kind and what became of it: never its fields (names, notes, answers).
        using var span = LumoFlowTelemetry.Start("lumoflow.event");
        span?.SetTag(LumoFlowTelemetry.EventTag, caseEvent.GetType().Name);
        var caseId = found.Case.State.CaseId;
        var now = time.GetUtcNow();
        var outcome = workflow.Apply(Fold(found.Case.State, found.Pending), caseEvent, now);
        span?.SetTag(LumoFlowTelemetry.OutcomeTag, outcome is WorkflowRefusal refusal ? refusal.Code.ToString() : "Accepted");
        if (outcome is WorkflowRefusal) return outcome;

        if (found.MayBeUnstarted) await EnsureStartedAsync(durable, caseId, cancellationToken);
        var request = PendingRequest.New(caseEvent, now);
        await durable.RaiseEventAsync(caseId, CaseOrchestration.EventName, request.Message, cancellationToken);
        // Raised first, then noted as pending: a note without its event would make later requests see what never comes.
        await records.AddPendingRequestAsync(caseId, request, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The case as it will be once the requests already on their way are applied: the recorded state with each pending
    /// request applied in the order raised (one that will be refused changes nothing). Null for an unknown case.
    /// </summary>
    public async Task<CaseState?> CurrentStateAsync(string caseId, CancellationToken cancellationToken) =>
        await records.GetWithPendingRequestsAsync(caseId, cancellationToken) is ({ } recorded, var pending) ? Fold(recorded.State, pending) : null;

    /// <summary>A found case as it will be once the requests on their way to it are applied.</summary>
    public CaseState CurrentState(FoundCase found) => Fold(found.Case.State, found.Pending);

    private CaseState Fold(CaseState recorded, IReadOnlyList<PendingRequest> pending)
    {
        var state = recorded;
        foreach (var request in pending)
            if (workflow.Apply(state, request.Message.ToEvent(), request.RaisedAt) is WorkflowStep step)
                state = step.State;
        return state;
    }

    /// <summary>
    /// Durable's Azure Storage backend discards an event that reaches an instance whose start it has not processed yet
    /// ("No such instance"). A case with no record, or one with only its opening, may be that young: wait for its
    /// orchestration to start. (Once it has recorded a second step, it has started.) Too long a wait is a timeout: 503.
    /// </summary>
    private static async Task EnsureStartedAsync(DurableTaskClient durable, string caseId, CancellationToken cancellationToken)
    {
        if (await durable.GetInstanceAsync(caseId, cancellationToken) is not { RuntimeStatus: OrchestrationRuntimeStatus.Pending }) return;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StartWait);
        try
        {
            await durable.WaitForInstanceStartAsync(caseId, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Case {caseId}'s orchestration did not start within {StartWait.TotalSeconds} s.");
        }
    }
}
