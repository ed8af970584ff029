using System.Globalization;
using System.Text;
using LumoFlow.Domain.Reporting;

namespace LumoFlow.App.Admin;

/// <summary>
/// THL's compliance report as CSV (RFC 4180, comma-separated, invariant numbers): one row for the organisation, then one
/// per team, with the columns of the JSON figures, and the cases past each limit as space-separated ids.
/// </summary>
public static class ComplianceCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "period", "unit", "received", "decidedInTime", "decisionExceeded", "decisionNotYetDue", "endedWithoutDecision",
        "decidedInTimePercent", "assessmentsCompleted", "completedInTime", "completionExceeded", "completedInTimePercent",
        "decisionExceededCases", "completionExceededCases", "openPastAssessmentLimit",
    ];

    public static string Of(ComplianceReport report)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(",", Columns)).Append("\r\n");
        Row(csv, report.Period.Name, "all", report.Organisation);
        foreach (var team in report.Teams) Row(csv, report.Period.Name, team.TeamId, team.Figures);
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string period, string unit, ComplianceFigures f)
    {
        string[] cells =
        [
            period, unit, N(f.Received), N(f.DecidedInTime), N(f.DecisionExceeded), N(f.DecisionNotYetDue), N(f.EndedWithoutDecision),
            P(f.DecidedInTimePercent), N(f.AssessmentsCompleted), N(f.CompletedInTime), N(f.CompletionExceeded), P(f.CompletedInTimePercent),
            string.Join(" ", f.DecisionExceededCases), string.Join(" ", f.CompletionExceededCases), string.Join(" ", f.OpenPastAssessmentLimit),
        ];
        csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string P(double? p) => p?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// A cell as the file holds it. One that a spreadsheet would run as a formula — starting with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a carriage return (OWASP, CSV injection) — is prefixed with <c>'</c>, which makes it
    /// text; then a cell with a comma, a quote or a line break is quoted (RFC 4180). Every cell goes through here, even
    /// those that today hold only ids and numbers.
    /// </summary>
    internal static string Cell(string cell)
    {
        if (cell.Length > 0 && FormulaStarts.Contains(cell[0])) cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }

    private const string FormulaStarts = "=+-@\t\r";
}
