using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Reporting;

namespace LumoFlow.Domain.Tests.Reporting;

/// <summary>
/// THL's deadline-compliance figures (docs/domain.md, "THL's deadline-compliance collection"), from hand-built cases whose
/// deadlines come from the real <see cref="DeadlineRules"/>. Working days are counted by hand in the comments: the day
/// of receipt is not counted; weekends, holidays, Midsummer Eve and Christmas Eve are not working days.
/// Most tests report on THL's half 1.4–30.9.2026 on Monday 5.10.2026.
/// </summary>
public sealed class ComplianceReportTests
{
    private static readonly DeadlineRules Rules = new(WorkingDayCalendar.Default);
    private static readonly ReportPeriod AprSep2026 = ReportPeriod.AprSep(2026);
    private static readonly DateOnly Today = D("2026-10-05");

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>
    /// A case received at noon Helsinki time on <paramref name="receivedOn"/>, with its real deadlines. Decided (to start
    /// the assessment unless <paramref name="start"/> is false) on <paramref name="decidedOn"/>, the assessment completed
    /// on <paramref name="completedOn"/>. Open unless told, or unless it ended by not starting or by completing.
    /// </summary>
    private static ComplianceCase Case(string id, string receivedOn, string? decidedOn = null, bool start = true,
        string? completedOn = null, bool? open = null, string team = "north")
    {
        var deadlines = Rules.For(HelsinkiTime.AtLocalTime(D(receivedOn), new TimeOnly(12, 0)));
        var decided = decidedOn is null ? (DateOnly?)null : D(decidedOn);
        var started = decided is not null && start;
        var completed = completedOn is null ? (DateOnly?)null : D(completedOn);
        return new ComplianceCase(id, team, deadlines.ReceivedOn, deadlines.DecisionDue, decided, started,
            deadlines.AssessmentDue, completed, open ?? (completed is null && !(decided is not null && !start)));
    }

    /// <summary>A pre-birth case (LSL § 25 c) still waiting for the birth: not yet pending, no deadlines.</summary>
    private static ComplianceCase AwaitingBirth(string id, bool open = true, string team = "north") =>
        new(id, team, null, null, null, false, null, null, open);

    private static ComplianceFigures Figures(params ComplianceCase[] cases) => Figures(AprSep2026, Today, cases);

    private static ComplianceFigures Figures(ReportPeriod period, DateOnly today, params ComplianceCase[] cases) =>
        ComplianceReport.Compute(cases, period, today).Organisation;

    // ---- Start within the limit: the 7th working day ----------------------------------------------------------------

    // Easter 2026: received Wed 1.4. Thu 2.4 (1), [Good Friday 3.4, weekend, Easter Monday 6.4], Tue 7.4 (2), Wed 8.4 (3),
    // Thu 9.4 (4), Fri 10.4 (5), Mon 13.4 (6), Tue 14.4 (7) → decisionDue 14.4; the 8th working day is Wed 15.4.

    [Fact]
    public void Easter_decided_on_working_day_7_is_in_time()
    {
        var c = Case("A", "2026-04-01", decidedOn: "2026-04-14");
        Assert.Equal(D("2026-04-14"), c.DecisionDue);

        var f = Figures(c);

        Assert.Equal((1, 1, 0, 0, 0), (f.Received, f.DecidedInTime, f.DecisionExceeded, f.DecisionNotYetDue, f.EndedWithoutDecision));
        Assert.Equal(100.0, f.DecidedInTimePercent);
        Assert.Empty(f.DecisionExceededCases);
    }

    [Fact]
    public void Easter_decided_on_working_day_8_exceeded_the_limit()
    {
        var f = Figures(Case("A", "2026-04-01", decidedOn: "2026-04-15"));

        Assert.Equal((1, 0, 1), (f.Received, f.DecidedInTime, f.DecisionExceeded));
        Assert.Equal(0.0, f.DecidedInTimePercent);
        Assert.Equal(["A"], f.DecisionExceededCases);
    }

    // Midsummer 2026: received Thu 18.6. [Midsummer Eve Fri 19.6, weekend], Mon 22.6 (1), Tue 23.6 (2), Wed 24.6 (3),
    // Thu 25.6 (4), Fri 26.6 (5), Mon 29.6 (6), Tue 30.6 (7) → decisionDue 30.6, twelve days later.

    [Theory]
    [InlineData("2026-06-26", true)] // working day 5
    [InlineData("2026-06-29", true)]
    [InlineData("2026-06-30", true)] // working day 7
    [InlineData("2026-07-01", false)] // working day 8
    public void Midsummer_the_eve_and_the_weekend_are_not_counted(string decidedOn, bool inTime)
    {
        var c = Case("M", "2026-06-18", decidedOn: decidedOn);
        Assert.Equal(D("2026-06-30"), c.DecisionDue);

        var f = Figures(c);

        Assert.Equal(inTime ? (1, 0) : (0, 1), (f.DecidedInTime, f.DecisionExceeded));
    }

    [Fact]
    public void Decided_on_the_day_of_receipt_is_in_time()
    {
        var f = Figures(Case("A", "2026-06-16", decidedOn: "2026-06-16"));

        Assert.Equal((1, 1, 0), (f.Received, f.DecidedInTime, f.DecisionExceeded));
    }

    [Fact]
    public void A_decision_not_to_start_the_assessment_counts_like_any_decision()
    {
        // LSL § 26(5): the decision is whether to start; "obviously unnecessary" is decided in time or late as well.
        var f = Figures(
            Case("A", "2026-04-01", decidedOn: "2026-04-14", start: false),
            Case("B", "2026-04-01", decidedOn: "2026-04-15", start: false));

        Assert.Equal((2, 1, 1, 0), (f.Received, f.DecidedInTime, f.DecisionExceeded, f.EndedWithoutDecision));
        Assert.Equal(["B"], f.DecisionExceededCases);
        Assert.Equal(0, f.AssessmentsCompleted); // no assessment was started
    }

    [Fact]
    public void Undecided_and_past_due_has_exceeded_the_limit()
    {
        // Received Thu 2.4 → decisionDue Wed 15.4; on 5.10 still nothing decided.
        var f = Figures(Case("A", "2026-04-02"));

        Assert.Equal((1, 0, 1, 0), (f.Received, f.DecidedInTime, f.DecisionExceeded, f.DecisionNotYetDue));
        Assert.Equal(["A"], f.DecisionExceededCases);
    }

    // Received Tue 29.9.2026: Wed 30.9 (1), Thu 1.10 (2), Fri 2.10 (3), Mon 5.10 (4), Tue 6.10 (5), Wed 7.10 (6),
    // Thu 8.10 (7) → decisionDue 8.10, after the period's end.

    [Theory]
    [InlineData("2026-10-05", false)]
    [InlineData("2026-10-08", false)] // the due day itself is still in time
    [InlineData("2026-10-09", true)]
    public void Undecided_and_not_yet_due_waits_until_the_due_date_has_passed(string today, bool exceeded)
    {
        var c = Case("A", "2026-09-29");
        Assert.Equal(D("2026-10-08"), c.DecisionDue);

        var f = Figures(AprSep2026, D(today), c);

        Assert.Equal(exceeded ? (0, 1, 0) : (0, 0, 1), (f.DecidedInTime, f.DecisionExceeded, f.DecisionNotYetDue));
        Assert.Equal(exceeded ? 0.0 : null, f.DecidedInTimePercent); // not yet due: nothing to divide
    }

    [Fact]
    public void Ended_without_a_decision_is_counted_apart_and_not_in_the_share()
    {
        var f = Figures(
            Case("A", "2026-04-02", open: false), // e.g. transferred before any decision; its due date 15.4 has passed
            Case("B", "2026-09-29", open: false), // ended before its due date 8.10
            Case("C", "2026-04-01", decidedOn: "2026-04-14"));

        Assert.Equal((3, 1, 0, 0, 2), (f.Received, f.DecidedInTime, f.DecisionExceeded, f.DecisionNotYetDue, f.EndedWithoutDecision));
        Assert.Equal(100.0, f.DecidedInTimePercent);
        Assert.Empty(f.DecisionExceededCases);
    }

    [Fact]
    public void A_pre_birth_case_still_waiting_for_the_birth_is_in_no_figure()
    {
        var f = Figures(AwaitingBirth("P"), AwaitingBirth("Q", open: false));

        Assert.Equal(0, f.Received);
        Assert.Equal(0, f.AssessmentsCompleted);
        Assert.Null(f.DecidedInTimePercent);
        Assert.Null(f.CompletedInTimePercent);
        Assert.Empty(f.OpenPastAssessmentLimit);
    }

    // ---- Which cases the period holds -----------------------------------------------------------------------------

    [Fact]
    public void Received_counts_the_cases_pending_from_the_first_to_the_last_day_of_the_period()
    {
        var f = Figures(
            Case("before", "2026-03-31", decidedOn: "2026-04-01"), // the day before 1.4
            Case("first", "2026-04-01", decidedOn: "2026-04-01"),
            Case("last", "2026-09-30", decidedOn: "2026-10-01"), // decided after the period, still in time
            Case("after", "2026-10-01", decidedOn: "2026-10-01")); // the day after 30.9

        Assert.Equal((2, 2, 0), (f.Received, f.DecidedInTime, f.DecisionExceeded));
    }

    [Fact]
    public void A_case_received_at_the_end_of_the_period_and_still_undecided_is_not_yet_due()
    {
        // Received Wed 30.9: Thu 1.10 (1) … Fri 9.10 (7) → decisionDue 9.10.
        var c = Case("last", "2026-09-30");
        Assert.Equal(D("2026-10-09"), c.DecisionDue);

        var f = Figures(c);

        Assert.Equal((1, 0, 0, 1), (f.Received, f.DecidedInTime, f.DecisionExceeded, f.DecisionNotYetDue));
    }

    [Fact]
    public void The_pending_date_is_the_Helsinki_date_of_receipt()
    {
        // 30.9.2026 21:30 UTC is already 00:30 on 1.10 in Helsinki (EEST, +03:00): the October–March half.
        var deadlines = Rules.For(DateTimeOffset.Parse("2026-09-30T21:30:00Z", CultureInfo.InvariantCulture));
        var c = new ComplianceCase("late-evening", "north", deadlines.ReceivedOn, deadlines.DecisionDue, null, false, deadlines.AssessmentDue, null, true);

        Assert.Equal(0, Figures(c).Received);
        Assert.Equal(1, Figures(ReportPeriod.OctMar(2026), Today, c).Received);
    }

    // ---- Completion within the limit: 3 months --------------------------------------------------------------------

    // Received Tue 16.6.2026 → assessmentDue Wed 16.9.2026 (same day number, three months on).

    [Fact]
    public void An_assessment_completed_on_its_three_month_due_date_is_in_time()
    {
        var c = Case("A", "2026-06-16", decidedOn: "2026-06-24", completedOn: "2026-09-16");
        Assert.Equal(D("2026-09-16"), c.AssessmentDue);

        var f = Figures(c);

        Assert.Equal((1, 1, 0), (f.AssessmentsCompleted, f.CompletedInTime, f.CompletionExceeded));
        Assert.Equal(100.0, f.CompletedInTimePercent);
        Assert.Empty(f.CompletionExceededCases);
    }

    [Fact]
    public void An_assessment_completed_a_day_after_its_due_date_exceeded_the_limit()
    {
        var f = Figures(Case("A", "2026-06-16", decidedOn: "2026-06-24", completedOn: "2026-09-17"));

        Assert.Equal((1, 0, 1), (f.AssessmentsCompleted, f.CompletedInTime, f.CompletionExceeded));
        Assert.Equal(0.0, f.CompletedInTimePercent);
        Assert.Equal(["A"], f.CompletionExceededCases);
    }

    [Fact]
    public void A_due_date_on_a_weekend_is_not_moved()
    {
        // Received Sat 29.8.2026 → assessmentDue Sun 29.11.2026; completed Mon 30.11 is late (docs/domain.md, Months).
        var c = Case("A", "2026-08-29", decidedOn: "2026-09-01", completedOn: "2026-11-30");
        Assert.Equal(D("2026-11-29"), c.AssessmentDue);

        var f = Figures(ReportPeriod.OctMar(2026), D("2027-04-05"), c);

        Assert.Equal((1, 0, 1), (f.AssessmentsCompleted, f.CompletedInTime, f.CompletionExceeded));
    }

    [Fact]
    public void An_assessment_completed_in_the_period_counts_whenever_the_case_became_pending()
    {
        // Received Thu 15.1.2026, in the October–March half → assessmentDue 15.4; completed 10.4, in this half.
        var f = Figures(Case("A", "2026-01-15", decidedOn: "2026-01-20", completedOn: "2026-04-10"));

        Assert.Equal(0, f.Received);
        Assert.Equal((1, 1, 0), (f.AssessmentsCompleted, f.CompletedInTime, f.CompletionExceeded));
    }

    [Fact]
    public void Completion_counts_from_the_first_to_the_last_day_of_the_period()
    {
        var f = Figures(
            Case("before", "2026-01-02", decidedOn: "2026-01-05", completedOn: "2026-03-31"),
            Case("first", "2026-01-02", decidedOn: "2026-01-05", completedOn: "2026-04-01"),
            Case("last", "2026-07-01", decidedOn: "2026-07-03", completedOn: "2026-09-30"),
            Case("after", "2026-07-01", decidedOn: "2026-07-03", completedOn: "2026-10-01"));

        Assert.Equal((2, 2, 0), (f.AssessmentsCompleted, f.CompletedInTime, f.CompletionExceeded));
    }

    [Fact]
    public void An_assessment_still_open_at_the_end_of_the_period_is_in_neither_completion_figure()
    {
        // Easter: received 1.4 → assessmentDue 1.7, long past; received 15.9 → due 15.12, not yet.
        var f = Figures(
            Case("late", "2026-04-01", decidedOn: "2026-04-10"),
            Case("fine", "2026-09-15", decidedOn: "2026-09-16"));

        Assert.Equal((0, 0, 0), (f.AssessmentsCompleted, f.CompletedInTime, f.CompletionExceeded));
        Assert.Null(f.CompletedInTimePercent);
        Assert.Equal(["late"], f.OpenPastAssessmentLimit); // shown to the organisation; not THL's
        Assert.Equal(2, f.DecidedInTime); // its decision still counts
    }

    // ---- The organisation's own list: open past the 3 months --------------------------------------------------------

    [Fact]
    public void Open_past_the_assessment_limit_means_due_before_the_period_ended()
    {
        // Period 1.4–30.9, reported on 20.10: due 30.9 had passed by the end; due 1.10 and 15.10 had not (yet they
        // have by today: they are the next period's business).
        var f = Figures(AprSep2026, D("2026-10-20"),
            Case("due-30.9", "2026-06-30", decidedOn: "2026-07-02"),
            Case("due-1.10", "2026-07-01", decidedOn: "2026-07-03"),
            Case("due-15.10", "2026-07-15", decidedOn: "2026-07-16"));

        Assert.Equal(["due-30.9"], f.OpenPastAssessmentLimit);
    }

    [Theory]
    [InlineData("2026-06-16", false)] // the due day itself: still in time
    [InlineData("2026-06-17", true)]
    public void Open_past_the_assessment_limit_during_the_period_means_due_before_today(string today, bool listed)
    {
        // Received Mon 16.3.2026 → assessmentDue 16.6; the half is reported on mid-way.
        var f = Figures(AprSep2026, D(today), Case("A", "2026-03-16", decidedOn: "2026-03-18"));

        Assert.Equal(listed ? ["A"] : [], f.OpenPastAssessmentLimit);
    }

    [Fact]
    public void Only_open_started_uncompleted_assessments_are_listed()
    {
        var f = Figures(
            Case("open", "2026-04-01", decidedOn: "2026-04-10"),
            Case("completed-late", "2026-04-01", decidedOn: "2026-04-10", completedOn: "2026-07-02"),
            Case("ended-uncompleted", "2026-04-01", decidedOn: "2026-04-10", open: false), // e.g. transferred mid-assessment
            Case("not-started", "2026-04-01", decidedOn: "2026-04-10", start: false),
            Case("undecided", "2026-04-01"),
            AwaitingBirth("pre-birth"));

        Assert.Equal(["open"], f.OpenPastAssessmentLimit);
        Assert.Equal(["completed-late"], f.CompletionExceededCases);
    }

    // ---- Shares, teams, lists -------------------------------------------------------------------------------------

    [Theory]
    [InlineData(2, 1, 66.7)]
    [InlineData(1, 2, 33.3)]
    [InlineData(1, 7, 12.5)]
    [InlineData(15, 1, 93.8)] // 93.75: half away from zero
    [InlineData(1, 15, 6.3)] // 6.25
    [InlineData(11, 1, 91.7)]
    [InlineData(999, 1, 99.9)]
    [InlineData(1999, 1, 100.0)] // 99.95
    [InlineData(0, 5, 0.0)]
    [InlineData(5, 0, 100.0)]
    [InlineData(0, 0, null)]
    public void Shares_are_rounded_to_one_decimal_and_null_when_there_is_nothing_to_divide(int inTime, int exceeded, double? percent)
    {
        var cases = Enumerable.Range(0, inTime).Select(i => Case($"in-{i}", "2026-06-16", decidedOn: "2026-06-26", completedOn: "2026-09-16"))
            .Concat(Enumerable.Range(0, exceeded).Select(i => Case($"late-{i}", "2026-06-16", decidedOn: "2026-06-29", completedOn: "2026-09-17")))
            .ToArray();

        var f = Figures(cases);

        Assert.Equal((inTime, exceeded), (f.DecidedInTime, f.DecisionExceeded));
        Assert.Equal((inTime, exceeded), (f.CompletedInTime, f.CompletionExceeded));
        Assert.Equal(percent, f.DecidedInTimePercent);
        Assert.Equal(percent, f.CompletedInTimePercent);
    }

    [Fact]
    public void Figures_per_team_ordered_by_id_and_for_the_whole_organisation()
    {
        var report = ComplianceReport.Compute(
        [
            Case("N1", "2026-04-01", decidedOn: "2026-04-14", team: "north"),
            Case("N2", "2026-04-01", decidedOn: "2026-04-15", team: "north"),
            Case("I1", "2026-06-16", decidedOn: "2026-06-16", completedOn: "2026-09-17", team: "intake"),
            Case("S1", "2026-10-01", team: "south"), // outside the period: the team is listed with nothing counted
            Case("Ä1", "2026-04-01", team: "ärr"), // undecided, past due
        ], AprSep2026, Today);

        Assert.Equal(AprSep2026, report.Period);
        Assert.Equal(Today, report.Today);
        Assert.Equal(["intake", "north", "south", "ärr"], report.Teams.Select(t => t.TeamId));
        var intake = report.Teams[0].Figures;
        var north = report.Teams[1].Figures;
        var south = report.Teams[2].Figures;
        Assert.Equal((1, 1, 0, 1, 0, 1), (intake.Received, intake.DecidedInTime, intake.DecisionExceeded, intake.AssessmentsCompleted, intake.CompletedInTime, intake.CompletionExceeded));
        Assert.Equal((2, 1, 1, 50.0), (north.Received, north.DecidedInTime, north.DecisionExceeded, north.DecidedInTimePercent));
        Assert.Equal((0, 0, (double?)null), (south.Received, south.AssessmentsCompleted, south.DecidedInTimePercent));
        var all = report.Organisation;
        Assert.Equal((4, 2, 2, 50.0), (all.Received, all.DecidedInTime, all.DecisionExceeded, all.DecidedInTimePercent));
        Assert.Equal(["N2", "Ä1"], all.DecisionExceededCases);
        Assert.Equal(["I1"], all.CompletionExceededCases);
    }

    [Fact]
    public void No_cases_no_teams_and_no_shares()
    {
        var report = ComplianceReport.Compute([], AprSep2026, Today);

        Assert.Empty(report.Teams);
        Assert.Equal(0, report.Organisation.Received);
        Assert.Null(report.Organisation.DecidedInTimePercent);
        Assert.Null(report.Organisation.CompletedInTimePercent);
    }

    [Fact]
    public void Case_lists_are_in_ordinal_order_whatever_order_the_cases_come_in()
    {
        var f = Figures(
            Case("LF-2026-000010", "2026-04-02"),
            Case("LF-2026-000002", "2026-04-02"),
            Case("LF-2026-000001", "2026-04-02"));

        Assert.Equal(["LF-2026-000001", "LF-2026-000002", "LF-2026-000010"], f.DecisionExceededCases);
    }

    // ---- Properties ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Arbitrary cases as the workflow can produce them: received in 2025–2027 (or a pre-birth case without deadlines),
    /// maybe decided 0–20 days later, maybe completed 0–150 days after the decision, open or ended.
    /// </summary>
    private static readonly Gen<ComplianceCase> AnyCase =
        from id in Gen.Choose(1, 1_000_000)
        from team in Gen.Elements("intake", "north", "south")
        from receivedDay in Gen.Choose(0, 3 * 365)
        from preBirth in Gen.Elements(false, false, false, false, true)
        from decidedAfter in Gen.Choose(-1, 20)
        from start in Gen.Elements(true, true, false)
        from completedAfter in Gen.Choose(-1, 150)
        from ended in Gen.Elements(false, true)
        select MakeCase($"LF-{id:D7}", team, new DateOnly(2025, 1, 1).AddDays(receivedDay), preBirth, decidedAfter, start, completedAfter, ended);

    private static ComplianceCase MakeCase(string id, string team, DateOnly receivedOn, bool preBirth, int decidedAfter, bool start, int completedAfter, bool ended)
    {
        if (preBirth) return AwaitingBirth(id, open: !ended, team: team);
        var deadlines = Rules.For(HelsinkiTime.AtLocalTime(receivedOn, new TimeOnly(12, 0)));
        DateOnly? decided = decidedAfter < 0 ? null : receivedOn.AddDays(decidedAfter);
        var started = decided is not null && start;
        DateOnly? completed = started && completedAfter >= 0 ? decided!.Value.AddDays(completedAfter) : null;
        var open = !ended && completed is null && !(decided is not null && !start);
        return new ComplianceCase(id, team, deadlines.ReceivedOn, deadlines.DecisionDue, decided, started, deadlines.AssessmentDue, completed, open);
    }

    private static readonly Gen<ReportPeriod> AnyPeriod = Gen.OneOf(
        Gen.Choose(2025, 2027).Select(ReportPeriod.AprSep),
        Gen.Choose(2024, 2027).Select(ReportPeriod.OctMar),
        from start in Gen.Choose(0, 3 * 365)
        from length in Gen.Choose(0, ReportPeriod.MaxDays - 1)
        select new ReportPeriod(new DateOnly(2025, 1, 1).AddDays(start), new DateOnly(2025, 1, 1).AddDays(start + length)));

    private static readonly Arbitrary<(ComplianceCase[] Cases, ReportPeriod Period, DateOnly Today)> AnyReport = Arb.From(
        from cases in Gen.ArrayOf(AnyCase)
        from period in AnyPeriod
        from today in Gen.Choose(0, 4 * 365).Select(new DateOnly(2025, 1, 1).AddDays)
        select (cases, period, today));

    [Property]
    public Property Every_received_case_is_in_exactly_one_decision_figure() =>
        Prop.ForAll(AnyReport, r =>
        {
            var f = ComplianceReport.Compute(r.Cases, r.Period, r.Today).Organisation;
            return f.DecidedInTime + f.DecisionExceeded + f.DecisionNotYetDue + f.EndedWithoutDecision == f.Received
                && f.Received == r.Cases.Count(c => c.PendingOn is { } on && r.Period.Contains(on))
                && f.CompletedInTime + f.CompletionExceeded == f.AssessmentsCompleted
                && f.DecisionExceededCases.Count == f.DecisionExceeded
                && f.CompletionExceededCases.Count == f.CompletionExceeded;
        });

    [Property]
    public Property Per_team_figures_add_up_to_the_organisation_s() =>
        Prop.ForAll(AnyReport, r =>
        {
            var report = ComplianceReport.Compute(r.Cases, r.Period, r.Today);
            int Sum(Func<ComplianceFigures, int> figure) => report.Teams.Sum(t => figure(t.Figures));
            IEnumerable<string> All(Func<ComplianceFigures, IReadOnlyList<string>> list) =>
                report.Teams.SelectMany(t => list(t.Figures)).Order(StringComparer.Ordinal);
            var o = report.Organisation;
            return Sum(f => f.Received) == o.Received
                && Sum(f => f.DecidedInTime) == o.DecidedInTime
                && Sum(f => f.DecisionExceeded) == o.DecisionExceeded
                && Sum(f => f.DecisionNotYetDue) == o.DecisionNotYetDue
                && Sum(f => f.EndedWithoutDecision) == o.EndedWithoutDecision
                && Sum(f => f.AssessmentsCompleted) == o.AssessmentsCompleted
                && Sum(f => f.CompletedInTime) == o.CompletedInTime
                && Sum(f => f.CompletionExceeded) == o.CompletionExceeded
                && All(f => f.DecisionExceededCases).SequenceEqual(o.DecisionExceededCases)
                && All(f => f.CompletionExceededCases).SequenceEqual(o.CompletionExceededCases)
                && All(f => f.OpenPastAssessmentLimit).SequenceEqual(o.OpenPastAssessmentLimit)
                && report.Teams.Select(t => t.TeamId).SequenceEqual(r.Cases.Select(c => c.TeamId).Distinct().Order(StringComparer.Ordinal));
        });

    [Property]
    public Property Shares_are_between_0_and_100_and_null_only_when_nothing_counts() =>
        Prop.ForAll(AnyReport, r =>
        {
            var f = ComplianceReport.Compute(r.Cases, r.Period, r.Today).Organisation;
            static bool Share(double? percent, int inTime, int exceeded) =>
                inTime + exceeded == 0 ? percent is null : percent is >= 0 and <= 100 && Math.Abs(percent.Value - 100.0 * inTime / (inTime + exceeded)) <= 0.05 + 1e-9;
            return Share(f.DecidedInTimePercent, f.DecidedInTime, f.DecisionExceeded)
                && Share(f.CompletedInTimePercent, f.CompletedInTime, f.CompletionExceeded);
        });
}
