using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LumoFlow.App.Http;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Admin;

/// <summary>Settings of the engine-history retention (<c>LumoFlow:Retention</c>).</summary>
/// <param name="EngineHistoryDays">How many days after a case ends Durable keeps its history (<c>0</c>: purged the next run).</param>
/// <param name="MaxPerRun">How many cases one day's run purges at most; the rest wait for the next day's.</param>
/// <param name="RunsAt">From when, Helsinki time, the day's run is due.</param>
public sealed record RetentionOptions(int EngineHistoryDays = 30, int MaxPerRun = 500, TimeOnly? RunsAt = null)
{
    public TimeOnly At => RunsAt ?? new TimeOnly(3, 0);

    public RetentionOptions Checked() =>
        EngineHistoryDays is < 0 or > 36500 || MaxPerRun is < 1 or > 5000
            ? throw new InvalidOperationException("LumoFlow:Retention: EngineHistoryDays must be 0–36500 and MaxPerRun 1–5000.")
            : this;
}

/// <summary>
/// Durable's task hub keeps personal data (the notification, notes, partner answers) in an orchestration's input and
/// history; once a case has ended, that copy is purged after <see cref="RetentionOptions.EngineHistoryDays"/> days. It
/// is the administrators' bulk purge (<see cref="AdminCases.PurgeEndedAsync"/>), done by LumoFlow itself once a day
/// (<see cref="RunIfDueAsync"/>, by a timer in both hosts): each case access-logged as <c>PurgeEngineHistory</c> by
/// <see cref="StaffIdentity.LumoFlowSystem"/>, at most <see cref="RetentionOptions.MaxPerRun"/> a day, the day's run
/// claimed in the table <c>DeadlineChecks</c> so that one instance does it. The client record — LumoFlow's own tables —
/// stays, as the client-data act 703/2023 requires.
/// </summary>
public sealed class EngineRetention(AdminCases admin, LumoFlowTables tables, RetentionOptions options, TimeProvider time, ILogger<EngineRetention> logger)
{
    private const string DailyPartition = "retention";

    public RetentionOptions Options => options;

    /// <summary>Runs today's retention if it is due and not done yet (by this instance or another); null when not.</summary>
    public async Task<BulkPurgeResult?> RunIfDueAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = HelsinkiTime.LocalDate(now);
        if (now < HelsinkiTime.AtLocalTime(today, options.At)) return null;
        var claim = new TableEntity(DailyPartition, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { ["ClaimedAt"] = now };
        try { await tables.DeadlineChecks.AddEntityAsync(claim, cancellationToken); }
        catch (RequestFailedException e) when (e.Status == 409) { return null; } // done today already, here or elsewhere
        var result = await RunAsync(durable, cancellationToken);
        claim["Purged"] = result.Purged.Count;
        claim["More"] = result.More;
        await tables.DeadlineChecks.UpdateEntityAsync(claim, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return result;
    }

    /// <summary>One run: the engine history of every case that ended more than the days ago, up to the day's bound.</summary>
    public async Task<BulkPurgeResult> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var days = options.EngineHistoryDays;
        var result = await admin.PurgeEndedAsync(days, $"retention: the engine history is kept {days} days after a case ends",
            durable, StaffIdentity.LumoFlowSystem, cancellationToken, options.MaxPerRun);
        logger.LogInformation("Retention: the engine history of {Purged} ended cases purged; more left: {More}", result.Purged.Count, result.More);
        return result;
    }
}
