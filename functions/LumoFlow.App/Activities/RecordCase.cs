using LumoFlow.App.Records;

namespace LumoFlow.App.Activities;

/// <summary>
/// Activity: writes the steps the case record does not have yet. Repeating it changes nothing. Returns the state row's
/// ETag, which the orchestration hands to its next write so that it need not read the record first.
/// </summary>
public sealed class RecordCase(CaseRecords records)
{
    public async Task<string> RunAsync(CaseRecordUpdate update, CancellationToken cancellationToken) =>
        (await records.RecordAsync(update, cancellationToken)).ETag;
}
