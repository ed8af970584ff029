using Azure;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Engine.Storage;

using Email = LumoFlow.Domain.Messaging.Email;

/// <summary>
/// A case as loaded for processing — state, pending timers, outbox — plus the changes made to it since.
/// The engine applies workflow steps to it and <see cref="CaseStore.CommitAsync"/> writes the difference
/// as one entity-group transaction guarded by the state row's ETag.
/// </summary>
public sealed class CaseWorkingCopy
{
    private readonly Dictionary<string, DurableTimer> _loadedTimers;
    private readonly List<Email> _loadedOutbox;

    public CaseWorkingCopy(CaseState state, ETag etag, int historyCount, AlarmKey? alarm,
        IEnumerable<DurableTimer> timers, IEnumerable<Email> outbox)
    {
        State = state;
        ETag = etag;
        HistoryCount = historyCount;
        Alarm = alarm;
        _loadedTimers = timers.ToDictionary(t => t.Name);
        _loadedOutbox = outbox.ToList();
        Timers = new Dictionary<string, DurableTimer>(_loadedTimers);
        Outbox = new List<Email>(_loadedOutbox);
    }

    public CaseState State { get; private set; }
    public ETag ETag { get; }
    public int HistoryCount { get; }
    /// <summary>The alarm row the stored state points at.</summary>
    public AlarmKey? Alarm { get; }
    public Dictionary<string, DurableTimer> Timers { get; }
    public List<Email> Outbox { get; }
    public List<HistoryEntry> NewHistory { get; } = [];
    public List<CaseDocument> NewDocuments { get; } = [];

    /// <summary>Whether anything must be written back.</summary>
    public bool HasChanges { get; private set; }

    public void Apply(WorkflowStep step)
    {
        HasChanges |= !ReferenceEquals(step.State, State) || step.History.Count > 0 || step.TimersToSet.Count > 0
                      || step.TimersToCancel.Count > 0 || step.Emails.Count > 0 || step.DocumentsToStore.Count > 0;
        State = step.State;
        NewHistory.AddRange(step.History);
        NewDocuments.AddRange(step.DocumentsToStore);
        foreach (var name in step.TimersToCancel) Timers.Remove(name);
        foreach (var timer in step.TimersToSet) Timers[timer.Name] = timer;
        Outbox.AddRange(step.Emails);
    }

    /// <summary>A timer fired: it is no longer pending (unless the step that handled it set it again).</summary>
    public void RemoveTimer(string name) => HasChanges |= Timers.Remove(name);

    public void MarkSent(Email email, DateTimeOffset at)
    {
        HasChanges = true;
        Outbox.RemoveAll(e => e.Id == email.Id);
        NewHistory.Add(new HistoryEntry("EmailSent", at, "system",
            new Dictionary<string, string> { ["email"] = email.Id, ["kind"] = email.Kind }));
    }

    public IEnumerable<DurableTimer> TimersToUpsert =>
        Timers.Values.Where(t => !_loadedTimers.TryGetValue(t.Name, out var loaded) || loaded != t);
    public IEnumerable<string> TimersToDelete => _loadedTimers.Keys.Where(name => !Timers.ContainsKey(name));
    public IEnumerable<Email> EmailsToAdd => Outbox.Where(e => _loadedOutbox.All(l => l.Id != e.Id));
    public IEnumerable<Email> EmailsToDelete => _loadedOutbox.Where(l => Outbox.All(e => e.Id != l.Id));

    /// <summary>
    /// When the case must next wake: now while its outbox holds email (or at <paramref name="retryAt"/> after a failed
    /// delivery), else at its earliest pending timer; never for an ended case with nothing left to do.
    /// </summary>
    public DateTimeOffset? NextWake(DateTimeOffset now, DateTimeOffset? retryAt = null)
    {
        if (Outbox.Count > 0) return retryAt ?? now;
        return Timers.Count == 0 ? null : Timers.Values.Min(t => t.DueAt);
    }
}
