using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Cases;

/// <summary>
/// An administrator stops a case: Durable's own terminate, so that the engine shows it Terminated and runs nothing
/// more of it, and the termination recorded in the case record with who did it and why (the workflow's
/// <see cref="CaseTerminated"/>). The engine first: once it is terminated no step of the orchestration can follow, and
/// a step already in flight loses to the termination in the record (<see cref="CaseRecords.RecordAsync"/>). A request
/// that fails between the two is completed by its retry.
/// </summary>
public sealed class CaseTermination(CaseRecords records, CaseLookup lookup, CaseWorkflow workflow, TimeProvider time)
{
    /// <summary>Terminates a case just found with <see cref="CaseLookup.FindAsync"/> (so the caller checks who may, on the same read).</summary>
    public async Task<WorkflowOutcome> TerminateAsync(
        DurableTaskClient durable, FoundCase found, string reason, string actor, CancellationToken cancellationToken)
    {
        var caseId = found.Case.State.CaseId;
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            if (attempt > 1) found = await lookup.FindAsync(durable, caseId, cancellationToken)
                ?? throw new InvalidOperationException($"Case {caseId} was found, then not.");
            var stored = found.Case;
            var outcome = workflow.Apply(stored.State, new CaseTerminated(reason) { Actor = actor }, time.GetUtcNow());
            if (outcome is not WorkflowStep step) return outcome; // ended already: 410

            if (attempt == 1 && await durable.GetInstanceAsync(caseId, cancellationToken) is { IsCompleted: false })
                await durable.TerminateInstanceAsync(caseId, reason, cancellationToken);

            // A case terminated before its orchestration wrote its record gets its opening recorded with the termination.
            var after = stored with { State = step.State, Timers = stored.Timers.After(step), Step = stored.Step + 1 };
            var recorded = new RecordedStep(after.Step, step.History, step.DocumentsToStore, step.Emails);
            var update = found.Opening is { } opening
                ? new CaseRecordUpdate(after, [.. opening.Steps, recorded], opening.Intake)
                : new CaseRecordUpdate(after, [recorded]);
            if ((await records.RecordAsync(update, cancellationToken)).Written)
                return outcome;
            // A step of the orchestration got into the record first: terminate on top of it.
        }
        throw new InvalidOperationException($"Case {caseId} kept changing while it was being terminated.");
    }
}
