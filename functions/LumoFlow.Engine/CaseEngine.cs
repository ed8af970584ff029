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

/// <summary>What running a case left behind: whether it exists, and where its alarm now is.</summary>
public sealed record RunResult(bool Found, AlarmKey? Alarm);

/// <summary>
/// Applies the workflow to stored cases. It decides nothing itself: every decision is the pure
/// <see cref="CaseWorkflow"/>'s; the engine loads, applies, commits atomically, sends the outbox, and sets the alarm.
/// </summary>
public sealed class CaseEngine(
    CaseStore store,
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
    /// Opens a case for a valid notification and commits it durably before returning.
    /// With an <paramref name="idempotencyKey"/>, a retried submission returns the same case.
    /// </summary>
    public async Task<StartResult> StartAsync(Notification notification, string notificationJson, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bodyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notificationJson)));
        var caseId = idempotencyKey is null ? CaseIds.New() : CaseIds.FromIdempotencyKey(idempotencyKey);

        var childKeys = (notification.Children ?? [])
            .Select(c => PersonalIdentityCode.TryParse(c.IdentityCode, out var code) ? code : null)
            .OfType<PersonalIdentityCode>()
            .Select(children.KeyOf)
            .ToList();
        var linked = childKeys.Count == 0 ? [] : await OpenCasesAsync(await children.CasesOfAsync(childKeys, cancellationToken), caseId, cancellationToken);
        // The case goes to the team of the (first) child's home region; the family's case is handled in one place.
        var team = routing.Route(notification.Children?.FirstOrDefault()?.HomeMunicipality);

        var opened = workflow.Open(caseId, new NotificationReceived(notification, team, linked) { Actor = "notifier" }, now);
        if (childKeys.Count > 0) await children.RegisterAsync(childKeys, caseId, cancellationToken);

        if (!await store.CreateAsync(opened, notificationJson, bodyHash, now, LeaseForPoke(opened.Emails.Count > 0, now), cancellationToken))
        {
            var existing = await store.GetStateAsync(caseId, cancellationToken);
            return new StartResult(caseId, existing?.BodyHash == bodyHash ? StartOutcome.AlreadyExists : StartOutcome.KeyReused);
        }

        logger.LogInformation("Case {CaseId} opened for team {TeamId}; {Emails} emails queued", caseId, team.Id, opened.Emails.Count);
        foreach (var linkedId in linked)
            await TryTellLinkedCaseAsync(linkedId, caseId, cancellationToken);
        Poke(caseId);
        return new StartResult(caseId, StartOutcome.Created);
    }

    /// <summary>
    /// Raises an event on a case (staff actions, terminate). Null when the case does not exist.
    /// </summary>
    public async Task<WorkflowOutcome?> RaiseAsync(string caseId, CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(caseId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var copy = await store.LoadAsync(caseId, cancellationToken);
            if (copy is null) return null;
            var now = time.GetUtcNow();
            var outcome = workflow.Apply(copy.State, caseEvent, now);
            if (outcome is not WorkflowStep step) return outcome;
            copy.Apply(step);
            try
            {
                await store.CommitAsync(copy, copy.NextWake(now), LeaseForPoke(step.Emails.Count > 0, now), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                continue; // someone else changed the case: decide again on the fresh state
            }
            if (step.Emails.Count > 0) Poke(caseId);
            return outcome;
        }
    }

    /// <summary>
    /// Does whatever is due for a case: fires its due timers through the workflow, then delivers its outbox.
    /// Safe to run at any time and from several instances (ETag-guarded); with nothing due it changes nothing.
    /// </summary>
    public async Task<RunResult> RunAsync(string caseId, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(caseId, cancellationToken);
        var sentThisRun = new HashSet<string>(); // survives an ETag retry, so a retry does not send the same email again
        for (var attempt = 1; ; attempt++)
        {
            var copy = await store.LoadAsync(caseId, cancellationToken);
            if (copy is null) return new RunResult(false, null);
            var now = time.GetUtcNow();
            try
            {
                if (FireDueTimers(copy, now))
                {
                    await store.CommitAsync(copy, copy.NextWake(now), null, cancellationToken);
                    if (copy.Outbox.Count == 0) return new RunResult(true, AlarmOf(copy, now));
                    copy = await store.LoadAsync(caseId, cancellationToken) ?? throw new InvalidOperationException("Case vanished.");
                }
                return await DeliverOutboxAsync(copy, sentThisRun, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                // another instance changed the case meanwhile: start over from what is stored
            }
        }
    }

    /// <summary>
    /// Fires due timers one at a time, earliest first, re-reading the pending set after each: a timer cancelled by an
    /// earlier one in the same run does not fire, and one it sets that is already due does. Bounded, so a rule that
    /// kept setting due timers could not spin.
    /// </summary>
    private bool FireDueTimers(CaseWorkingCopy copy, DateTimeOffset now)
    {
        for (var fired = 0; fired < 100; fired++)
        {
            var timer = copy.Timers.Values.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ThenBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault();
            if (timer is null) break;
            copy.RemoveTimer(timer.Name);
            if (workflow.Apply(copy.State, new TimerFired(timer.Name), now) is WorkflowStep step)
                copy.Apply(step);
        }
        return copy.HasChanges;
    }

    private async Task<RunResult> DeliverOutboxAsync(CaseWorkingCopy copy, HashSet<string> sentThisRun, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? retryAt = null;
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
                retryAt = now + options.SendRetryDelay;
                break;
            }
        }
        var wake = copy.NextWake(now, retryAt);
        if (copy.HasChanges || copy.Alarm != AlarmFor(wake, copy))
            await store.CommitAsync(copy, wake, null, cancellationToken);
        return new RunResult(true, AlarmFor(wake, copy));
    }

    private static AlarmKey? AlarmOf(CaseWorkingCopy copy, DateTimeOffset now) => AlarmFor(copy.NextWake(now), copy);

    private static AlarmKey? AlarmFor(DateTimeOffset? wake, CaseWorkingCopy copy) =>
        wake is { } at ? AlarmKey.For(at, copy.State.CaseId) : null;

    /// <summary>Which of the child's earlier cases are still open; index entries of cases never written are ignored.</summary>
    private async Task<IReadOnlyList<string>> OpenCasesAsync(IReadOnlyList<string> candidates, string self, CancellationToken cancellationToken)
    {
        var open = new List<string>();
        foreach (var candidate in candidates.Where(c => c != self))
            if (await store.GetStateAsync(candidate, cancellationToken) is { State.RuntimeStatus: RuntimeStatus.Running })
                open.Add(candidate);
        return open;
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
    /// When this instance will deliver the new email itself (the poke), its "deliver now" alarm is written already
    /// leased to this instance, so other instances' sweepers leave it alone unless this one dies first.
    /// </summary>
    private AlarmLease? LeaseForPoke(bool hasNewEmail, DateTimeOffset now) =>
        hasNewEmail && options.PokeAfterChange ? new AlarmLease(now + options.LeaseDuration, options.InstanceId) : null;

    private void Poke(string caseId)
    {
        if (options.PokeAfterChange) pokes.Poke(caseId);
    }
}
