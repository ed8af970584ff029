using LumoFlow.App.Records;

namespace LumoFlow.App.Activities;

/// <summary>Activity: writes the steps the case record does not have yet. Repeating it changes nothing.</summary>
public sealed class RecordCase(CaseRecords records)
{
    public Task<bool> RunAsync(CaseRecordUpdate update, CancellationToken cancellationToken) => records.RecordAsync(update, cancellationToken);
}
