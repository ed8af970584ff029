using System.Globalization;
using System.Text;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Workflow;
using Microsoft.Extensions.Primitives;

namespace LumoFlow.App.Admin;

/// <summary>
/// What an administrator asks of <c>GET /api/admin/cases</c> (and the dashboard's list): filters, order and paging, read
/// and checked from the query string. Every bad parameter is named in the errors; nothing is guessed.
/// </summary>
public sealed record CaseListQuery(
    IReadOnlyList<string> RuntimeStatuses,
    CasePhase? Phase,
    string? Team,
    string? Overdue,
    DateOnly? CreatedFrom,
    DateOnly? CreatedTo,
    DateOnly? DueBefore,
    string? Q,
    string OrderBy,
    int Top,
    string? After)
{
    public const int DefaultTop = 50;
    public const int MaxTop = 500;
    public const string ByNextDeadline = "nextDeadline";
    public const string ByCreatedTime = "createdTime";
    public const string ContinuationHeader = "x-ms-continuation-token";

    /// <summary>Durable's runtime statuses a case can show: the domain's three, and the engine's Suspended and Failed.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["Running", "Completed", "Terminated", "Suspended", "Failed"];
    public static readonly IReadOnlyList<string> OverdueKinds = [NextDeadline.Decision, NextDeadline.Assessment, "any"];

    public static CaseListQuery Default { get; } = new([], null, null, null, null, null, null, null, ByNextDeadline, DefaultTop, null);

    public static (CaseListQuery? Query, FieldProblems Errors) Parse(Func<string, StringValues> get, string? continuation)
    {
        var errors = new FieldProblems();
        void Error(string name, ProblemCode code, params string[] arguments)
        {
            if (!errors.Has(name)) errors.Add(name, code, arguments);
        }

        var statuses = get("runtimeStatus")
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var normalised = new List<string>();
        foreach (var status in statuses)
            if (Statuses.FirstOrDefault(s => s.Equals(status, StringComparison.OrdinalIgnoreCase)) is { } known) normalised.Add(known);
            else Error("runtimeStatus", ProblemCode.NotARuntimeStatus, status, string.Join(", ", Statuses));

        CasePhase? phase = null;
        if (Text(get("phase")) is { } phaseText)
        {
            if (Enum.TryParse<CasePhase>(phaseText, ignoreCase: true, out var p) && Enum.IsDefined(p)) phase = p;
            else Error("phase", ProblemCode.NotAPhase, phaseText, string.Join(", ", Enum.GetNames<CasePhase>()));
        }
        var overdue = Text(get("overdue"));
        if (overdue is not null && !OverdueKinds.Contains(overdue)) Error("overdue", ProblemCode.NotAnOverdueKind);

        var createdFrom = Date(get("createdFrom"), "createdFrom", Error);
        var createdTo = Date(get("createdTo"), "createdTo", Error);
        if (createdFrom > createdTo) Error("createdTo", ProblemCode.EndsBeforeStart, "createdTo", "createdFrom");
        var dueBefore = Date(get("dueBefore"), "dueBefore", Error);

        var q = Text(get("q"))?.ToUpperInvariant();
        if (q is not null && (q.Length > 16 || !q.All(char.IsAsciiLetterOrDigit))) Error("q", ProblemCode.NotACaseIdStart);

        var orderBy = Text(get("orderBy")) ?? ByNextDeadline;
        if (orderBy is not (ByNextDeadline or ByCreatedTime)) Error("orderBy", ProblemCode.NotAnOrder, ByNextDeadline, ByCreatedTime);

        var top = DefaultTop;
        if (Text(get("top")) is { } topText && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxTop))
            Error("top", ProblemCode.NotAPageSize, MaxTop.ToString(CultureInfo.InvariantCulture));

        string? after = null;
        if (continuation is { Length: > 0 } && (after = DecodeToken(continuation, orderBy)) is null)
            Error(ContinuationHeader, ProblemCode.NotAContinuationToken);

        var team = Text(get("team"));
        if (team is { Length: > 64 }) Error("team", ProblemCode.NotATeam);
        return errors.Count > 0
            ? (null, errors)
            : (new CaseListQuery(normalised, phase, team, overdue, createdFrom, createdTo, dueBefore, q, orderBy, top, after), errors);
    }

    /// <summary>The query string that asks for this list again (without paging), for the dashboard's links.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        foreach (var s in RuntimeStatuses) yield return new("runtimeStatus", s);
        if (Phase is { } p) yield return new("phase", p.ToString());
        if (Team is { } t) yield return new("team", t);
        if (Overdue is { } o) yield return new("overdue", o);
        if (CreatedFrom is { } cf) yield return new("createdFrom", cf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (CreatedTo is { } ct) yield return new("createdTo", ct.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (DueBefore is { } db) yield return new("dueBefore", db.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Q is { } q) yield return new("q", q);
        if (OrderBy != ByNextDeadline) yield return new("orderBy", OrderBy);
        if (Top != DefaultTop) yield return new("top", Top.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The token that continues a list after the item whose sort key is <paramref name="key"/>.</summary>
    public static string EncodeToken(string orderBy, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{orderBy}|{key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeToken(string token, string orderBy)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            return text.StartsWith(orderBy + "|", StringComparison.Ordinal) ? text[(orderBy.Length + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Text(StringValues values) => values.LastOrDefault()?.Trim() is { Length: > 0 } text ? text : null;

    private static DateOnly? Date(StringValues values, string name, Action<string, ProblemCode, string[]> error)
    {
        if (Text(values) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        error(name, ProblemCode.NotAnIsoDate, [name]);
        return null;
    }
}
