using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Orchestration;

/// <summary>
/// One case, one Durable orchestration; the instance id is the case id. It reads like the process it runs: what is due
/// fires, what arrived is applied, the record is written and the emails sent; then it waits for the first of a staff
/// event or the case's next deadline. Every decision is the pure <see cref="CaseWorkflow"/>'s — no rule of the law is
/// here — and every piece of I/O is an activity (<see cref="CaseActivities"/>).
/// <para>Durable's code constraints hold: time comes only from <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>,
/// the workflow is a pure function of what the history replays, and each generation handles at most
/// <see cref="WakeUpsPerGeneration"/> wake-ups before it continues as new with the case as its input.</para>
/// <para>Versioning: instances carry <see cref="Version"/>. A change to the order or kind of what this orchestration
/// schedules is a new version: raise <see cref="Version"/>, keep the old path behind
/// <c>context.CompareVersionTo(old) &lt;= 0</c> while instances of it run, and let them move to the new version at their
/// next ContinueAsNew (at most <see cref="WakeUpsPerGeneration"/> wake-ups away). docs/orchestration.md says more.</para>
/// </summary>
public sealed class CaseOrchestration(CaseWorkflow workflow) : TaskOrchestrator<CaseOrchestrationInput, CaseOutcome?>
{
    public const string Name = nameof(CaseOrchestration);

    /// <summary>The one external event a case waits for; its data is a <see cref="CaseEventMessage"/>.</summary>
    public const string EventName = "CaseEvent";

    /// <summary>The orchestration's shape (see the versioning note above).</summary>
    public const string Version = "3";

    /// <summary>Wake-ups per generation: a long case keeps a short Durable history (a few hundred events at most).</summary>
    public const int WakeUpsPerGeneration = 20;

    /// <summary>How long an email that failed every retry waits before the case tries it again.</summary>
    public static readonly TimeSpan UndeliveredRetryAfter = TimeSpan.FromMinutes(15);

    /// <summary>Writing the record is retried for a while; if storage stays down, the instance fails visibly.</summary>
    private static readonly TaskOptions RecordRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2)));

    /// <summary>An email is retried a few times at once, then again after <see cref="UndeliveredRetryAfter"/>.</summary>
    private static readonly TaskOptions EmailRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public override async Task<CaseOutcome?> RunAsync(TaskOrchestrationContext context, CaseOrchestrationInput input)
    {
        var run = new CaseRun(input);
        var wake = new WakeTimer(keepAcrossEvents: context.CompareVersionTo("3") >= 0);
        CaseEventMessage? arrived = null;
        for (var wakeUp = 1; ; wakeUp++)
        {
            var now = Now(context);
            // What came due fires before what arrived after it.
            while (run.Timers.DueAt(now) is { } due)
            {
                run.Fired(due);
                run.Apply((WorkflowStep)workflow.Apply(run.State, new TimerFired(due.Name), now));
            }
            if (arrived is not null) Apply(context, run, arrived, now);
            context.SetCustomStatus(CustomStatus.Of(run.State));
            await RecordAndSendAsync(context, run);

            if (!run.State.IsOpen)
            {
                wake.Cancel(); // Durable ends a generation only when no task of it is open
                return new CaseOutcome(run.State.RuntimeStatus.ToString(), run.State.Outcome);
            }
            if (run.State.PendingChildKeys.Count > 0 && await LinkChildrenAsync(context, run, now))
                await RecordAndSendAsync(context, run);
            if (wakeUp >= WakeUpsPerGeneration)
            {
                await RecordAndSendAsync(context, run);
                wake.Cancel(); // as above: the next generation sets its own timer
                context.ContinueAsNew(new ContinueAsNewOptions { NewInput = run.Next(), NewVersion = Version });
                return null;
            }
            arrived = await NextEventAsync(context, wake, NextWake(run, now));
        }
    }

    /// <summary>
    /// A staff event (or another case's) goes to the workflow; one that no longer applies is recorded as refused. A staff
    /// request the case has already answered is a copy (Durable delivers an event at least once) and changes nothing —
    /// from <see cref="Version"/> "2" on; an instance of version "1" replays as it ran until its next ContinueAsNew.
    /// </summary>
    private void Apply(TaskOrchestrationContext context, CaseRun run, CaseEventMessage message, DateTimeOffset now)
    {
        if (message.RequestId is { } requestId && run.Answered(requestId) && context.CompareVersionTo("2") >= 0) return;
        var caseEvent = message.ToEvent();
        var outcome = workflow.Apply(run.State, caseEvent, now);
        var step = outcome as WorkflowStep ?? CaseWorkflow.RecordRefusal(run.State, caseEvent, (WorkflowRefusal)outcome, now);
        if (message.RequestId is not { } id)
            run.Apply(step);
        else
            run.Answer(step, new RequestOutcome(id, Applied: outcome is WorkflowStep, (outcome as WorkflowRefusal)?.Reason), now);
    }

    /// <summary>Writes what is not recorded yet, then sends the emails it queued (and any that failed before).</summary>
    private static async Task RecordAndSendAsync(TaskOrchestrationContext context, CaseRun run)
    {
        if (run.TakeUnrecorded() is { } update)
        {
            var recorded = await context.CallActivityAsync<RecordedCase>(CaseActivities.RecordCase, update, RecordRetry);
            run.RecordedAs = recorded.ETag;
            run.IndexRecordedAs = recorded.IndexETag;
            run.Undelivered.AddRange(update.Steps.SelectMany(s => s.Emails)
                .Select(e => new SendEmailInput(run.CaseId, e.Id, e, recorded.EmailETags.GetValueOrDefault(e.Id))));
        }
        if (run.Undelivered.Count == 0) return;

        var emails = run.Undelivered.ToList();
        var sent = await Task.WhenAll(emails.Select(email => TrySendAsync(context, email)));
        run.Undelivered.Clear();
        run.Undelivered.AddRange(emails.Where((_, i) => !sent[i]));
    }

    private static async Task<bool> TrySendAsync(TaskOrchestrationContext context, SendEmailInput email)
    {
        try
        {
            await context.CallActivityAsync(CaseActivities.SendEmail, email, EmailRetry);
            return true;
        }
        catch (TaskFailedException)
        {
            context.CreateReplaySafeLogger<CaseOrchestration>().LogWarning(
                "Case {CaseId}: email {EmailId} failed every retry; trying again in {Minutes} minutes",
                email.CaseId, email.EmailId, UndeliveredRetryAfter.TotalMinutes);
            return false;
        }
    }

    /// <summary>
    /// THL: a new notification about a child with an open case is linked to it, never dropped. The child index is
    /// I/O; what a link means is the workflow's. The other cases hear of it too. True when a link was made.
    /// </summary>
    private async Task<bool> LinkChildrenAsync(TaskOrchestrationContext context, CaseRun run, DateTimeOffset now)
    {
        var open = await context.CallActivityAsync<IReadOnlyList<string>>(
            CaseActivities.LinkChildren, new LinkChildrenInput(run.CaseId, run.State.PendingChildKeys), RecordRetry);
        var before = run.State.LinkedCaseIds;
        run.Apply((WorkflowStep)workflow.Apply(run.State, new ChildIndexChecked(open), now));
        var linked = run.State.LinkedCaseIds.Except(before).ToList();
        foreach (var other in linked)
            context.SendEvent(other, EventName, CaseEventMessage.From(new RelatedNotificationReceived(run.CaseId)));
        return linked.Count > 0;
    }

    /// <summary>The first of a staff event and the wake-up time; null when the time came first.</summary>
    private static async Task<CaseEventMessage?> NextEventAsync(TaskOrchestrationContext context, WakeTimer wake, DateTimeOffset? wakeAt)
    {
        using var stopWaiting = new CancellationTokenSource();
        var message = context.WaitForExternalEvent<CaseEventMessage>(EventName, stopWaiting.Token);
        if (wake.For(context, wakeAt) is not { } timer) return await message;
        var first = await Task.WhenAny(message, timer);
        if (first == message)
        {
            wake.EventCameFirst();
            return await message;
        }
        stopWaiting.Cancel(); // the event is not waited for any more
        wake.Fired();
        return null;
    }

    /// <summary>
    /// The Durable timer a generation waits on. Durable cannot take back a timer once scheduled: a cancelled one still
    /// fires at its time and is ignored, and until then the Azure Storage backend keeps it as a queue message. So from
    /// <see cref="Version"/> "3" on a staff event does not cancel the timer: the next wait keeps it as long as it is due
    /// no later than the case's next wake-up. Waking early costs what the cancelled timer's firing cost before — one
    /// wake-up at that time, where nothing is due and the case sets its next timer — and a case no longer leaves one
    /// orphaned timer behind per staff event (at the soak's 20 events/s, thousands of queue messages; they turned out not
    /// to be what limited stock Azurite there, docs/reliability.md, but each is storage work for nothing). Only a sooner
    /// wake-up schedules a new timer. Version "1" and "2" instances cancel the timer
    /// on every event and schedule a new one, as they ran, until their next ContinueAsNew.
    /// </summary>
    private sealed class WakeTimer(bool keepAcrossEvents)
    {
        private DateTimeOffset _at;
        private Task? _timer;
        private CancellationTokenSource? _cancel;

        /// <summary>The timer to wait on for a wake-up at <paramref name="wakeAt"/> (null: none is needed).</summary>
        public Task? For(TaskOrchestrationContext context, DateTimeOffset? wakeAt)
        {
            if (_timer is not null && (wakeAt is null || _at <= wakeAt)) return _timer;
            Cancel();
            if (wakeAt is null) return null;
            _cancel = new CancellationTokenSource();
            _at = wakeAt.Value;
            _timer = context.CreateTimer(wakeAt.Value.UtcDateTime, _cancel.Token);
            return _timer;
        }

        public void EventCameFirst()
        {
            if (!keepAcrossEvents) Cancel();
        }

        public void Fired() => Forget();

        /// <summary>
        /// Cancels the kept timer: before the generation ends (completes or continues as new). DurableTask.Core's
        /// executor ends a generation only when no task is open, and a kept timer is one: left open, the generation
        /// waited for it — with its events — for hours (the first try of version "3", reverted).
        /// </summary>
        public void Cancel()
        {
            _cancel?.Cancel();
            Forget();
        }

        private void Forget()
        {
            _cancel?.Dispose();
            _cancel = null;
            _timer = null;
        }
    }

    /// <summary>The case's next timer, or sooner when an email waits to be tried again.</summary>
    private static DateTimeOffset? NextWake(CaseRun run, DateTimeOffset now)
    {
        var timer = run.Timers.Earliest?.DueAt;
        var retry = run.Undelivered.Count > 0 ? now + UndeliveredRetryAfter : (DateTimeOffset?)null;
        return timer is null ? retry : retry is null ? timer : timer < retry ? timer : retry;
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
