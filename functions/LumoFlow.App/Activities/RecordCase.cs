using LumoFlow.App.Hosting;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;

namespace LumoFlow.App.Activities;

/// <summary>
/// Activity: writes the steps the case record does not have yet. Repeating it changes nothing. Returns the ETags the
/// write left — the state row's and the case index row's, which the orchestration hands to its next write, and each
/// email's, which it hands to the email's delivery — so that none of them need read first.
/// </summary>
public sealed class RecordCase(CaseRecords records)
{
    public Task<RecordedCase> RunAsync(CaseRecordUpdate update, CancellationToken cancellationToken) =>
        LumoFlowTelemetry.ActivityAsync(nameof(RecordCase), async _ =>
        {
            var result = await records.RecordAsync(update, cancellationToken);
            return new RecordedCase(result.ETag, result.EmailETags, result.IndexETag);
        });
}
