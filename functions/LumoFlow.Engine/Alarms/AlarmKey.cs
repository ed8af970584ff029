namespace LumoFlow.Engine;

/// <summary>
/// Where an alarm row lives in <c>CaseAlarms</c>: partition = the UTC hour of the wake-up (a time bucket, so writes
/// spread and the sweeper reads only past buckets), row = wake-up instant + what to wake (sorted by time). What to
/// wake is one case (<see cref="For"/>), or the cases accepted together at intake (<see cref="ForIntake"/>: one row
/// lists them all).
/// </summary>
public sealed record AlarmKey(string PartitionKey, string RowKey)
{
    private const int InstantLength = 17; // yyyyMMddHHmmssfff
    private const string IntakeMarker = "intake-"; // case ids are base32 without '-', so no case id looks like this

    public static AlarmKey For(DateTimeOffset wakeAt, string caseId) => new(Bucket(wakeAt), $"{Instant(wakeAt)}-{caseId}");

    /// <summary>An intake alarm shared by the cases whose ids its row lists (see <see cref="AlarmIndex.SetIntakeAsync"/>).</summary>
    public static AlarmKey ForIntake(DateTimeOffset wakeAt, string groupId) => new(Bucket(wakeAt), $"{Instant(wakeAt)}-{IntakeMarker}{groupId}");

    /// <summary>The time bucket an instant falls in.</summary>
    public static string Bucket(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMddHH");

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMddHHmmssfff");

    /// <summary>Whether this is an intake alarm listing several cases, rather than one case's alarm.</summary>
    public bool IsIntake => RowKey.AsSpan(InstantLength + 1).StartsWith(IntakeMarker, StringComparison.Ordinal);

    /// <summary>The case this alarm wakes (not defined for an intake alarm: its row lists the cases).</summary>
    public string CaseId => IsIntake
        ? throw new InvalidOperationException($"Intake alarm {RowKey} lists its cases in its row.")
        : RowKey[(InstantLength + 1)..];

    public DateTimeOffset WakeAt => new(DateTime.ParseExact(RowKey[..InstantLength], "yyyyMMddHHmmssfff",
        System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
