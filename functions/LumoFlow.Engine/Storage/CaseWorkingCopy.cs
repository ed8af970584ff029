using Azure;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Engine.Storage;

using Email = LumoFlow.Domain.Messaging.Email;

/// <summary>
/// A case as loaded for processing — state, pending timers, outbox — plus the changes made to it since.
/// The engine applies workflow steps to it and <see cref="CaseStore.CommitAsync"/> writes the new state row,
/// the new history rows and documents, guarded by the state row's ETag: as one entity-group transaction, or, when
/// the history rows can ride in the state row (<see cref="StoredCase.HistoryTail"/>), as one single-entity update.
/// After a commit the copy carries the new ETag and can go on (no reload needed).
/// </summary>
public sealed class CaseWorkingCopy(StoredCase stored, ETag etag, int historyRows, CaseAlarms alarms, string? bodyHash = null, IntakeRows? intake = null,
    IReadOnlySet<string>? storedProperties = null)
{
    private List<HistoryEntry>? _deliveryRow;

    /// <summary>The hash of the submission that opened the case (for Idempotency-Key replays); kept on every write.</summary>
    public string? BodyHash { get; } = bodyHash;

    /// <summary>
    /// The notification while it still rides in the state row (see <see cref="IntakeRows"/>); the next commit moves it
    /// to a row of its own, with the history tail.
    /// </summary>
    public IntakeRows? Intake { get; private set; } = intake;

    /// <summary>
    /// The properties the stored state row holds (see <see cref="CaseRows.PropertiesOf"/>); unknown (null) means
    /// assume any, so the next commit replaces the row.
    /// </summary>
    public IReadOnlySet<string>? StoredProperties { get; private set; } = storedProperties;

    public CaseState State { get; private set; } = stored.State;
    public ETag ETag { get; private set; } = etag;
    /// <summary>How many history rows the case has stored, <see cref="HistoryTail"/> included.</summary>
    public int HistoryRows { get; private set; } = historyRows;
    /// <summary>The stored history rows that ride in the state row: the last <c>HistoryTail.Count</c> of <see cref="HistoryRows"/>.</summary>
    public IReadOnlyList<IReadOnlyList<HistoryEntry>> HistoryTail { get; private set; } = stored.HistoryTail ?? [];
    /// <summary>The alarm rows the stored state points at.</summary>
    public CaseAlarms Alarms { get; private set; } = alarms;
    public Dictionary<string, DurableTimer> Timers { get; } = stored.Timers.ToDictionary(t => t.Name);
    public List<Email> Outbox { get; } = [.. stored.Outbox];
    /// <summary>History rows to append: one per event, each holding what the event caused.</summary>
    public List<IReadOnlyList<HistoryEntry>> NewHistoryRows { get; } = [];
    public List<CaseDocument> NewDocuments { get; } = [];

    /// <summary>Whether anything must be written back.</summary>
    public bool HasChanges { get; private set; }

    public StoredCase Stored => new(State, Timers.Values.OrderBy(t => t.DueAt).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(), [.. Outbox],
        HistoryTail.Count > 0 ? HistoryTail : null);

    /// <summary>Work the case has right now: email to deliver, children to look up in the index.</summary>
    public bool HasImmediateWork => Outbox.Count > 0 || State.PendingChildKeys.Count > 0;

    /// <summary>The earliest pending timer, when the timer alarm must ring.</summary>
    public DateTimeOffset? TimerWake => Timers.Count == 0 ? null : Timers.Values.Min(t => t.DueAt);

    public void Apply(WorkflowStep step)
    {
        HasChanges |= !ReferenceEquals(step.State, State) || step.History.Count > 0 || step.TimersToSet.Count > 0
                      || step.TimersToCancel.Count > 0 || step.Emails.Count > 0 || step.DocumentsToStore.Count > 0;
        State = step.State;
        if (step.History.Count > 0)
        {
            NewHistoryRows.Add(step.History);
            _deliveryRow = null;
        }
        NewDocuments.AddRange(step.DocumentsToStore);
        foreach (var name in step.TimersToCancel) Timers.Remove(name);
        foreach (var timer in step.TimersToSet) Timers[timer.Name] = timer;
        Outbox.AddRange(step.Emails);
    }

    /// <summary>A timer fired: it is no longer pending (unless the step that handled it set it again).</summary>
    public void RemoveTimer(string name) => HasChanges |= Timers.Remove(name);

    /// <summary>
    /// An email went out: it leaves the outbox and is recorded in history — in the row of the last event committed
    /// with it (emails usually go out just before the commit of the event that queued them), or else in one row of its
    /// own for the whole delivery. Either way the history reads in the same order; one entity fewer to write.
    /// </summary>
    public void MarkSent(Email email, DateTimeOffset at)
    {
        HasChanges = true;
        Outbox.RemoveAll(e => e.Id == email.Id);
        if (_deliveryRow is null)
        {
            _deliveryRow = NewHistoryRows.Count > 0 ? [.. NewHistoryRows[^1]] : [];
            if (NewHistoryRows.Count > 0) NewHistoryRows[^1] = _deliveryRow;
            else NewHistoryRows.Add(_deliveryRow);
        }
        _deliveryRow.Add(new HistoryEntry("EmailSent", at, "system", new Dictionary<string, string> { ["email"] = email.Id, ["kind"] = email.Kind }));
    }

    /// <summary>What was written is now the stored case.</summary>
    public void Committed(ETag etag, CaseAlarms alarms, bool intakeMoved, IReadOnlySet<string> storedProperties,
        IReadOnlyList<IReadOnlyList<HistoryEntry>> historyTail)
    {
        ETag = etag;
        HistoryTail = historyTail;
        StoredProperties = storedProperties;
        if (intakeMoved) Intake = null;
        Alarms = alarms;
        HistoryRows += NewHistoryRows.Count;
        NewHistoryRows.Clear();
        NewDocuments.Clear();
        _deliveryRow = null;
        HasChanges = false;
    }
}

/// <summary>
/// What intake writes besides the state: the notification as submitted. On the intake path it rides in the state row
/// (and the opening event's history, as the first row of <see cref="StoredCase.HistoryTail"/>), so that accepting a
/// notification is one single-entity insert; the case's first run (right after, in-process) moves both into rows of
/// their own, the <c>notification</c> row and <c>history-000001</c>, within its own transaction.
/// </summary>
public sealed record IntakeRows(string NotificationJson);
