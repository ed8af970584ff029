using System.Text.Json;
using Azure.Data.Tables;
using LumoFlow.App;
using LumoFlow.App.Records;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The case record's writes against real Table Storage: each step once and in order, whoever writes it and however
/// often; the orchestration's one-request write guarded by the ETag its last write left; an ended case stays ended.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class CaseRecordsTests(DevServices services) : IAsyncLifetime
{
    private readonly LumoFlowApp _app = new(services);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private CaseRecords Records => _app.Services.GetRequiredService<CaseRecords>();
    private CaseWorkflow Workflow => _app.Services.GetRequiredService<CaseWorkflow>();

    [Fact]
    public async Task Steps_are_written_once_in_order_whoever_writes_them_and_however_often()
    {
        var (opening, state) = Opened();
        Assert.True((await Records.RecordAsync(opening, CancellationToken.None)).Written); // a new record: no read first
        Assert.False((await Records.RecordAsync(opening, CancellationToken.None)).Written); // a repeated write of it lands nothing

        // A write that still carries the opening (a retry of the first write, with more steps) finds step 1 and writes
        // steps 2 and 3: the urgency assessment (LSL § 26(2): before the decision) and the decision.
        var (assessed, afterUrgency) = Next(state, 1, new UrgencyAssessed(false, null));
        var (decided, afterDecision) = Next(afterUrgency.State, 2, new DecisionMade(true, "needed"));
        var first = await Records.RecordAsync(new CaseRecordUpdate(afterDecision, [opening.Steps[0], assessed, decided], opening.Intake), CancellationToken.None);
        Assert.True(first.Written);
        // Its next write goes by the ETag it got back: one request.
        var (met, afterMeeting) = Next(afterDecision.State, 3, new ChildMet(DateTimeOffset.UtcNow, "home visit", null));
        var second = await Records.RecordAsync(new CaseRecordUpdate(afterMeeting, [met], RecordedAs: first.ETag), CancellationToken.None);
        Assert.True(second.Written);
        // A retried activity (its first attempt did write, but the answer was lost) writes nothing twice.
        var retried = await Records.RecordAsync(new CaseRecordUpdate(afterMeeting, [met], RecordedAs: first.ETag), CancellationToken.None);
        Assert.False(retried.Written);
        Assert.Equal(second.ETag, retried.ETag);

        var rows = await _app.Table("Cases").QueryAsync<TableEntity>(e => e.PartitionKey == opening.CaseId).AllAsync();
        Assert.Equal(["history-000001", "history-000002", "history-000003", "history-000004"],
            rows.Select(r => r.RowKey).Where(k => k.StartsWith("history-", StringComparison.Ordinal)));
        Assert.Equal(4, (await Records.GetAsync(opening.CaseId, CancellationToken.None))!.Case.Step);
        Assert.Equal(CasePhase.Assessing, (await Records.GetAsync(opening.CaseId, CancellationToken.None))!.State.Phase);
    }

    [Fact]
    public async Task A_step_that_lost_the_race_with_a_termination_is_not_written_over_the_ended_case()
    {
        var (opening, state) = Opened();
        await Records.RecordAsync(opening, CancellationToken.None);
        var read = (await Records.GetAsync(opening.CaseId, CancellationToken.None))!;

        // An administrator terminates the case (step 2)…
        var (terminated, afterTermination) = Next(state, 1, new CaseTerminated("duplicate") { Actor = "admin" });
        Assert.True((await Records.RecordAsync(new CaseRecordUpdate(afterTermination, [terminated]), CancellationToken.None)).Written);
        // …while the orchestration's step 2, in flight, still carries the ETag from before.
        var (late, afterLate) = Next(state, 1, new UrgencyAssessed(false, null));
        var outcome = await Records.RecordAsync(new CaseRecordUpdate(afterLate, [late], RecordedAs: read.ETag.ToString()), CancellationToken.None);

        Assert.False(outcome.Written);
        var record = (await Records.GetAsync(opening.CaseId, CancellationToken.None))!;
        Assert.Equal(RuntimeStatus.Terminated, record.State.RuntimeStatus);
        Assert.Contains(await Records.GetHistoryAsync(opening.CaseId, CancellationToken.None), e => e.EventType == "Terminated");
        Assert.DoesNotContain(await Records.GetHistoryAsync(opening.CaseId, CancellationToken.None), e => e.EventType == "UrgencyAssessed");
    }

    [Fact]
    public async Task The_submission_s_hash_is_kept_with_the_notification_for_an_Idempotency_Key_s_retry()
    {
        var (opening, _) = Opened(bodyHash: "ABC123");
        Assert.Equal((false, null), await Records.GetBodyHashAsync(opening.CaseId, CancellationToken.None));
        await Records.RecordAsync(opening, CancellationToken.None);
        Assert.Equal((true, "ABC123"), await Records.GetBodyHashAsync(opening.CaseId, CancellationToken.None));
    }

    private CaseIndex Index => _app.Services.GetRequiredService<CaseIndex>();

    [Fact]
    public async Task The_case_index_follows_every_write_in_one_request_when_the_writer_knows_its_ETag_and_never_goes_back_a_step()
    {
        var (opening, state) = Opened();
        var first = await Records.RecordAsync(opening, CancellationToken.None);
        Assert.NotNull(first.IndexETag);
        Assert.Equal(CasePhase.AwaitingDecision, (await Index.GetAsync(opening.CaseId, CancellationToken.None))!.Overview.Phase);

        Assert.Contains("urgencyAssessment", (await Index.GetAsync(opening.CaseId, CancellationToken.None))!.Overview.OpenObligations);

        // The orchestration's next write carries both ETags: the urgency assessment (LSL § 26(2): before the decision)
        // and the decision, in one write.
        var (assessed, afterUrgency) = Next(state, 1, new UrgencyAssessed(false, null));
        var (decided, afterDecision) = Next(afterUrgency.State, 2, new DecisionMade(true, "needed"));
        var second = await Records.RecordAsync(new CaseRecordUpdate(afterDecision, [assessed, decided], RecordedAs: first.ETag, IndexRecordedAs: first.IndexETag), CancellationToken.None);
        Assert.NotEqual(first.IndexETag, second.IndexETag);
        var indexed = (await Index.GetAsync(opening.CaseId, CancellationToken.None))!;
        Assert.Equal(CasePhase.Assessing, indexed.Overview.Phase);
        Assert.DoesNotContain("urgencyAssessment", indexed.Overview.OpenObligations);
        Assert.Equal("assessment", indexed.Overview.NextDeadline!.Kind);
        Assert.True(indexed.Facts.AssessmentStarted);

        // An administrator's suspension changed the row meanwhile: the known ETag is stale, the write reads and still
        // lands, and the suspension stays.
        await Index.SetSuspendedAsync(opening.CaseId, true, CancellationToken.None);
        var (met, afterMeeting) = Next(afterDecision.State, 3, new ChildMet(DateTimeOffset.UtcNow, "home visit", null));
        var third = await Records.RecordAsync(new CaseRecordUpdate(afterMeeting, [met], RecordedAs: second.ETag, IndexRecordedAs: second.IndexETag), CancellationToken.None);
        indexed = (await Index.GetAsync(opening.CaseId, CancellationToken.None))!;
        Assert.True(indexed.Suspended);
        Assert.DoesNotContain("childMeeting", indexed.Overview.OpenObligations);

        // A stale write of an older step (a zombie activity, say) does not take the row back.
        Assert.Equal(third.IndexETag, await Index.UpdateAsync(afterDecision, first.IndexETag, isNew: false, CancellationToken.None));
        Assert.Equal(4, (await _app.Table("CaseIndex").GetEntityAsync<TableEntity>(opening.CaseId, CaseIndex.RowKey)).Value.GetInt32("Step"));
    }

    private (CaseRecordUpdate Opening, CaseState State) Opened(string? bodyHash = null)
    {
        var id = LumoFlow.App.Intake.CaseIds.New();
        var json = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("records")).ToJsonString();
        var notification = JsonSerializer.Deserialize<Notification>(json, LumoFlowJson.Options)!;
        var now = DateTimeOffset.UtcNow;
        var step = Workflow.Open(id, new NotificationReceived(notification, _app.Services.GetRequiredService<RoutingTable>().Route("Kuopio"), [], now), now);
        return (new CaseRecordUpdate(new StoredCase(step.State, PendingTimers.None.After(step), 1),
            [new RecordedStep(1, step.History, step.DocumentsToStore, step.Emails)], new IntakeRecord(json, bodyHash)), step.State);
    }

    private (RecordedStep Step, StoredCase After) Next(CaseState state, int recorded, CaseEvent caseEvent)
    {
        var step = (WorkflowStep)Workflow.Apply(state, caseEvent, DateTimeOffset.UtcNow);
        return (new RecordedStep(recorded + 1, step.History, step.DocumentsToStore, step.Emails), new StoredCase(step.State, PendingTimers.None.After(step), recorded + 1));
    }
}
