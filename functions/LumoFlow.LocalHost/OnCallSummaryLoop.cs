using LumoFlow.App.Email;

namespace LumoFlow.LocalHost;

/// <summary>
/// Locally, what the Functions app's <c>OnCallSummaries</c> timer trigger does in Azure: now and then, send on-call's
/// summary of each hour whose URGENT emails went past the cap, once the hour is over (<see cref="OnCallAlerts"/>).
/// <c>LumoFlow:Urgency:OnCallSummaryIntervalSeconds</c> sets how often it looks (60), <c>0</c> turns it off.
/// </summary>
public sealed class OnCallSummaryLoop(OnCallAlerts onCall, IConfiguration configuration, ILogger<OnCallSummaryLoop> logger)
    : TimerLoop(configuration, logger, "LumoFlow:Urgency:OnCallSummaryIntervalSeconds", 60)
{
    protected override IEnumerable<(string, Func<CancellationToken, Task>)> Jobs =>
        [("on-call's summaries", stop => onCall.SendDueSummariesAsync(stop))];
}
