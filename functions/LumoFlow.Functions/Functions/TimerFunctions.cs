using LumoFlow.App.Digest;

namespace LumoFlow.Functions.Functions;

/// <summary>The weekly overdue digest: the timer runs hourly, and the digest decides itself whether a week's is due.</summary>
public sealed class TimerFunctions(WeeklyDigest digest)
{
    [Function("WeeklyDigest")]
    public Task<int> WeeklyDigest([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.RunIfDueAsync(cancellationToken);
}
