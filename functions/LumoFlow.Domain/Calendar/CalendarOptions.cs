namespace LumoFlow.Domain.Calendar;

/// <summary>
/// Choices about the working-day calendar that the law leaves open.
/// </summary>
public sealed record CalendarOptions
{
    /// <summary>
    /// Whether Midsummer Eve (juhannusaatto) and Christmas Eve (jouluaatto) count as working days.
    /// Default <c>false</c>: offices are closed on both, and the deadline act lists them with the
    /// holidays (Laki säädettyjen määräaikain laskemisesta 150/1930 § 5). <em>Interpretation:</em>
    /// THL does not name the eves, so this stays configurable.
    /// </summary>
    public bool EvesAreWorkingDays { get; init; } = false;

    /// <summary>The default: both eves are non-working days.</summary>
    public static CalendarOptions Default { get; } = new();
}
