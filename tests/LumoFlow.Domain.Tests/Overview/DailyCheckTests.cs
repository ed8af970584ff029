using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Tests.Workflow;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Overview;

/// <summary>
/// The daily check's rules (<see cref="DailyCheck"/>): what it names about a case, from the case as recorded, the
/// engine's hold of it and the clock — never from Durable's timers. Received Tue 16.6.2026 10:00 (Midsummer week):
/// urgency to the lead at 12:00 and to on-call at 14:00, decisionDue Fri 26.6, assessmentDue Wed 16.9.
/// </summary>
public sealed class DailyCheckTests
{
    private static readonly DailyCheck Check = new(new UrgencySchedule(), WorkingDayCalendar.Default);
    private static readonly DateTimeOffset Received = At("2026-06-16 10:00");

    /// <summary>A case as opened, before the engine fires any of its timers.</summary>
    private static WorkflowHarness Opened()
    {
        var h = new WorkflowHarness();
        h.Open(Received);
        return h;
    }

    private static List<string> Codes(WorkflowHarness h, DateTimeOffset now, EngineState engine = EngineState.Live) =>
        [.. Check.Of(CaseOverview.Of(h.State), engine, null, now).Select(f => f.Code)];

    [Fact]
    public void A_case_just_opened_with_its_engine_running_has_nothing_to_report()
    {
        Assert.Empty(Codes(Opened(), Received.AddMinutes(5)));
    }

    [Theory]
    [InlineData(EngineState.Failed)]
    [InlineData(EngineState.Terminated)]
    [InlineData(EngineState.Completed)]
    [InlineData(EngineState.Missing)]
    public void An_open_record_whose_instance_has_ended_or_is_missing_is_an_engine_failure(EngineState engine)
    {
        var h = Opened();
        var failedAt = Received.AddMinutes(3);

        var finding = Assert.Single(Check.Of(CaseOverview.Of(h.State), engine, failedAt, Received.AddMinutes(5)));

        Assert.Equal(new CheckFinding(CaseId, DailyCheck.EngineFailed, failedAt), finding);
        // Without the engine's time, since the record last changed.
        Assert.Equal(h.State.LastUpdatedTime, Check.Of(CaseOverview.Of(h.State), engine, null, Received.AddMinutes(5)).Single().Since);
    }

    [Theory]
    [InlineData(EngineState.Live)]
    [InlineData(EngineState.Suspended)]
    public void A_live_or_suspended_instance_is_no_engine_failure(EngineState engine) =>
        Assert.DoesNotContain(DailyCheck.EngineFailed, Codes(Opened(), Received.AddMinutes(5), engine));

    [Fact]
    public void An_ended_case_is_never_a_finding_whatever_the_engine_holds_and_however_late()
    {
        var h = Opened();
        h.Accept(new CaseTerminated("duplicate") { Actor = "admin" }, Received.AddMinutes(1));

        foreach (var engine in Enum.GetValues<EngineState>())
            Assert.Empty(Codes(h, Received.AddDays(200), engine));
    }

    [Fact]
    public void Urgency_not_recorded_is_a_finding_from_the_on_call_step_on_until_it_is_recorded()
    {
        var h = Opened();

        Assert.DoesNotContain(DailyCheck.UrgencyUnassessed, Codes(h, At("2026-06-16 13:59")));
        var finding = Check.Of(CaseOverview.Of(h.State), EngineState.Live, null, At("2026-06-16 14:00")).Single();
        Assert.Equal(new CheckFinding(CaseId, DailyCheck.UrgencyUnassessed, At("2026-06-16 14:00")), finding);

        h.Accept(new UrgencyAssessed(false, null), At("2026-06-16 15:00"));
        Assert.DoesNotContain(DailyCheck.UrgencyUnassessed, Codes(h, At("2026-06-16 15:01")));
    }

    [Fact]
    public void Urgency_received_on_a_saturday_is_a_finding_from_monday_noon_when_on_call_was_to_be_told()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-06-13 22:00"));

        Assert.DoesNotContain(DailyCheck.UrgencyUnassessed, Codes(h, At("2026-06-15 11:59")));
        Assert.Equal(At("2026-06-15 12:00"), Check.Of(CaseOverview.Of(h.State), EngineState.Live, null, At("2026-06-15 12:00")).Single().Since);
    }

    [Fact]
    public void A_decision_deadline_past_without_its_escalation_is_a_finding_half_an_hour_after_the_due_day_ends()
    {
        var h = Opened();
        h.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        var endOfDueDay = At("2026-06-27 00:00"); // decisionDue Fri 26.6

        Assert.Empty(Codes(h, endOfDueDay.AddMinutes(29)));
        var finding = Check.Of(CaseOverview.Of(h.State), EngineState.Live, null, endOfDueDay.AddMinutes(31)).Single();
        Assert.Equal(new CheckFinding(CaseId, DailyCheck.DeadlinePassedUnescalated, endOfDueDay), finding);

        // The engine fires what was due: the case is marked overdue, the escalation is in its history, nothing to report.
        h.RunUntil(endOfDueDay.AddMinutes(31));
        Assert.True(h.State.DecisionOverdue);
        Assert.Empty(Codes(h, endOfDueDay.AddMinutes(31)));
    }

    [Fact]
    public void An_assessment_deadline_past_without_its_escalation_is_a_finding_and_a_decision_made_late_no_longer_is()
    {
        var h = Opened();
        h.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        h.RunUntil(At("2026-06-30 09:00"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-06-30 10:00"));
        var before = h.State;
        var endOfDueDay = At("2026-09-17 00:00"); // assessmentDue Wed 16.9

        Assert.Empty(Check.Of(CaseOverview.Of(before), EngineState.Live, null, endOfDueDay.AddMinutes(29)));
        Assert.Equal(new CheckFinding(CaseId, DailyCheck.DeadlinePassedUnescalated, endOfDueDay),
            Check.Of(CaseOverview.Of(before), EngineState.Live, null, endOfDueDay.AddMinutes(31)).Single());
    }

    [Fact]
    public void A_pre_birth_case_has_no_deadline_to_miss_but_its_urgency_all_the_same()
    {
        var h = new WorkflowHarness();
        h.Open(Received, PreBirthNotification());

        Assert.Equal([DailyCheck.UrgencyUnassessed], Codes(h, Received.AddDays(200)));
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, false)]
    [InlineData(61, true)]
    [InlineData(60 * 24 * 3, true)]
    public void An_email_unsent_for_over_an_hour_is_stuck(int minutes, bool stuck)
    {
        var finding = DailyCheck.OfEmail(CaseId, Received, Received.AddMinutes(minutes));

        Assert.Equal(stuck ? new CheckFinding(CaseId, DailyCheck.EmailStuck, Received) : null, finding);
    }

    [Theory]
    [InlineData(-10, false)]
    [InlineData(29, false)]
    [InlineData(31, true)]
    public void A_record_s_timer_pending_over_half_an_hour_after_its_time_is_to_be_woken(int minutesLate, bool overdue)
    {
        var c = CaseOverview.Of(Opened().State);
        var due = At("2026-06-16 12:00");

        Assert.Equal(overdue ? due : null, DailyCheck.OverdueTimer(c, due, due.AddMinutes(minutesLate)));
        Assert.Null(DailyCheck.OverdueTimer(c, null, due.AddDays(1)));
    }

    // ---- The check agrees with the workflow's own timers: a case whose engine fires them is never reported for a
    // deadline or for a timer to wake, at any moment of its first six months; one whose engine stopped is. ----

    private static Arbitrary<int> MinutesIntoTheCase { get; } = Arb.From(Gen.Choose(0, 60 * 24 * 183));

    [Property(MaxTest = 300)]
    public Property A_case_whose_engine_fires_its_timers_never_has_a_deadline_passed_unescalated() =>
        Prop.ForAll(MinutesIntoTheCase, minutes =>
        {
            var h = Opened();
            h.Accept(new UrgencyAssessed(false, null), Received.AddMinutes(20));
            var now = Received.AddMinutes(20 + minutes);
            h.RunUntil(now);

            Assert.DoesNotContain(DailyCheck.DeadlinePassedUnescalated, Codes(h, now));
            Assert.Null(DailyCheck.OverdueTimer(CaseOverview.Of(h.State), h.PendingTimers.Values.Min(t => (DateTimeOffset?)t.DueAt), now));
        });

    [Property(MaxTest = 300)]
    public Property A_case_whose_engine_stopped_at_opening_is_reported_once_its_decision_deadline_passes() =>
        Prop.ForAll(MinutesIntoTheCase, minutes =>
        {
            var h = Opened();
            var now = Received.AddMinutes(minutes);
            var passed = now >= At("2026-06-27 00:30");

            Assert.Equal(passed, Codes(h, now).Contains(DailyCheck.DeadlinePassedUnescalated));
            Assert.Equal(now >= At("2026-06-16 14:00"), Codes(h, now).Contains(DailyCheck.UrgencyUnassessed));
        });
}
