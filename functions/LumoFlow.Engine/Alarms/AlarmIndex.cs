using Azure;
using Azure.Data.Tables;
using LumoFlow.Engine.Storage;

namespace LumoFlow.Engine;

/// <summary>An instance's claim (on an alarm it will act on itself, or on the sweep): others leave it until <see cref="Until"/>.</summary>
public sealed record AlarmLease(DateTimeOffset Until, string Owner);

/// <summary>A due alarm as the sweeper sees it, with the cases it wakes (one, or those an intake alarm lists).</summary>
public sealed record DueAlarm(AlarmKey Key, IReadOnlyList<string> CaseIds)
{
    public DueAlarm(AlarmKey key) : this(key, [key.CaseId]) { }
}

/// <summary>
/// The <c>CaseAlarms</c> table: one row per case at its next wake-up (platform.md, point 2).
/// A new alarm row is written before the case transaction that points at it and the stale one deleted after,
/// so a crash leaves at worst an extra alarm — waking a case with nothing due does nothing — never a lost one.
/// Alarm rows of many cases fall into the same hour's partition, so their writes are grouped (<see cref="GroupedWrites"/>).
/// One instance sweeps at a time, under the sweep lease (<see cref="TryHoldSweepAsync"/>).
/// <para>
/// Intake alarms go further: the notifications accepted while one intake alarm is being written share the next one,
/// a single row listing their case ids (<see cref="SetIntakeAsync"/>), so that accepting a notification costs about
/// one entity write besides its case. This instance remembers which of its cases have not yet moved off such a row and
/// deletes the row when the last one has (<see cref="LeaveIntakeAsync"/>); a row it forgets (a crash, a failed first
/// run) is the sweeper's: it runs every case listed and then removes the row.
/// </para>
/// </summary>
public sealed class AlarmIndex
{
    /// <summary>At most this many case ids in one intake row (16 characters each, well within a property's 64 KiB).</summary>
    public const int MaxCasesPerIntakeRow = 100;
    /// <summary>
    /// How many intake rows this instance keeps track of at most; beyond it, it forgets the older half (their rows are
    /// then the sweeper's to remove). Only reached when cases are not run here (no poke, no sweeper).
    /// </summary>
    private const int MaxOpenIntakes = 10_000;
    private const string CasesProperty = "Cases";
    private const string SweepLeasePartition = "~sweep", SweepLeaseRow = "lease";

    /// <summary>
    /// How long after its row is stored a spare case id may be handed out: well within the row's lease, and far within
    /// <see cref="EngineOptions.StaleAlarmGrace"/>, after which a sweeper drops the ids of an intake row never stored.
    /// </summary>
    public static readonly TimeSpan SpareIdsUsableFor = TimeSpan.FromSeconds(30);

    private sealed record Intake(string CaseId, DateTimeOffset At, AlarmLease? Lease);

    /// <summary>Case ids listed in an intake row ahead of the notifications that will get them.</summary>
    private sealed record Spares(AlarmKey Key, Queue<string> Ids, DateTimeOffset UsableUntil);

    private readonly TableClient _table;
    private readonly GroupedWrites _writes;
    private readonly GroupCommit<Intake, IReadOnlyDictionary<string, AlarmKey>> _intakes;
    /// <summary>This instance's intake rows, with the cases listed in each that have not moved off it yet.</summary>
    private readonly Dictionary<AlarmKey, HashSet<string>> _openIntakes = [];
    /// <summary>Alarm rows released for <see cref="DeleteReleasedAsync"/> (guards itself).</summary>
    private readonly HashSet<AlarmKey> _releasedLater = [];
    /// <summary>The sweep lease row's ETag as this instance last wrote it, while it holds the lease.</summary>
    private ETag? _sweepLease;
    private DateTimeOffset _othersSweepUntil;
    /// <summary>The spare ids of this instance's latest intake row (guarded, like what follows, by <see cref="_openIntakes"/>).</summary>
    private Spares? _spares;
    /// <summary>When the intakes of the last <see cref="SpareIdsUsableFor"/> came: as many spare ids go in the next row.</summary>
    private readonly Queue<DateTimeOffset> _recentIntakes = new();

    public AlarmIndex(TableClient table)
    {
        _table = table;
        _writes = new GroupedWrites(table);
        _intakes = new GroupCommit<Intake, IReadOnlyDictionary<string, AlarmKey>>((_, intakes) => WriteIntakesAsync(intakes));
    }

    /// <summary>Writes the alarm row; returns once it is stored. A release of the same row still pending is called off.</summary>
    public async Task SetAsync(AlarmKey key, AlarmLease? lease, CancellationToken cancellationToken)
    {
        Task written;
        lock (_releasedLater)
        {
            _releasedLater.Remove(key);
            written = _writes.UpsertAsync(Row(key, lease), cancellationToken); // queued in order with the releases' deletes
        }
        await written;
    }

    /// <summary>Removes the alarm row if it is still there.</summary>
    public Task DeleteAsync(AlarmKey key, CancellationToken cancellationToken) =>
        _writes.DeleteAsync(key.PartitionKey, key.RowKey, cancellationToken);

    /// <summary>
    /// A case's own alarm row it no longer needs, to be deleted by the next <see cref="DeleteReleasedAsync"/> together
    /// with the others released meanwhile — unless the row is written again first (<see cref="SetAsync"/>).
    /// </summary>
    public void ReleaseLater(AlarmKey key)
    {
        if (key.IsIntake) throw new ArgumentException("An intake row is shared; its cases leave it (LeaveIntakeAsync).", nameof(key));
        lock (_releasedLater) _releasedLater.Add(key);
    }

    /// <summary>
    /// Deletes the rows released by <see cref="ReleaseLater"/>, those still there: the deletes of one hour's partition
    /// in one group, a hundred to a transaction, queued after every write before them and before every write after.
    /// </summary>
    public async Task DeleteReleasedAsync()
    {
        var deletes = new List<Task>();
        lock (_releasedLater)
        {
            foreach (var partition in _releasedLater.GroupBy(k => k.PartitionKey, StringComparer.Ordinal))
                deletes.Add(_writes.DeleteAllAsync(partition.Key, partition.Select(k => k.RowKey)));
            _releasedLater.Clear();
        }
        await Task.WhenAll(deletes);
    }

    /// <summary>
    /// The case no longer needs this alarm: a case's own alarm row is deleted — now, or <paramref name="later"/> with
    /// others (<see cref="ReleaseLater"/>); an intake row, shared, is left (<see cref="LeaveIntakeAsync"/>), and goes
    /// when its last case has.
    /// </summary>
    public Task ReleaseAsync(AlarmKey key, string caseId, bool later, CancellationToken cancellationToken)
    {
        if (key.IsIntake) return LeaveIntakeAsync(key, caseId, cancellationToken);
        if (!later) return DeleteAsync(key, cancellationToken);
        ReleaseLater(key);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A case id for a new notification, with an intake alarm that already lists it. While notifications keep coming,
    /// each intake row lists spare ids beyond the cases waiting for it — as many as came in the last
    /// <see cref="SpareIdsUsableFor"/>, at most a hundred in all — and the notifications that follow take those: their
    /// alarm is stored before they arrive, and accepting them is the case's insert alone. A quiet hour lists no spares.
    /// Ids are random (<see cref="CaseIds.New"/>), so an unused spare is simply an id that never names a case.
    /// </summary>
    public async Task<(string CaseId, AlarmKey Alarm)> ReserveIntakeAsync(DateTimeOffset now, AlarmLease? lease, CancellationToken cancellationToken)
    {
        lock (_openIntakes)
        {
            if (_spares is { } spares && now < spares.UsableUntil && spares.Ids.TryDequeue(out var spare))
            {
                _recentIntakes.Enqueue(now);
                return (spare, spares.Key);
            }
        }
        var caseId = CaseIds.New();
        return (caseId, await SetIntakeAsync(caseId, now, lease, cancellationToken));
    }

    /// <summary>
    /// Gives up spare ids past their time, so that their row goes once its cases have run. Also done by a timer of
    /// its own; the sweeper calls it too, which makes it follow the engine's clock.
    /// </summary>
    public Task RetireExpiredSparesAsync(DateTimeOffset now)
    {
        Spares? expired = null;
        lock (_openIntakes)
        {
            if (_spares is { } spares && now >= spares.UsableUntil) (expired, _spares) = (spares, null);
        }
        return RetireAsync(expired);
    }

    /// <summary>When no notification comes to take them, spares are given up once their time has passed.</summary>
    private async Task RetireLaterAsync(Spares spares)
    {
        try
        {
            await Task.Delay(SpareIdsUsableFor);
            lock (_openIntakes)
            {
                if (ReferenceEquals(_spares, spares)) _spares = null;
            }
            await RetireAsync(spares);
        }
        catch (Exception)
        {
            // The row stays until the sweeper, which runs every case it lists, removes it.
        }
    }

    private async Task RetireAsync(Spares? spares)
    {
        if (spares is null) return;
        List<string> unused;
        lock (_openIntakes)
        {
            unused = [.. spares.Ids];
            spares.Ids.Clear();
        }
        foreach (var id in unused) await LeaveIntakeAsync(spares.Key, id, CancellationToken.None);
    }

    /// <summary>
    /// Makes sure a case just accepted will be run, before its case row is written: the case joins the next intake
    /// row this instance writes (shared with the cases accepted meanwhile) and gets that row's key once it is stored.
    /// </summary>
    public async Task<AlarmKey> SetIntakeAsync(string caseId, DateTimeOffset now, AlarmLease? lease, CancellationToken cancellationToken) =>
        (await _intakes.AddAsync("intake", new Intake(caseId, now, lease), cancellationToken))[caseId];

    /// <summary>
    /// The case no longer needs its intake row: it was not created after all, or it has moved to alarms of its own.
    /// When it was the last case of one of this instance's intake rows still on it, the row is deleted.
    /// </summary>
    public async Task LeaveIntakeAsync(AlarmKey key, string caseId, CancellationToken cancellationToken)
    {
        lock (_openIntakes)
        {
            if (!_openIntakes.TryGetValue(key, out var open) || !open.Remove(caseId) || open.Count > 0) return;
            _openIntakes.Remove(key);
        }
        await DeleteAsync(key, cancellationToken);
    }

    /// <summary>Whether this instance still waits for cases of this intake row to move off it (and will delete it then).</summary>
    public bool TracksIntake(AlarmKey key)
    {
        lock (_openIntakes) return _openIntakes.ContainsKey(key);
    }

    private async Task<IReadOnlyDictionary<string, AlarmKey>> WriteIntakesAsync(IReadOnlyList<Intake> intakes)
    {
        var keys = new Dictionary<string, AlarmKey>(StringComparer.Ordinal);
        foreach (var chunk in intakes.Chunk(MaxCasesPerIntakeRow))
        {
            var at = chunk.Min(i => i.At);
            var key = AlarmKey.ForIntake(at, CaseIds.New());
            var lease = chunk.Select(i => i.Lease).OfType<AlarmLease>().MaxBy(l => l.Until);
            var row = Row(key, lease);
            List<string> spareIds, listed;
            lock (_openIntakes)
            {
                while (_recentIntakes.TryPeek(out var then) && then < at - SpareIdsUsableFor) _recentIntakes.Dequeue();
                spareIds = [.. Enumerable.Range(0, Math.Min(MaxCasesPerIntakeRow - chunk.Length, _recentIntakes.Count)).Select(_ => CaseIds.New())];
                foreach (var intake in chunk) _recentIntakes.Enqueue(intake.At);
                if (_openIntakes.Count >= MaxOpenIntakes)
                    foreach (var old in _openIntakes.Keys.OrderBy(k => k.RowKey, StringComparer.Ordinal).Take(MaxOpenIntakes / 2).ToList())
                        _openIntakes.Remove(old);
                listed = [.. chunk.Select(i => i.CaseId), .. spareIds];
                _openIntakes[key] = new HashSet<string>(listed, StringComparer.Ordinal);
            }
            row[CasesProperty] = string.Join(' ', listed);
            try
            {
                await _writes.UpsertAsync(row, CancellationToken.None);
            }
            catch
            {
                lock (_openIntakes) _openIntakes.Remove(key);
                throw;
            }
            foreach (var intake in chunk) keys[intake.CaseId] = key;
            if (spareIds.Count == 0) continue;
            var spares = new Spares(key, new Queue<string>(spareIds), at + SpareIdsUsableFor);
            Spares? superseded;
            lock (_openIntakes) (superseded, _spares) = (_spares, spares);
            await RetireAsync(superseded);
            _ = RetireLaterAsync(spares);
        }
        return keys;
    }

    /// <summary>Alarms due at <paramref name="now"/> whose lease (an instance's own poke, if any) has run out, earliest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<DueAlarm>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<DueAlarm>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {AlarmKey.Bucket(now)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var key = new AlarmKey(row.PartitionKey, row.RowKey);
            if (key.WakeAt > now) continue; // later in the current hour
            if (row.GetDateTimeOffset("LeaseUntil") is { } leaseUntil && leaseUntil > now) continue;
            due.Add(key.IsIntake
                ? new DueAlarm(key, (row.GetString(CasesProperty) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                : new DueAlarm(key));
            if (due.Count == max) break;
        }
        return due;
    }

    /// <summary>
    /// Takes or renews the sweep lease until <paramref name="until"/>; false while another instance holds it. One instance
    /// sweeps at a time — in Azure the Sweep timer trigger runs on one instance anyway, standalone instances take turns —
    /// so that two sweeps never run the same due alarm. One lease write per hundred cases swept, where claiming each alarm
    /// cost a write of its own. The holder keeps renewing it while there is work; when it stops (or dies) the lease runs
    /// out and the next instance with due alarms takes it. Its row sorts after every hour's partition, so
    /// <see cref="DueAsync"/> never reads it. Called by one sweep at a time (see <see cref="Sweeper"/>).
    /// </summary>
    public async Task<bool> TryHoldSweepAsync(DateTimeOffset now, DateTimeOffset until, string owner, CancellationToken cancellationToken)
    {
        if (_sweepLease is null && _othersSweepUntil > now) return false; // another instance's lease, as last read
        var row = Lease(SweepLeasePartition, SweepLeaseRow, until, owner);
        try
        {
            _sweepLease = _sweepLease is { } mine
                ? (await _table.UpdateEntityAsync(row, mine, TableUpdateMode.Replace, cancellationToken)).Headers.ETag
                : (await _table.AddEntityAsync(row, cancellationToken)).Headers.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            _sweepLease = null; // the row exists (an earlier holder's), or another instance renewed it since
        }
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(SweepLeasePartition, SweepLeaseRow, cancellationToken: cancellationToken);
        if (!current.HasValue) return false; // removed meanwhile: the next sweep adds it
        var theirs = current.Value!.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue;
        if (current.Value.GetString("LeaseOwner") != owner && theirs > now)
        {
            _othersSweepUntil = theirs;
            return false;
        }
        try
        {
            _sweepLease = (await _table.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // another instance took it over first
        }
    }

    /// <summary>An alarm row, leased to an instance when it will act on the alarm itself.</summary>
    private static TableEntity Row(AlarmKey key, AlarmLease? lease) =>
        lease is null ? new TableEntity(key.PartitionKey, key.RowKey) : Lease(key.PartitionKey, key.RowKey, lease.Until, lease.Owner);

    private static TableEntity Lease(string partitionKey, string rowKey, DateTimeOffset leaseUntil, string owner) => new(partitionKey, rowKey)
    {
        ["LeaseUntil"] = leaseUntil,
        ["LeaseOwner"] = owner,
    };
}
