using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Cases;

/// <summary>
/// A case as staff reach it: its record — or, in the first moment after intake, before its orchestration has written
/// the record's first step, the opening that Durable holds as the orchestration's input. A case exists from the moment
/// Durable holds it; this is what lets intake answer as soon as it does.
/// </summary>
public sealed class CaseLookup(CaseRecords records)
{
    /// <summary>The state row and the pending staff requests; the opening from Durable when there is no record yet.</summary>
    public async Task<FoundCase?> FindAsync(DurableTaskClient durable, string caseId, CancellationToken cancellationToken)
    {
        var (recorded, pending) = await records.GetWithPendingRequestsAsync(caseId, cancellationToken);
        if (recorded is not null) return new FoundCase(recorded.Case, pending, Opening: null);
        return await OpeningAsync(durable, caseId, cancellationToken) is { } opening ? new FoundCase(opening.After, pending, opening) : null;
    }

    /// <summary>The opening of a case whose orchestration Durable holds; null when it holds none.</summary>
    public static async Task<CaseRecordUpdate?> OpeningAsync(DurableTaskClient durable, string caseId, CancellationToken cancellationToken) =>
        await durable.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken) is { } instance
            ? instance.ReadInputAs<CaseOrchestrationInput>()?.OpeningUpdate
            : null;
}

/// <summary>A case as found: as recorded, or (<see cref="Opening"/> set) as opened and not recorded yet.</summary>
public sealed record FoundCase(StoredCase Case, IReadOnlyList<PendingRequest> Pending, CaseRecordUpdate? Opening)
{
    /// <summary>Whether its orchestration may not have started yet: nothing after the opening has been recorded.</summary>
    public bool MayBeUnstarted => Opening is not null || Case.Step == 1;
}
