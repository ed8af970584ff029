using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Orchestration;

/// <summary>
/// What a generation of a case's orchestration starts from: the case as recorded so far. The first generation also
/// carries the opening (<see cref="Opening"/>): the notification and step 1, which intake has usually recorded already
/// and which the orchestration records itself when it has not. Every later generation (ContinueAsNew) carries only
/// the case, so a long case keeps a short Durable history.
/// </summary>
/// <param name="Undelivered">Emails whose sending failed even after retries; tried again at the next wake-up.</param>
/// <param name="RecordedAs">The record's ETag as the last write left it (<see cref="CaseRecordUpdate.RecordedAs"/>).</param>
/// <param name="IndexRecordedAs">The case index row's ETag as the last write left it (<see cref="CaseRecordUpdate.IndexRecordedAs"/>).</param>
public sealed record CaseOrchestrationInput(StoredCase Case, CaseOpening? Opening = null, IReadOnlyList<SendEmailInput>? Undelivered = null,
    string? RecordedAs = null, string? IndexRecordedAs = null)
{
    /// <summary>The first generation, for a case that intake has just opened.</summary>
    public static CaseOrchestrationInput Open(WorkflowStep opened, IntakeRecord intake) => new(
        new StoredCase(opened.State, PendingTimers.None.After(opened), Step: 1),
        new CaseOpening(intake, new RecordedStep(1, opened.History, opened.DocumentsToStore, opened.Emails)));

    /// <summary>The opening as a write of the record (intake's own, and the orchestration's when intake's failed).</summary>
    public CaseRecordUpdate? OpeningUpdate => Opening is { } opening ? new CaseRecordUpdate(Case, [opening.Step], opening.Intake) : null;
}

/// <summary>The notification as submitted and the first step of the case it opened.</summary>
public sealed record CaseOpening(IntakeRecord Intake, RecordedStep Step);

/// <summary>How a case's orchestration ended: its runtime status and the workflow's outcome.</summary>
public sealed record CaseOutcome(string RuntimeStatus, string? Outcome);
