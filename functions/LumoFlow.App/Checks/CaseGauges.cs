using LumoFlow.App.Hosting;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Checks;

/// <summary>
/// Measures what the gauges of <see cref="LumoFlowTelemetry"/> show: open cases overdue, open cases whose urgency is not
/// assessed and the oldest of them, and the case orchestrations the engine holds as failed. One query of the case index
/// and one of the engine. In Azure the Functions app's <c>CaseGauges</c> timer runs it every 5 minutes; locally every
/// look of the daily jobs' loop does (<c>LumoFlow:Checks:IntervalSeconds</c>), whether or not a daily job is due.
/// </summary>
public sealed class CaseGauges(CaseIndex index, TimeProvider time)
{
    public async Task<CaseGaugeValues> MeasureAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = HelsinkiTime.LocalDate(now);
        var open = (await index.QueryAsync("RuntimeStatus eq 'Running'", cancellationToken)).Select(r => r.Overview).Where(c => c.IsOpen).ToList();
        var unassessed = open.Where(c => c.UrgencyUnassessed).ToList();
        var failed = 0L;
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed], FetchInputsAndOutputs = false, PageSize = 1000 };
        await foreach (var _ in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken)) failed++;
        var values = new CaseGaugeValues(
            Overdue: open.Count(c => c.OverdueOn(today).Count > 0),
            Unassessed: unassessed.Count,
            OldestUnassessedHours: unassessed.Count == 0 ? 0 : Math.Round(unassessed.Max(c => (now - c.ReceivedAt).TotalHours), 2),
            FailedOrchestrations: failed);
        LumoFlowTelemetry.SetGauges(values);
        return values;
    }
}
