using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LumoFlow.App.Records;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Email;

/// <summary>
/// On-call's hourly cap on URGENT emails (<see cref="OnCallCap"/>: the rules), kept where every instance and every
/// case sees it: the <c>OnCallAlerts</c> table. The workflow is pure and knows one case, so it queues each alert in the
/// case's outbox as before; the email's delivery (<see cref="EmailDelivery"/>) asks <see cref="HoldAsync"/> first.
/// <list type="bullet">
/// <item>A counter row per hour and team (partition <c>yyyyMMddHH</c>, UTC; row: the team id) counts the URGENT emails
/// sent one by one. It is written under its ETag (optimistic concurrency): two deliveries at once never both take the
/// last place.</item>
/// <item>Past the cap, the delivery writes a marker row for the email (row <c>{team}~{emailId}</c>, with the case id and
/// the kind) in the same transaction as the counter's "summary pending", and only then marks the outbox row
/// <c>Held</c>. A crash in between leaves the marker; the retried delivery finds the cap still full and holds it again
/// (the marker is written over, not doubled).</item>
/// <item>When the hour is over (<see cref="OnCallCap.SummaryDue"/>), <see cref="SendDueSummariesAsync"/> (a timer in both
/// hosts, every minute) claims the counter under its ETag, sends one summary listing every marker's case, marks the held
/// outbox rows <c>Summarised</c> and the counter <c>Sent</c>. A failed send releases the claim and is tried again; a
/// crash after sending sends it again under the same id (Message-ID), so a receiving side can drop the copy.</item>
/// <item>An email whose hour's summary has already been claimed is sent on its own: late, it is never dropped.</item>
/// </list>
/// Nothing personal is kept: team ids, case and email ids, kinds, times, and the on-call address the summary goes to.
/// </summary>
public sealed class OnCallAlerts(LumoFlowTables tables, IEmailSender sender, OnCallCap cap, RoutingTable routing, WorkflowOptions options,
    TimeProvider time, ILogger<OnCallAlerts> logger)
{
    /// <summary>How far back the timer looks for summaries not sent (an outage longer than this is the daily check's).</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    /// <summary>How long a summary's claim keeps other instances away; longer than any send takes.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    private const int Attempts = 20;
    private const string Summary = "Summary";

    private TableClient Alerts => tables.OnCallAlerts;

    /// <summary>Whether <paramref name="email"/> counts against the cap at all.</summary>
    public bool Applies(LumoFlow.Domain.Messaging.Email email) => cap.Applies(email.Kind);

    /// <summary>
    /// Counts an URGENT email, claimed for delivery, against its team's hour. True when it was held for the hour's summary
    /// (its outbox row now says <c>Held</c>; nothing is to be sent now); false when it is to be sent now.
    /// </summary>
    public async Task<bool> HoldAsync(string caseId, LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken)
    {
        if (!Applies(email)) return false;
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.EmailPrefix + email.Id,
            select: ["TeamId", "CountedIn"], cancellationToken: cancellationToken);
        // An email recorded before the cap has no team to count by; one counted already is being tried again.
        if (!row.HasValue || row.Value!.GetString("TeamId") is not { Length: > 0 } teamId || row.Value.GetString("CountedIn") is not null)
            return false;

        var now = time.GetUtcNow();
        var hour = OnCallCap.HourKey(now);
        var due = OnCallCap.SummaryDue(now);
        var held = await CountAsync(hour, teamId, caseId, email, due, cancellationToken);
        var mark = new TableEntity(caseId, CaseRows.EmailPrefix + email.Id);
        if (held)
        {
            mark["Status"] = nameof(OutboxStatus.Held);
            mark["HeldFor"] = $"{hour}/{teamId}";
            mark["HeldUntil"] = due;
            mark["HeldAt"] = now;
        }
        else
        {
            mark["CountedIn"] = hour;
        }
        await tables.Cases.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken);
        if (held)
            logger.LogWarning("On-call's hourly cap of {Cap} is reached for team {TeamId}: {Kind} email {EmailId} goes in the summary of hour {Hour}",
                cap.PerHour, teamId, email.Kind, email.Id, hour);
        return held;
    }

    /// <summary>Takes a place in the hour's count (false), or holds the email for the hour's summary (true).</summary>
    private async Task<bool> CountAsync(string hour, string teamId, string caseId, LumoFlow.Domain.Messaging.Email email, DateTimeOffset due,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var found = await Alerts.GetEntityIfExistsAsync<TableEntity>(hour, teamId, cancellationToken: cancellationToken);
                if (!found.HasValue)
                {
                    await Alerts.AddEntityAsync(new TableEntity(hour, teamId) { ["Sent"] = 1, [Summary] = "None" }, cancellationToken);
                    return false;
                }
                var counter = found.Value!;
                // The hour's summary is gone (or going): this one is sent on its own rather than missed.
                if (counter.GetString(Summary) is "Sending" or "Sent") return false;
                var sent = counter.GetInt32("Sent") ?? 0;
                if (sent < cap.PerHour)
                {
                    var counted = new TableEntity(hour, teamId) { ["Sent"] = sent + 1 };
                    await Alerts.UpdateEntityAsync(counted, counter.ETag, TableUpdateMode.Merge, cancellationToken);
                    return false;
                }
                var pending = new TableEntity(hour, teamId) { [Summary] = "Pending", ["SummaryDue"] = due, ["To"] = counter.GetString("To") ?? email.To };
                var marker = new TableEntity(hour, $"{teamId}~{email.Id}") { ["CaseId"] = caseId, ["EmailId"] = email.Id, ["Kind"] = email.Kind };
                await Alerts.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.UpdateMerge, pending, counter.ETag),
                    new(TableTransactionActionType.UpsertReplace, marker),
                ], cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (attempt < Attempts && e.Status is 409 or 412)
            {
                // Another delivery counted first: count again from what it left.
            }
        }
    }

    /// <summary>Sends every summary whose hour is over and that is not sent yet (within <see cref="LookBack"/>). Returns how many went.</summary>
    /// <param name="now">The time to go by; the clock's when not given.</param>
    public async Task<int> SendDueSummariesAsync(CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        var at = now ?? time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {OnCallCap.HourKey(at - LookBack)} and PartitionKey le {OnCallCap.HourKey(at)}")
            + " and (Summary eq 'Pending' or Summary eq 'Sending')";
        var sent = 0;
        await foreach (var counter in Alerts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (await SendSummaryAsync(counter, at, cancellationToken))
                sent++;
        return sent;
    }

    /// <summary>
    /// For the daily check: the summary an email held for <paramref name="heldFor"/> (<c>{hour}/{team}</c>) waits for —
    /// already sent (the outbox row is then marked, as it should have been), or sent now if due, or still not sent.
    /// </summary>
    public async Task<HeldEmail> SettleAsync(string caseId, string emailId, string heldFor, CancellationToken cancellationToken)
    {
        var (hour, teamId) = (heldFor.Split('/')[0], heldFor.Split('/')[^1]);
        var counter = await Alerts.GetEntityIfExistsAsync<TableEntity>(hour, teamId, cancellationToken: cancellationToken);
        if (counter.HasValue && counter.Value!.GetString(Summary) == "Sent")
        {
            await MarkSummarisedAsync(caseId, emailId, counter.Value.GetDateTimeOffset("SummarySentAt") ?? time.GetUtcNow(), cancellationToken);
            return HeldEmail.AlreadySummarised;
        }
        return counter.HasValue && await SendSummaryAsync(counter.Value!, time.GetUtcNow(), cancellationToken) ? HeldEmail.SummarySent : HeldEmail.NotSent;
    }

    private async Task<bool> SendSummaryAsync(TableEntity counter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (hour, teamId) = (counter.PartitionKey, counter.RowKey);
        if (counter.GetString(Summary) is not ("Pending" or "Sending") || counter.GetDateTimeOffset("SummaryDue") > now) return false;
        if (counter.GetString(Summary) == "Sending" && counter.GetDateTimeOffset("ClaimedUntil") > now) return false; // another instance sends it
        ETag claimed;
        try
        {
            var claim = new TableEntity(hour, teamId) { [Summary] = "Sending", ["ClaimedUntil"] = now + ClaimDuration };
            claimed = (await Alerts.UpdateEntityAsync(claim, counter.ETag, TableUpdateMode.Merge, cancellationToken)).Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // another instance got there first
        }

        var markers = new List<(string CaseId, string EmailId, string Kind)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {hour} and RowKey gt {teamId + "~"} and RowKey lt {teamId + "~~"}");
        await foreach (var marker in Alerts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            markers.Add((marker.GetString("CaseId"), marker.GetString("EmailId"), marker.GetString("Kind")));
        var team = routing.Teams.FirstOrDefault(t => t.Id == teamId);
        var text = OnCallSummary.Text(team?.Language ?? "fi", OnCallCap.HourOfKey(hour), cap.PerHour,
            [.. markers.OrderBy(m => m.EmailId, StringComparer.Ordinal).Select(m => new HeldNotice(m.CaseId, m.Kind))], options.CaseLink);
        var email = new LumoFlow.Domain.Messaging.Email($"oncall-summary-{teamId}-{hour}", counter.GetString("To") ?? team?.OnCallEmail ?? "",
            text.Subject, text.Body, OnCallSummary.Kind);
        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("On-call's summary {EmailId} failed ({Error}); it is tried again", email.Id, e.GetType().Name);
            await ReleaseAsync(hour, teamId, claimed);
            return false;
        }

        var sentAt = time.GetUtcNow();
        foreach (var (caseId, emailId, _) in markers) await MarkSummarisedAsync(caseId, emailId, sentAt, cancellationToken);
        var done = new TableEntity(hour, teamId) { [Summary] = "Sent", ["SummarySentAt"] = sentAt, ["Held"] = markers.Count };
        await Alerts.UpdateEntityAsync(done, ETag.All, TableUpdateMode.Merge, cancellationToken);
        logger.LogInformation("Sent on-call's summary {EmailId} of {Count} held URGENT emails", email.Id, markers.Count);
        return true;
    }

    private async Task MarkSummarisedAsync(string caseId, string emailId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var row = new TableEntity(caseId, CaseRows.EmailPrefix + emailId)
        {
            ["Status"] = nameof(OutboxStatus.Summarised),
            ["SentAt"] = sentAt,
        };
        try
        {
            await tables.Cases.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The case's rows are gone (purged): nothing to mark.
        }
    }

    private async Task ReleaseAsync(string hour, string teamId, ETag claimed)
    {
        try
        {
            await Alerts.UpdateEntityAsync(new TableEntity(hour, teamId) { [Summary] = "Pending" }, claimed, TableUpdateMode.Merge);
        }
        catch (RequestFailedException)
        {
            // The claim runs out by itself.
        }
    }

    /// <summary>The settings of the cap, <c>LumoFlow:Urgency:OnCallEmailsPerHour</c> (default 10; 0: no cap).</summary>
    public static OnCallCap Read(Microsoft.Extensions.Configuration.IConfiguration lumoFlow) =>
        new(int.TryParse(lumoFlow["Urgency:OnCallEmailsPerHour"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var perHour)
            ? perHour : OnCallCap.DefaultPerHour);
}

/// <summary>What became of a held email's summary when the daily check looked.</summary>
public enum HeldEmail { NotSent, SummarySent, AlreadySummarised }
