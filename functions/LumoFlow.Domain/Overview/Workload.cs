using LumoFlow.Domain.Workflow;

namespace LumoFlow.Domain.Overview;

/// <summary>One team's open work on a day: cases by phase, deadlines passed, deadlines coming.</summary>
public sealed record TeamWorkload(
    string TeamId,
    int Open,
    IReadOnlyDictionary<string, int> OpenByPhase,
    int DecisionOverdue,
    int AssessmentOverdue,
    int DueThisWeek,
    int DueNextWeek);

/// <summary>How many next deadlines fall in the week starting <paramref name="WeekStart"/> (a Monday).</summary>
public sealed record WeekLoad(DateOnly WeekStart, int Due);

/// <summary>The overdue and workload view: per team and in all, on <paramref name="Today"/>.</summary>
public sealed record WorkloadSummary(DateOnly Today, TeamWorkload Total, IReadOnlyList<TeamWorkload> Teams, IReadOnlyList<WeekLoad> DuePerWeek)
{
    /// <summary>Weeks shown ahead in <see cref="DuePerWeek"/>, this week included.</summary>
    public const int WeeksAhead = 8;

    /// <summary>
    /// The open cases among <paramref name="cases"/>, counted on <paramref name="today"/>. "This week" is the
    /// Monday-to-Sunday week of today, "next week" the one after, by each case's <see cref="CaseOverview.NextDeadline"/>.
    /// </summary>
    public static WorkloadSummary Compute(IEnumerable<CaseOverview> cases, DateOnly today)
    {
        var open = cases.Where(c => c.IsOpen).ToList();
        var monday = Monday(today);
        var teams = open.GroupBy(c => c.TeamId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Team(g.Key, g, today, monday)).ToList();
        var weeks = Enumerable.Range(0, WeeksAhead).Select(i => monday.AddDays(7 * i))
            .Select(start => new WeekLoad(start, open.Count(c => DueInWeek(c, start))))
            .ToList();
        return new WorkloadSummary(today, Team("all", open, today, monday), teams, weeks);
    }

    /// <summary>The Monday of <paramref name="day"/>'s week.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static TeamWorkload Team(string id, IEnumerable<CaseOverview> cases, DateOnly today, DateOnly monday)
    {
        var list = cases.ToList();
        var overdue = list.Select(c => c.OverdueOn(today)).ToList();
        return new TeamWorkload(
            id,
            list.Count,
            Enum.GetValues<CasePhase>().Where(p => p != CasePhase.Closed)
                .ToDictionary(p => p.ToString(), p => list.Count(c => c.Phase == p)),
            overdue.Count(o => o.Contains(NextDeadline.Decision)),
            overdue.Count(o => o.Contains(NextDeadline.Assessment)),
            list.Count(c => DueInWeek(c, monday)),
            list.Count(c => DueInWeek(c, monday.AddDays(7))));
    }

    /// <summary>Whether the case's next deadline falls in the week that starts on Monday <paramref name="monday"/>.</summary>
    private static bool DueInWeek(CaseOverview c, DateOnly monday) => c.NextDeadline is { } d && d.Date >= monday && d.Date < monday.AddDays(7);
}
