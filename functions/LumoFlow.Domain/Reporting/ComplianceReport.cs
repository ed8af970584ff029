namespace LumoFlow.Domain.Reporting;

/// <summary>
/// THL's deadline-compliance figures (<i>Lastensuojelun käsittelyajat</i>, "processing times in child welfare";
/// THL Act 668/2008 § 2) for one group of cases: the whole organisation, or one team. THL: "two measures, each with count, share
/// and the number exceeding". See docs/reporting.md for the definitions in THL's words.
/// </summary>
public sealed record ComplianceFigures
{
    // ---- Start within the limit: THL, "käsittely alkoi … seitsemän arkipäivän kuluessa"; LSL § 26(5) ----

    /// <summary>
    /// Cases that became pending (vireille) in the period: <see cref="ComplianceCase.PendingOn"/> within it. A pre-birth
    /// case counts only once the child is born (it becomes pending then). Every one of them is in exactly one of
    /// <see cref="DecidedInTime"/>, <see cref="DecisionExceeded"/>, <see cref="DecisionNotYetDue"/> and <see cref="EndedWithoutDecision"/>.
    /// </summary>
    public required int Received { get; init; }

    /// <summary>
    /// THL: processing started — the decision whether to start the assessment made — "seitsemän arkipäivän kuluessa",
    /// within 7 working days: decided on or before <see cref="ComplianceCase.DecisionDue"/>.
    /// </summary>
    public required int DecidedInTime { get; init; }

    /// <summary>
    /// THL: the number exceeding the 7 working days: decided after <see cref="ComplianceCase.DecisionDue"/>, or still
    /// open and undecided when <see cref="ComplianceCase.DecisionDue"/> is already past (before the report's day).
    /// </summary>
    public required int DecisionExceeded { get; init; }

    /// <summary>Still open and undecided, and the decision is not yet due (due on the report's day or later). Not in the share.</summary>
    public required int DecisionNotYetDue { get; init; }

    /// <summary>
    /// Ended (terminated, or transferred to another region, LSL § 25 d) with no decision recorded, on or before its due
    /// date. Nothing was decided in or out of time, so it is not in the share. (An undecided case that ended after its due
    /// date had already exceeded the limit: it is in <see cref="DecisionExceeded"/>.)
    /// </summary>
    public required int EndedWithoutDecision { get; init; }

    /// <summary>
    /// THL's share: <see cref="DecidedInTime"/> / (<see cref="DecidedInTime"/> + <see cref="DecisionExceeded"/>) × 100,
    /// rounded to one decimal (half away from zero); null when both are 0.
    /// </summary>
    public double? DecidedInTimePercent => ComplianceReport.Percent(DecidedInTime, DecisionExceeded);

    // ---- Completion within the limit: SHL § 36(3), "viimeistään kolmen kuukauden kuluttua asian vireilletulosta" ----

    /// <summary>
    /// THL: "the assessments completed in the period": a started assessment whose
    /// <see cref="ComplianceCase.AssessmentCompletedOn"/> is within the period, whenever the case became pending.
    /// </summary>
    public required int AssessmentsCompleted { get; init; }

    /// <summary>THL: completed "within 3 months of becoming pending": on or before <see cref="ComplianceCase.AssessmentDue"/>.</summary>
    public required int CompletedInTime { get; init; }

    /// <summary>THL: completed later than 3 months after becoming pending: after <see cref="ComplianceCase.AssessmentDue"/>.</summary>
    public required int CompletionExceeded { get; init; }

    /// <summary>
    /// THL's share: <see cref="CompletedInTime"/> / <see cref="AssessmentsCompleted"/> × 100, rounded to one decimal
    /// (half away from zero); null when no assessment was completed in the period.
    /// </summary>
    public double? CompletedInTimePercent => ComplianceReport.Percent(CompletedInTime, CompletionExceeded);

    // ---- The cases behind the numbers, for the organisation itself (case ids only, ordinal order) ----

    /// <summary>The cases counted in <see cref="DecisionExceeded"/>.</summary>
    public required IReadOnlyList<string> DecisionExceededCases { get; init; }

    /// <summary>The cases counted in <see cref="CompletionExceeded"/>.</summary>
    public required IReadOnlyList<string> CompletionExceededCases { get; init; }

    /// <summary>
    /// Not part of THL's figures. docs/domain.md, "THL's deadline-compliance collection": "A case still open at the end
    /// of the period counts in neither completion figure; an open case past its limit is still worth showing to the
    /// organisation itself." Cases open now, with a started assessment not completed, whose
    /// <see cref="ComplianceCase.AssessmentDue"/> had passed by the end of the period (or by the report's day, if that is
    /// earlier): due before min(today, period's last day + 1).
    /// </summary>
    public required IReadOnlyList<string> OpenPastAssessmentLimit { get; init; }
}

/// <summary>One team's figures; the team is the one each case is with now.</summary>
public sealed record TeamCompliance(string TeamId, ComplianceFigures Figures);

/// <summary>
/// THL's deadline-compliance report for a period (THL Act 668/2008 § 2 and THL's decision to collect): THL collects the figures twice a year, for 1.4–30.9
/// (submitted by 17.10) and 1.10–31.3 (by 17.4). This is the one place where what counts in which figure is decided;
/// docs/reporting.md explains it. Pure: the report's day is given, never read from a clock.
/// </summary>
/// <param name="Period">The days reported on.</param>
/// <param name="Today">The Helsinki date the report was computed on: an undecided open case is late only once its due date is before it.</param>
/// <param name="Organisation">All cases together.</param>
/// <param name="Teams">Each team with at least one case among those given, ordered by team id (ordinal).</param>
public sealed record ComplianceReport(ReportPeriod Period, DateOnly Today, ComplianceFigures Organisation, IReadOnlyList<TeamCompliance> Teams)
{
    /// <summary>The figures for <paramref name="period"/> over <paramref name="cases"/>, as they stand on <paramref name="today"/>.</summary>
    public static ComplianceReport Compute(IEnumerable<ComplianceCase> cases, ReportPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(period);
        var all = cases.ToList();
        var teams = all.GroupBy(c => c.TeamId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TeamCompliance(g.Key, Figures(g.ToList(), period, today)))
            .ToList();
        return new ComplianceReport(period, today, Figures(all, period, today), teams);
    }

    /// <summary>
    /// <paramref name="inTime"/> / (<paramref name="inTime"/> + <paramref name="exceeded"/>) × 100 rounded to one decimal,
    /// half away from zero (computed in decimal, so 1/16 = 6.25 % is 6.3 %); null when there is nothing to divide.
    /// </summary>
    internal static double? Percent(int inTime, int exceeded)
    {
        var all = inTime + exceeded;
        if (all == 0) return null;
        return (double)Math.Round(100m * inTime / all, 1, MidpointRounding.AwayFromZero);
    }

    private enum DecisionStanding { InTime, Exceeded, NotYetDue, EndedWithoutDecision }

    /// <summary>
    /// Where a case received in the period stands on the 7-working-day limit. A decision, once made, is judged by its
    /// date alone. An undecided case that ended (or was transferred) on or before its due date is
    /// <see cref="DecisionStanding.EndedWithoutDecision"/>; one that ended after it had already exceeded the limit, and
    /// the exceedance does not disappear with it. An undecided open one is late once its due date is before today (the
    /// due date itself is still in time).
    /// </summary>
    private static DecisionStanding Standing(ComplianceCase c, DateOnly decisionDue, DateOnly today) => c switch
    {
        { DecidedOn: { } decidedOn } => decidedOn <= decisionDue ? DecisionStanding.InTime : DecisionStanding.Exceeded,
        { Open: false, EndedOn: { } endedOn } => endedOn <= decisionDue ? DecisionStanding.EndedWithoutDecision : DecisionStanding.Exceeded,
        { Open: false } => DecisionStanding.EndedWithoutDecision,
        _ => decisionDue < today ? DecisionStanding.Exceeded : DecisionStanding.NotYetDue,
    };

    private static ComplianceFigures Figures(IReadOnlyList<ComplianceCase> cases, ReportPeriod period, DateOnly today)
    {
        // Start within the limit: the cases that became pending in the period. PendingOn is null while a pre-birth case
        // waits for the birth; PendingOn and DecisionDue come from the same deadlines, so both are set or neither.
        var received = cases
            .Where(c => c.PendingOn is { } on && period.Contains(on) && c.DecisionDue is not null)
            .Select(c => (Case: c, Standing: Standing(c, c.DecisionDue!.Value, today)))
            .ToList();

        // Completion within the limit: the started assessments completed in the period, whenever they became pending.
        var completed = cases
            .Where(c => c.AssessmentStarted && c.AssessmentCompletedOn is { } on && period.Contains(on) && c.AssessmentDue is not null)
            .Select(c => (Case: c, InTime: c.AssessmentCompletedOn!.Value <= c.AssessmentDue!.Value))
            .ToList();

        // Not THL's: open, started, not completed, and the 3 months had run out by the period's end (or by today).
        var limitPassedBefore = period.To.AddDays(1) < today ? period.To.AddDays(1) : today;
        var openPastLimit = cases
            .Where(c => c.Open && c.AssessmentStarted && c.AssessmentCompletedOn is null && c.AssessmentDue is { } due && due < limitPassedBefore)
            .Select(c => c.CaseId);

        return new ComplianceFigures
        {
            Received = received.Count,
            DecidedInTime = received.Count(r => r.Standing == DecisionStanding.InTime),
            DecisionExceeded = received.Count(r => r.Standing == DecisionStanding.Exceeded),
            DecisionNotYetDue = received.Count(r => r.Standing == DecisionStanding.NotYetDue),
            EndedWithoutDecision = received.Count(r => r.Standing == DecisionStanding.EndedWithoutDecision),
            AssessmentsCompleted = completed.Count,
            CompletedInTime = completed.Count(r => r.InTime),
            CompletionExceeded = completed.Count(r => !r.InTime),
            DecisionExceededCases = Ids(received.Where(r => r.Standing == DecisionStanding.Exceeded).Select(r => r.Case.CaseId)),
            CompletionExceededCases = Ids(completed.Where(r => !r.InTime).Select(r => r.Case.CaseId)),
            OpenPastAssessmentLimit = Ids(openPastLimit),
        };
    }

    private static IReadOnlyList<string> Ids(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();
}
