using System.Collections.Concurrent;
using Azure;
using LumoFlow.Engine.Storage;

namespace LumoFlow.Engine;

/// <summary>
/// The last committed version of recently used cases, kept by this app instance so the next event or wake-up on
/// the same case skips its read. Never trusted blindly: every commit is conditional on the cached ETag, so a case
/// changed by another instance fails with 412 and is read again; refusals decided on a cached copy are re-checked
/// on a fresh read. Bounded: when full it is simply emptied.
/// </summary>
public sealed class CaseCache(int capacity = 20_000)
{
    private sealed record Entry(StoredCase Stored, ETag ETag, int HistoryRows, CaseAlarms Alarms, string? BodyHash, IntakeRows? Intake,
        IReadOnlySet<string>? StoredProperties);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public CaseWorkingCopy? Get(string caseId) =>
        _entries.TryGetValue(caseId, out var e) ? new CaseWorkingCopy(e.Stored, e.ETag, e.HistoryRows, e.Alarms, e.BodyHash, e.Intake, e.StoredProperties) : null;

    public void Put(CaseWorkingCopy copy)
    {
        if (_entries.Count >= capacity) _entries.Clear();
        _entries[copy.State.CaseId] = new Entry(copy.Stored, copy.ETag, copy.HistoryRows, copy.Alarms, copy.BodyHash, copy.Intake, copy.StoredProperties);
    }

    public void Evict(string caseId) => _entries.TryRemove(caseId, out _);

    /// <summary>Forgets everything (as after a restart).</summary>
    public void Clear() => _entries.Clear();
}
