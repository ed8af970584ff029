using System.Globalization;
using System.Text.RegularExpressions;

namespace LumoFlow.Domain.Calendar;

/// <summary>
/// An instant as people send it to LumoFlow: ISO 8601 with an explicit offset (<c>2026-11-24T10:00:00+02:00</c> or
/// <c>…Z</c>). A time without an offset is refused: it would be ambiguous, and a deadline counted from the wrong day
/// is a wrong deadline.
/// </summary>
public static partial class IsoTimestamp
{
    public const string Example = "2026-11-24T10:00:00+02:00";

    /// <summary>Reads <paramref name="text"/>; false when it is not ISO 8601 with an offset.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is not null
               && WithOffset().IsMatch(text.Trim())
               && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
