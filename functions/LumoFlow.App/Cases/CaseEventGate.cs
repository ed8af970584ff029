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
    /// <summary>What the workflow says of the event now; null when there is no such case.</summary>
    public async Task<WorkflowOutcome?> RaiseAsync(DurableTaskClient durable, string caseId, CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        if (await CurrentStateAsync(caseId, cancellationToken) is not { } state) return null;
        var now = time.GetUtcNow();
        var outcome = workflow.Apply(state, caseEvent, now);
        if (outcome is WorkflowRefusal) return outcome;

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
    public async Task<CaseState?> CurrentStateAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await records.GetWithPendingRequestsAsync(caseId, cancellationToken) is not { } found) return null;
        var state = found.Case.State;
        foreach (var pending in found.Pending)
            if (workflow.Apply(state, pending.Message.ToEvent(), pending.RaisedAt) is WorkflowStep step)
                state = step.State;
        return state;
    }
}
