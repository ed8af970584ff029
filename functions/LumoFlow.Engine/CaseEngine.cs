using System.Security.Cryptography;
using System.Text;
using Azure;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using LumoFlow.Engine.Children;
using LumoFlow.Engine.Email;
using LumoFlow.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace LumoFlow.Engine;

public enum StartOutcome
{
    Created,
    /// <summary>A retry with the same Idempotency-Key and body: the existing case.</summary>
    AlreadyExists,
    /// <summary>The Idempotency-Key was used before for a different notification.</summary>
    KeyReused,
}

public sealed record StartResult(string CaseId, StartOutcome Outcome);

/// <summary>What running a case left behind: whether it exists, and where its alarms now are.</summary>
public sealed record RunResult(bool Found, CaseAlarms Alarms);

/// <summary>
/// Applies the workflow to stored cases. It decides nothing itself: every decision is the pure
/// <see cref="CaseWorkflow"/>'s; the engine loads, applies, commits atomically, sends the outbox, and sets the alarm.
/// </summary>
public sealed class CaseEngine(
    CaseStore store,
    CaseCache cache,
    ChildIndex children,
    CaseWorkflow workflow,
    RoutingTable routing,
    IEmailSender emailSender,
    CasePokes pokes,
    CaseLocks locks,
    EngineOptions options,
    TimeProvider time,
    ILogger<CaseEngine> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Opens a case for a valid notification and commits it durably before returning: one insert, after an intake alarm
    /// write unless the id came with its alarm already stored. With an <paramref name="idempotencyKey"/>, a retried submission returns the same case.
    /// </summary>
    public async Task<StartResult> StartAsync(Notification notification, string notificationJson, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Only a submission with an Idempotency-Key can be retried onto the same case, so only then is its hash kept.
        var bodyHash = idempotencyKey is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notificationJson)));
        // A retry must find its case again, so an Idempotency-Key decides the id; otherwise the id comes with an intake
        // alarm that is usually stored already (spare ids of the last intake row), and intake is a single insert.
        var (caseId, reserved) = idempotencyKey is null
            ? await store.ReserveNewCaseAsync(now, LeaseForPoke(now), cancellationToken)
            : (CaseIds.FromIdempotencyKey(idempotencyKey), (AlarmKey?)null);

        var childKeys = (notification.Children ?? [])
            .Select(c => PersonalIdentityCode.TryParse(c.IdentityCode, out var code) ? code : null)
            .OfType<PersonalIdentityCode>()
            .Select(children.KeyOf)
            .Distinct()
            .ToList();
        // The case goes to the team of the (first) child's home region; the family's case is handled in one place.
        var team = routing.Route(notification.Children?.FirstOrDefault()?.HomeMunicipality);

        var opened = workflow.Open(caseId, new NotificationReceived(notification, team, childKeys) { Actor = "notifier" }, now);
        var created = await store.CreateAsync(opened, notificationJson, bodyHash, now, LeaseForPoke(now), reserved, cancellationToken);
        if (created is null)
        {
            var existing = await store.GetStateAsync(caseId, cancellationToken);
            return new StartResult(caseId, existing?.BodyHash == bodyHash ? StartOutcome.AlreadyExists : StartOutcome.KeyReused);
        }

        cache.Put(created);
        logger.LogInformation("Case {CaseId} opened for team {TeamId}; {Emails} emails queued", caseId, team.Id, opened.Emails.Count);
        Poke(caseId);
        return new StartResult(caseId, StartOutcome.Created);
    }

    /// <summary>
    /// Raises an event on a case (staff actions, partner answers, terminate). Null when the case does not exist.
    /// The emails the event causes are sent before its commit, which records them as sent; any that cannot be sent
    /// in time stay in the outbox (committed with the event) for the poke and the sweep. A crash between sending
    /// and committing means the caller gets no answer and retries — an email may go twice, none is lost.
    /// </summary>
    public async Task<WorkflowOutcome?> RaiseAsync(string caseId, CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(caseId, cancellationToken);
        var sentThisCall = new HashSet<string>();
        for (var attempt = 1; ; attempt++)
        {
            var cached = attempt == 1 ? cache.Get(caseId) : null;
            var copy = cached ?? await store.LoadAsync(caseId, cancellationToken);
            if (copy is null) return null;
            var now = time.GetUtcNow();
            var outcome = workflow.Apply(copy.State, caseEvent, now);
            if (outcome is not WorkflowStep step)
            {
                if (cached is not null) { cache.Evict(caseId); continue; } // decide a refusal on fresh state only
                return outcome;
            }
            copy.Apply(step);
            if (copy.Outbox.Count > 0) await SendInlineAsync(copy, sentThisCall, cancellationToken);
            try
            {
                await store.CommitAsync(copy, now, null, LeaseForPoke(now), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                cache.Evict(caseId);
                continue; // someone else changed the case: decide again on the fresh state
            }
            cache.Put(copy);
            if (copy.HasImmediateWork) Poke(caseId);
            return outcome;
        }
    }

    /// <summary>
    /// Does whatever is due for a case, in one commit: fires its due timers through the workflow, links it to open
    /// cases of the same child, and delivers its outbox. Emails go out before the commit that records them as sent,
    /// so a crash in between means an email sent twice, never one lost. Safe to run at any time and from several
    /// instances (ETag-guarded); with nothing due it changes nothing. Alarm rows the case moves off are deleted after the
    /// commit, or with <paramref name="releaseLater"/> left for the caller to delete (<see cref="AlarmIndex.DeleteReleasedAsync"/>).
    /// </summary>
    public async Task<RunResult> RunAsync(string caseId, CancellationToken cancellationToken, bool releaseLater = false)
    {
        var (result, linked) = await RunLockedAsync(caseId, releaseLater, cancellationToken);
        // Outside this case's lock: the other case's lock may be the same stripe, and locks are not re-entrant.
        foreach (var other in linked) await TryTellLinkedCaseAsync(other, caseId, cancellationToken);
        return result;
    }

    private async Task<(RunResult Result, IReadOnlyList<string> Linked)> RunLockedAsync(string caseId, bool releaseLater,
        CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(caseId, cancellationToken);
        var sentThisRun = new HashSet<string>(); // survives an ETag retry, so a retry does not send the same email again
        for (var attempt = 1; ; attempt++)
        {
            var copy = (attempt == 1 ? cache.Get(caseId) : null) ?? await store.LoadAsync(caseId, cancellationToken);
            if (copy is null) return (new RunResult(false, CaseAlarms.None), []);
            var now = time.GetUtcNow();
            try
            {
                FireDueTimers(copy, now);
                var linked = await LinkChildrenAsync(copy, now, cancellationToken);
                var retryAt = await DeliverOutboxAsync(copy, sentThisRun, now, cancellationToken);
                if (copy.HasChanges || !CaseStore.AlarmsInPlace(copy, retryAt))
                    await store.CommitAsync(copy, now, retryAt, null, cancellationToken, releaseLater);
                cache.Put(copy);
                return (new RunResult(true, copy.Alarms), linked);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                cache.Evict(caseId); // another instance changed the case meanwhile: start over from what is stored
            }
        }
    }

    /// <summary>
    /// Fires due timers one at a time, earliest first, re-reading the pending set after each: a timer cancelled by an
    /// earlier one in the same run does not fire, and one it sets that is already due does. Bounded, so a rule that
    /// kept setting due timers could not spin.
    /// </summary>
    private void FireDueTimers(CaseWorkingCopy copy, DateTimeOffset now)
    {
        for (var fired = 0; fired < 100; fired++)
        {
            var timer = copy.Timers.Values.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ThenBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault();
            if (timer is null) break;
            copy.RemoveTimer(timer.Name);
            if (workflow.Apply(copy.State, new TimerFired(timer.Name), now) is WorkflowStep step)
                copy.Apply(step);
        }
    }

    /// <summary>
    /// THL: a new notification about a child with an open case is linked to it. The lookup happens here, on the
    /// case's first run, rather than on the intake path. Each case registers itself before it looks, so of two
    /// notifications about the same child arriving together at least one finds the other; linking is idempotent and
    /// recorded on both cases, so it does not matter which. Returns the open cases found, to be told after the commit.
    /// </summary>
    private async Task<IReadOnlyList<string>> LinkChildrenAsync(CaseWorkingCopy copy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = copy.State.PendingChildKeys;
        if (keys.Count == 0) return [];
        await children.RegisterAsync(keys, copy.State.CaseId, cancellationToken);
        var open = new List<string>();
        foreach (var candidate in await children.CasesOfAsync(keys, cancellationToken))
            if (candidate != copy.State.CaseId && await store.GetStateAsync(candidate, cancellationToken) is { State.RuntimeStatus: RuntimeStatus.Running })
                open.Add(candidate);
        if (workflow.Apply(copy.State, new ChildIndexChecked(open), now) is WorkflowStep step) copy.Apply(step);
        return open;
    }

    /// <summary>Sends the outbox within <see cref="EngineOptions.InlineSendTimeout"/>; what fails or is late stays in it.</summary>
    private async Task SendInlineAsync(CaseWorkingCopy copy, HashSet<string> sent, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.InlineSendTimeout);
        foreach (var email in copy.Outbox.ToList())
        {
            try
            {
                if (sent.Add(email.Id)) await emailSender.SendAsync(email, timeout.Token);
                copy.MarkSent(email, time.GetUtcNow());
                logger.LogInformation("Sent {Kind} email {EmailId}", email.Kind, email.Id);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                sent.Remove(email.Id);
                logger.LogWarning("Sending {Kind} email {EmailId} with the event failed ({Error}); it waits in the outbox", email.Kind, email.Id, e.GetType().Name);
                return;
            }
        }
    }

    /// <summary>Sends the outbox; returns when to try again if an email could not be sent.</summary>
    private async Task<DateTimeOffset?> DeliverOutboxAsync(CaseWorkingCopy copy, HashSet<string> sentThisRun, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var email in copy.Outbox.ToList())
        {
            try
            {
                if (sentThisRun.Add(email.Id)) await emailSender.SendAsync(email, cancellationToken);
                copy.MarkSent(email, time.GetUtcNow());
                logger.LogInformation("Sent {Kind} email {EmailId}", email.Kind, email.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sentThisRun.Remove(email.Id);
                // The email stays in the outbox; the case wakes again later. No address or content in the log.
                logger.LogWarning("Delivery of {Kind} email {EmailId} failed ({Error}); retrying later", email.Kind, email.Id, e.GetType().Name);
                return now + options.SendRetryDelay;
            }
        }
        return null;
    }

    private async Task TryTellLinkedCaseAsync(string linkedId, string newCaseId, CancellationToken cancellationToken)
    {
        try
        {
            await RaiseAsync(linkedId, new RelatedNotificationReceived(newCaseId), cancellationToken);
        }
        catch (RequestFailedException e)
        {
            // The new case already records the link; the old case learns of it when staff open the new one.
            logger.LogWarning("Could not record the link from case {NewCaseId} on case {CaseId} ({Status})", newCaseId, linkedId, e.Status);
        }
    }

    /// <summary>
    /// When this instance will do the immediate work itself (the poke), the immediate alarm is written already leased
    /// to it, so other instances' sweepers leave it alone unless this one dies first.
    /// </summary>
    private AlarmLease? LeaseForPoke(DateTimeOffset now) =>
        options.PokeAfterChange ? new AlarmLease(now + options.LeaseDuration, options.InstanceId) : null;

    private void Poke(string caseId)
    {
        if (options.PokeAfterChange) pokes.Poke(caseId);
    }
}
