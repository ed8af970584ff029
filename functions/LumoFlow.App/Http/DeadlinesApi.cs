using System.Globalization;
using System.Text.RegularExpressions;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;

namespace LumoFlow.App.Http;

/// <summary>The statutory deadline calculator, public: anyone may check when a notification's deadlines fall.</summary>
public sealed partial class DeadlinesApi(DeadlineRules rules)
{
    /// <summary>The years (UTC) a time of receipt may lie in; any other answers 400.</summary>
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public IResult Get(string? receivedAt)
    {
        if (string.IsNullOrWhiteSpace(receivedAt))
            return BadTimestamp(
                "The query parameter 'receivedAt' is required: an ISO 8601 timestamp with an offset, e.g. receivedAt=2026-11-23T09:30:00%2B02:00.");
        // In a query string an unencoded '+' arrives as a space: accept "…T09:30:00 02:00" as "+02:00".
        var text = OffsetWithSpace().Replace(receivedAt.Trim(), "+$1");
        if (!IsoTimestamp.TryParse(text, out var instant))
            return BadTimestamp(
                "'receivedAt' must be an ISO 8601 timestamp with an offset, e.g. 2026-11-23T09:30:00+02:00 or 2026-11-23T07:30:00Z (encode '+' as %2B).");

        // The calendar is not kept for every year a timestamp can name (9999-12-31 plus three months does not exist).
        // The UTC year: turning 9999-12-31T23:30Z into Helsinki time would itself overflow.
        if (instant.UtcDateTime.Year is < MinYear or > MaxYear)
            return BadTimestamp(string.Create(CultureInfo.InvariantCulture,
                $"'receivedAt' must lie in the years {MinYear}–{MaxYear}, e.g. 2026-11-23T09:30:00+02:00."));

        var deadlines = rules.For(instant);
        return Results.Ok(new
        {
            receivedAt = instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            receivedOn = deadlines.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decisionDue = deadlines.DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            assessmentDue = deadlines.AssessmentDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    private static IResult BadTimestamp(string detail) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["receivedAt"] = [detail] }, title: "Bad receivedAt", detail: detail);

    [GeneratedRegex(@" (\d{2}:\d{2})$")]
    private static partial Regex OffsetWithSpace();
}
