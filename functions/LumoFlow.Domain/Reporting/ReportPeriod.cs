using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LumoFlow.Domain.Validation;

namespace LumoFlow.Domain.Reporting;

/// <summary>
/// The days a compliance report covers, both ends included (Helsinki dates). THL collects deadline compliance twice a
/// year, for <b>1.4–30.9</b> and <b>1.10–31.3</b> (on the basis of the THL Act 668/2008 § 2 and THL's decision to
/// collect); those two halves have names (<c>2026-apr-sep</c>, <c>2026-oct-mar</c>). Any other range of at most
/// <see cref="MaxDays"/> days may be asked for the organisation's own use.
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>The longest period accepted: a year and a little, so a full year (366 days in a leap year) fits.</summary>
    public const int MaxDays = 400;

    private const string DateFormat = "yyyy-MM-dd";
    private const string Formats = "YYYY-MM-DD..YYYY-MM-DD, YYYY-apr-sep or YYYY-oct-mar";

    /// <exception cref="ArgumentException">
    /// <paramref name="to"/> is before <paramref name="from"/>, or the period is longer than <see cref="MaxDays"/>.
    /// </exception>
    public ReportPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The period ends ({to:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd})."), nameof(to));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays) throw new ArgumentException($"The period is longer than {MaxDays} days.", nameof(to));
        From = from;
        To = to;
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly From { get; }

    /// <summary>The last day of the period (included).</summary>
    public DateOnly To { get; }

    /// <summary>How many days the period has, both ends included.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>THL's April–September half: 1.4.<paramref name="year"/>–30.9.<paramref name="year"/> (figures due by 17.10).</summary>
    public static ReportPeriod AprSep(int year) => new(new DateOnly(year, 4, 1), new DateOnly(year, 9, 30));

    /// <summary>THL's October–March half: 1.10.<paramref name="year"/>–31.3 of the next year (figures due by 17.4).</summary>
    public static ReportPeriod OctMar(int year) => new(new DateOnly(year, 10, 1), new DateOnly(year + 1, 3, 31));

    /// <summary>The THL half that contains <paramref name="today"/>: April–September, or October–March across the new year.</summary>
    public static ReportPeriod Current(DateOnly today) => today.Month switch
    {
        >= 4 and <= 9 => AprSep(today.Year),
        >= 10 => OctMar(today.Year),
        _ => OctMar(today.Year - 1), // January–March belong to the half that began the October before
    };

    /// <summary>Whether this is one of THL's two halves (1.4–30.9 or 1.10–31.3).</summary>
    public bool IsThlHalf =>
        (From.Month, From.Day, To.Month, To.Day, To.Year - From.Year) is (4, 1, 9, 30, 0) or (10, 1, 3, 31, 1);

    /// <summary>
    /// <c>2026-apr-sep</c> or <c>2026-oct-mar</c> for THL's halves (the year is the one the half begins in), otherwise
    /// <c>2026-04-01..2026-05-31</c>. <see cref="TryParse"/> reads every name back.
    /// </summary>
    public string Name =>
        !IsThlHalf ? $"{From.ToString(DateFormat, CultureInfo.InvariantCulture)}..{To.ToString(DateFormat, CultureInfo.InvariantCulture)}"
        : From.Month == 4 ? $"{From.Year:D4}-apr-sep"
        : $"{From.Year:D4}-oct-mar";

    /// <summary>Whether <paramref name="date"/> is within the period, both ends included.</summary>
    public bool Contains(DateOnly date) => From <= date && date <= To;

    /// <inheritdoc cref="Name"/>
    public override string ToString() => Name;

    /// <summary>
    /// Reads <c>YYYY-MM-DD..YYYY-MM-DD</c> (both days included; the end not before the start; at most
    /// <see cref="MaxDays"/> days) or one of THL's halves by name, <c>YYYY-apr-sep</c> (1.4–30.9.YYYY) or
    /// <c>YYYY-oct-mar</c> (1.10.YYYY–31.3.YYYY+1); the names are case-insensitive, surrounding spaces are ignored.
    /// On failure <paramref name="period"/> is null and <paramref name="error"/> says what is wrong, fit to show the caller.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportPeriod? period, [NotNullWhen(false)] out string? error)
    {
        (period, var problem) = Read(text);
        error = problem?.English;
        return period is not null;
    }

    /// <summary>As <see cref="TryParse"/>, with what is wrong as a <see cref="FieldProblem"/> (a page says it in its reader's language).</summary>
    public static (ReportPeriod? Period, FieldProblem? Problem) Read(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return (null, new(ProblemCode.PeriodMissing, Formats));

        var range = text.Split("..");
        if (range.Length == 2)
        {
            if (!TryDate(range[0], out var from) || !TryDate(range[1], out var to))
                return (null, new(ProblemCode.PeriodDatesNotReal, text, Formats));
            if (to < from)
                return (null, new(ProblemCode.PeriodEndsBeforeStart, text));
            if (to.DayNumber - from.DayNumber + 1 > MaxDays)
                return (null, new(ProblemCode.PeriodTooLong, text, MaxDays.ToString(CultureInfo.InvariantCulture)));
            return (new ReportPeriod(from, to), null);
        }

        // "2026-apr-sep" / "2026-oct-mar": four digits, then the half's name.
        if (text.Length == 12 && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            var half = text[5..].ToLowerInvariant();
            if (half == "apr-sep") return (AprSep(year), null);
            if (half == "oct-mar" && year < DateOnly.MaxValue.Year) return (OctMar(year), null);
        }
        return (null, new(ProblemCode.NotAPeriod, text, Formats));
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
