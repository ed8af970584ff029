using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using System.Diagnostics;
using LumoFlow.App.Hosting;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.App.Email;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Checks;

/// <summary>Settings of the daily check (<c>LumoFlow:Checks</c>).</summary>
/// <param name="AdminEmail">Where the findings go; none, no email (the dashboard still shows them).</param>
/// <param name="Language">The language of that email.</param>
/// <param name="MorningAt">When, Helsinki time, the check runs on a working day.</param>
public sealed record CheckOptions(string? AdminEmail = null, string Language = "fi", TimeOnly? MorningAt = null)
{
    public TimeOnly RunsAt => MorningAt ?? new TimeOnly(7, 0);
}

/// <summary>What one run of the check found and set right.</summary>
/// <param name="Mended">
/// What it did: <c>restarted</c> (an instance started again from the record), <c>woken</c> (a case whose timer had not
/// fired), <c>emailSent</c>.
/// </param>
public sealed record CheckReport(DateTimeOffset CheckedAt, IReadOnlyList<CheckFinding> Findings, IReadOnlyList<CheckMend> Mended);

public sealed record CheckMend(string CaseId, string Action);

/// <summary>
/// Runs the daily deadline check (<see cref="DailyCheck"/>: the rules are there) against the case index, the records
/// and the engine, mends what it can, keeps the report in the <c>DeadlineChecks</c> table and emails the findings to the
/// administrators' address. Every working morning (<see cref="RunIfDueAsync"/>, called by a timer in both hosts; a
/// day's run is claimed by one instance) and on demand (<c>POST /api/admin/checks/deadlines</c>).
/// </summary>
public sealed class DeadlineChecks(CaseIndex index, CaseRecords records, LumoFlowTables tables, DailyCheck rules, EmailDelivery delivery,
    OnCallAlerts onCall, IEmailSender emailSender, WorkflowOptions workflowOptions, CheckOptions options, WorkingDayCalendar calendar,
    TimeProvider time, ILogger<DeadlineChecks> logger)
{
    private const string RunsPartition = "runs";
    private const string DailyPartition = "daily";

    /// <summary>Statuses under which the engine has the case: a restart must never start a second instance over them.</summary>
    private static readonly IReadOnlyList<OrchestrationRuntimeStatus> Live =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Runs the check if this working morning's run has not been done yet (by this or another instance).</summary>
    public async Task<CheckReport?> RunIfDueAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = HelsinkiTime.LocalDate(now);
        if (!calendar.IsWorkingDay(today) || now < HelsinkiTime.AtLocalTime(today, options.RunsAt)) return null;
        var claim = new TableEntity(DailyPartition, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { ["ClaimedAt"] = now };
        try { await tables.DeadlineChecks.AddEntityAsync(claim, cancellationToken); }
        catch (RequestFailedException e) when (e.Status == 409) { return null; } // done today already, here or elsewhere
        try
        {
            return await RunAsync(durable, "system", cancellationToken);
        }
        catch
        {
            // A run that failed has not checked anything: let the next tick (or another instance) try again today.
            await tables.DeadlineChecks.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, cancellationToken: CancellationToken.None);
            throw;
        }
    }

    /// <summary>One run: find, mend, keep the report, email the findings.</summary>
    public async Task<CheckReport> RunAsync(DurableTaskClient durable, string by, CancellationToken cancellationToken)
    {
        using var span = LumoFlowTelemetry.Start("lumoflow.deadline_check");
        try
        {
            var report = await CheckAsync(durable, by, cancellationToken);
            // Every code each run, 0 included, so that an alert on the findings sees the series even on a good day.
            foreach (var code in DailyCheck.Codes)
                LumoFlowTelemetry.DeadlineCheckFindings.Add(report.Findings.Count(f => f.Code == code),
                    new KeyValuePair<string, object?>(LumoFlowTelemetry.FindingTag, LumoFlowTelemetry.FindingCode(code)));
            span?.SetTag("lumoflow.findings", report.Findings.Count);
            span?.SetTag("lumoflow.mended", report.Mended.Count);
            return report;
        }
        catch (Exception e)
        {
            LumoFlowTelemetry.Failed(span, e);
            throw;
        }
    }

    private async Task<CheckReport> CheckAsync(DurableTaskClient durable, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var findings = new List<CheckFinding>();
        var mended = new List<CheckMend>();

        var open = await index.QueryAsync("RuntimeStatus eq 'Running'", cancellationToken);
        var engine = await LiveInstancesAsync(durable, cancellationToken);
        var nextTimers = await NextTimersAsync(cancellationToken);
        var restarted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in open)
        {
            var c = row.Overview;
            var (state, since) = engine.TryGetValue(c.CaseId, out var live)
                ? (live, (DateTimeOffset?)null)
                : await EngineStateAsync(durable, c.CaseId, cancellationToken);
            findings.AddRange(rules.Of(c, state, since, now));

            if (state is EngineState.Failed or EngineState.Terminated or EngineState.Completed or EngineState.Missing)
            {
                if (await RestartAsync(durable, c.CaseId, cancellationToken))
                {
                    restarted.Add(c.CaseId);
                    mended.Add(new(c.CaseId, "restarted"));
                }
            }
            else if (state == EngineState.Live && DailyCheck.OverdueTimer(c, nextTimers.GetValueOrDefault(c.CaseId), now) is not null)
            {
                // A suspended case is left as an administrator left it; a live one whose timer did not fire is woken.
                await durable.RaiseEventAsync(c.CaseId, CaseOrchestration.EventName,
                    CaseEventMessage.From(new WokenByCheck(await TimerOfAsync(c.CaseId, cancellationToken)) { Actor = "deadline-check" }), cancellationToken);
                mended.Add(new(c.CaseId, "woken"));
            }
        }

        foreach (var (caseId, emailId, queuedAt, held) in await UnsentEmailsAsync(now, cancellationToken))
        {
            if (held is { } h)
            {
                // Held for on-call's hourly summary: late only when the summary is (DailyCheck.OfHeldEmail).
                if (DailyCheck.OfHeldEmail(caseId, queuedAt, h.Until, now) is not { } late) continue;
                var settled = await onCall.SettleAsync(caseId, emailId, h.For, cancellationToken);
                if (settled == HeldEmail.AlreadySummarised) continue; // it went out; only its row was not marked
                findings.Add(late);
                if (settled == HeldEmail.SummarySent) mended.Add(new(caseId, "emailSent"));
                continue;
            }
            if (DailyCheck.OfEmail(caseId, queuedAt, now) is not { } stuck) continue;
            findings.Add(stuck);
            if (restarted.Contains(caseId)) continue; // the restarted instance sends it
            try
            {
                await delivery.DeliverAsync(new SendEmailInput(caseId, emailId), cancellationToken);
                mended.Add(new(caseId, "emailSent"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("The daily check could not send email {EmailId} of case {CaseId} ({Error})", emailId, caseId, e.GetType().Name);
            }
        }

        var report = new CheckReport(now, [.. findings.OrderBy(f => f.CaseId, StringComparer.Ordinal).ThenBy(f => DailyCheckOrder(f.Code))], mended);
        await KeepAsync(report, by, cancellationToken);
        await EmailAsync(report, cancellationToken);
        logger.LogInformation("Deadline check: {Findings} findings, {Mended} mended", report.Findings.Count, report.Mended.Count);
        return report;
    }

    /// <summary>The newest report, for the dashboard; null before the first run.</summary>
    public async Task<CheckReport?> LatestAsync(CancellationToken cancellationToken)
    {
        var newestFirst = tables.DeadlineChecks.QueryAsync<TableEntity>($"PartitionKey eq '{RunsPartition}'", maxPerPage: 1, cancellationToken: cancellationToken);
        await foreach (var row in newestFirst)
            return JsonSerializer.Deserialize<CheckReport>(ChunkedText.Read(row, "Report"), LumoFlowJson.Options);
        return null;
    }

    private static int DailyCheckOrder(string code) => DailyCheck.Codes.ToList().IndexOf(code);

    /// <summary>The instances the engine holds as running, pending or suspended: one query, not one read per case.</summary>
    private static async Task<Dictionary<string, EngineState>> LiveInstancesAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var live = new Dictionary<string, EngineState>(StringComparer.Ordinal);
        var query = new OrchestrationQuery { Statuses = Live, FetchInputsAndOutputs = false, PageSize = 1000 };
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            live[instance.InstanceId] = instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended ? EngineState.Suspended : EngineState.Live;
        return live;
    }

    /// <summary>An open case the engine does not hold as live: how it holds it, and since when.</summary>
    private static async Task<(EngineState, DateTimeOffset?)> EngineStateAsync(DurableTaskClient durable, string caseId, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken);
        return instance is null
            ? (EngineState.Missing, null)
            : (instance.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Failed => EngineState.Failed,
                OrchestrationRuntimeStatus.Terminated => EngineState.Terminated,
                OrchestrationRuntimeStatus.Completed => EngineState.Completed,
                OrchestrationRuntimeStatus.Suspended => EngineState.Suspended,
                _ => EngineState.Live, // it started a moment ago, or is between generations
            }, instance.LastUpdatedAt);
    }

    /// <summary>
    /// Starts the case's orchestration again from its record: the state and pending timers as recorded (what came due
    /// meanwhile fires at once), the outbox emails not sent yet, and the staff requests the stopped instance never
    /// applied. Only over an instance that has ended or is missing.
    /// </summary>
    private async Task<bool> RestartAsync(DurableTaskClient durable, string caseId, CancellationToken cancellationToken)
    {
        var (snapshot, pending) = await records.GetWithPendingRequestsAsync(caseId, cancellationToken);
        if (snapshot is not { State.IsOpen: true }) return false;
        var unsent = new List<SendEmailInput>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and RowKey ge {CaseRows.EmailPrefix} and RowKey lt {"email."} and Status ne {nameof(OutboxStatus.Sent)}")
            + " and Status ne 'Summarised' and Status ne 'Held'"; // held: the hour's summary sends it
        await foreach (var email in tables.Cases.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            unsent.Add(new SendEmailInput(caseId, email.RowKey[CaseRows.EmailPrefix.Length..]));

        var input = new CaseOrchestrationInput(snapshot.Case, Undelivered: unsent.Count > 0 ? unsent : null, RecordedAs: snapshot.ETag.ToString());
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(CaseOrchestration.Name, input,
                new StartOrchestrationOptions(caseId) { Version = CaseOrchestration.Version, DedupeStatuses = [.. Live.Select(s => s.ToString())] },
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The daily check could not restart case {CaseId} ({Error})", caseId, e.GetType().Name);
            return false;
        }
        foreach (var request in pending)
            await durable.RaiseEventAsync(caseId, CaseOrchestration.EventName, request.Message, cancellationToken);
        logger.LogWarning("The daily check restarted case {CaseId} from its record", caseId);
        return true;
    }

    /// <summary>Each open case's earliest pending timer, as its record has it.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> NextTimersAsync(CancellationToken cancellationToken)
    {
        var next = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var filter = $"RowKey eq '{CaseRows.State}' and RuntimeStatus eq 'Running'";
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "NextTimer"], cancellationToken: cancellationToken))
            if (row.GetDateTimeOffset("NextTimer") is { } due)
                next[row.PartitionKey] = due;
        return next;
    }

    private async Task<string> TimerOfAsync(string caseId, CancellationToken cancellationToken) =>
        (await records.GetAsync(caseId, cancellationToken))?.Case.Timers.Earliest?.Name ?? "";

    /// <summary>
    /// Outbox emails not sent and queued over <see cref="DailyCheck.EmailStuckAfter"/> ago, across cases; for one held
    /// for on-call's hourly summary, which summary (<c>{hour}/{team}</c>) and when it is due.
    /// </summary>
    private async Task<List<(string CaseId, string EmailId, DateTimeOffset QueuedAt, (string For, DateTimeOffset Until)? Held)>> UnsentEmailsAsync(
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = (now - DailyCheck.EmailStuckAfter).UtcDateTime;
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {CaseRows.EmailPrefix} and RowKey lt {"email."} and Status ne {nameof(OutboxStatus.Sent)} and QueuedAt lt {before}")
            + " and Status ne 'Summarised'";
        var unsent = new List<(string, string, DateTimeOffset, (string, DateTimeOffset)?)>();
        var rows = tables.Cases.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "QueuedAt", "Status", "HeldFor", "HeldUntil"],
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
            unsent.Add((row.PartitionKey, row.RowKey[CaseRows.EmailPrefix.Length..], row.GetDateTimeOffset("QueuedAt")!.Value,
                CaseRows.StatusOf(row) == OutboxStatus.Held && row.GetString("HeldFor") is { } heldFor && row.GetDateTimeOffset("HeldUntil") is { } until
                    ? (heldFor, until) : null));
        return unsent;
    }

    private async Task KeepAsync(CheckReport report, string by, CancellationToken cancellationToken)
    {
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - report.CheckedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var row = new TableEntity(RunsPartition, $"{newestFirst}-{Guid.NewGuid():N}")
        {
            ["CheckedAt"] = report.CheckedAt,
            ["By"] = by,
            ["Findings"] = report.Findings.Count,
        };
        ChunkedText.Write(row, JsonSerializer.Serialize(report, LumoFlowJson.Options), "Report");
        await tables.DeadlineChecks.AddEntityAsync(row, cancellationToken);
    }

    /// <summary>The findings to the administrators' address: ids, codes and times only. Nothing found, nothing sent.</summary>
    private async Task EmailAsync(CheckReport report, CancellationToken cancellationToken)
    {
        if (report.Findings.Count == 0) return;
        if (string.IsNullOrWhiteSpace(options.AdminEmail))
        {
            logger.LogWarning("The deadline check found {Findings} findings, and LumoFlow:Checks:AdminEmail is not set", report.Findings.Count);
            return;
        }
        var text = CheckReportText.Of(options.Language, report.CheckedAt, report.Findings,
            [.. report.Mended.Select(m => $"{m.CaseId}  {m.Action}")], $"{workflowOptions.PublicBaseUrl.TrimEnd('/')}/admin");
        var id = $"check-{report.CheckedAt.UtcTicks}";
        try
        {
            var email = new LumoFlow.Domain.Messaging.Email(id, options.AdminEmail.Trim(), text.Subject, text.Body, "DeadlineCheck");
            await emailSender.SendAsync(email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The report is kept and the dashboard shows it; tomorrow's run emails again.
            logger.LogWarning("The deadline check's email {EmailId} failed ({Error})", id, e.GetType().Name);
        }
    }
}
