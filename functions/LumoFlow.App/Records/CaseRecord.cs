using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Records;

using Email = LumoFlow.Domain.Messaging.Email;

/// <summary>
/// The case as its record's state row holds it: the workflow's state, its pending timers, and how many steps have
/// been recorded (<paramref name="Step"/>), which orders every write of the record.
/// </summary>
/// <param name="AnsweredRequests">
/// The staff requests the case has answered (applied or refused) lately, by id, with when: Durable delivers an event
/// at least once, and a request delivered again is not applied again (<see cref="Orchestration.CaseRun.Answered"/>).
/// </param>
public sealed record StoredCase(CaseState State, PendingTimers Timers, int Step, IReadOnlyDictionary<string, DateTimeOffset>? AnsweredRequests = null);

/// <summary>What one event or fired timer caused, as the record keeps it: step <paramref name="Step"/> of the case.</summary>
/// <param name="Request">For an event a staff member raised: whether it was applied, against their request.</param>
public sealed record RecordedStep(
    int Step,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<CaseDocument> Documents,
    IReadOnlyList<Email> Emails,
    RequestOutcome? Request = null);

/// <summary>How a staff request ended once it reached the case: applied, or refused with the reason.</summary>
public sealed record RequestOutcome(string RequestId, bool Applied, string? Reason = null);

/// <summary>The notification as submitted, kept with the case; <paramref name="BodyHash"/> only for an Idempotency-Key.</summary>
public sealed record IntakeRecord(string NotificationJson, string? BodyHash);

/// <summary>
/// One write of a case record: the steps not recorded yet, and the case after them. Writing it again changes nothing
/// (<see cref="CaseRecords.RecordAsync"/>), so the activity that writes it may be retried.
/// </summary>
/// <param name="RecordedAs">
/// The state row's ETag as the writer's previous write left it, when it knows it: then the record is exactly where
/// that write left it, and this one need not read it first.
/// </param>
/// <param name="IndexRecordedAs">The case index row's ETag as the writer's last write left it, when it knows it: then
/// the index row is updated in one request, without reading it first.</param>
public sealed record CaseRecordUpdate(StoredCase After, IReadOnlyList<RecordedStep> Steps, IntakeRecord? Intake = null, string? RecordedAs = null,
    string? IndexRecordedAs = null)
{
    public string CaseId => After.State.CaseId;
}
