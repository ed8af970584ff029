using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using LumoFlow.App.Email;
using LumoFlow.App.Records;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Digest;

/// <summary>
/// Sends the weekly overdue digest (<see cref="OverdueDigest"/>) to each team lead. A timer runs it (the
/// <c>WeeklyDigest</c> timer function in Azure, a background loop locally); it decides itself whether a digest is due.
/// Each team and week has a row in <c>TeamDigests</c>: written as pending with the email before sending and marked sent
/// after, so a crash means a retry on the next run, never a lost digest, and a second instance finds the row and leaves
/// it alone.
/// </summary>
public sealed class WeeklyDigest(LumoFlowTables tables, RoutingTable routing, WorkflowOptions options, IEmailSender emailSender,
    TimeProvider time, ILogger<WeeklyDigest> logger)
{
    private DateOnly _doneForWeek;

    public async Task<int> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var week = OverdueDigest.WeekStarting(now, options.Reminders);
        if (week == _doneForWeek) return 0;

        var overdueByTeam = await OverdueCasesByTeamAsync(cancellationToken);
        var sent = 0;
        foreach (var team in routing.Teams)
            if (await SendOnceAsync(team, week, overdueByTeam.GetValueOrDefault(team.Id) ?? [], cancellationToken))
                sent++;
        _doneForWeek = week;
        return sent;
    }

    private async Task<bool> SendOnceAsync(Team team, DateOnly week, IReadOnlyList<OverdueCase> cases, CancellationToken cancellationToken)
    {
        var rowKey = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var existing = await tables.Digests.GetEntityIfExistsAsync<TableEntity>(team.Id, rowKey, cancellationToken: cancellationToken);
        TableEntity row;
        if (existing.HasValue)
        {
            row = existing.Value!;
            if (row.GetString("Status") != "Pending") return false;
        }
        else
        {
            var text = OverdueDigest.Text(team.Language, team.Name, week, cases, options.CaseLink);
            row = new TableEntity(team.Id, rowKey)
            {
                ["Status"] = cases.Count == 0 ? "Empty" : "Pending",
                ["Cases"] = cases.Count,
                ["Subject"] = text.Subject,
                ["TextBody"] = text.Body,
            };
            try { await tables.Digests.AddEntityAsync(row, cancellationToken); }
            catch (RequestFailedException e) when (e.Status == 409) { return false; } // another instance has it
            if (cases.Count == 0) return false;
            row = (await tables.Digests.GetEntityAsync<TableEntity>(team.Id, rowKey, cancellationToken: cancellationToken)).Value;
        }

        var email = new LumoFlow.Domain.Messaging.Email(
            $"digest-{team.Id}-{rowKey}", team.LeadEmail, row.GetString("Subject"), row.GetString("TextBody"), "OverdueDigest");
        await emailSender.SendAsync(email, cancellationToken);
        row["Status"] = "Sent";
        row["SentAt"] = time.GetUtcNow();
        await tables.Digests.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Sent overdue digest {EmailId} ({Count} cases)", email.Id, row.GetInt32("Cases"));
        return true;
    }

    /// <summary>One scan of the open cases' state rows (a weekly job; the projections keep it to the overdue ones).</summary>
    private async Task<Dictionary<string, List<OverdueCase>>> OverdueCasesByTeamAsync(CancellationToken cancellationToken)
    {
        var byTeam = new Dictionary<string, List<OverdueCase>>();
        var filter = $"RowKey eq '{CaseRows.State}' and RuntimeStatus eq 'Running' and (DecisionOverdue eq true or AssessmentOverdue eq true)";
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var state = CaseRows.ReadStored(row).State;
            if (OverdueDigest.Of(state) is not { } overdue) continue;
            if (!byTeam.TryGetValue(state.TeamId, out var list)) byTeam[state.TeamId] = list = [];
            list.Add(overdue);
        }
        return byTeam;
    }
}
