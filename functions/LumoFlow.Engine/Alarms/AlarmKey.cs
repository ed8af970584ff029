namespace LumoFlow.Engine;

/// <summary>
/// Where a case's alarm row lives in <c>CaseAlarms</c>: partition = the UTC hour of the wake-up (a time bucket,
/// so writes spread and the sweeper reads only past buckets), row = wake-up instant + case id (sorted by time).
/// </summary>
public sealed record AlarmKey(string PartitionKey, string RowKey)
{
    public static AlarmKey For(DateTimeOffset wakeAt, string caseId)
    {
        var utc = wakeAt.UtcDateTime;
        return new AlarmKey(Bucket(wakeAt), $"{utc:yyyyMMddHHmmssfff}-{caseId}");
    }

    /// <summary>The time bucket an instant falls in.</summary>
    public static string Bucket(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMddHH");

    public string CaseId => RowKey[(RowKey.IndexOf('-') + 1)..];

    public DateTimeOffset WakeAt => new(DateTime.ParseExact(RowKey[..17], "yyyyMMddHHmmssfff",
        System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
