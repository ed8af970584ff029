using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 5 (LSL § 25 c(3); law review H2): the case of a pre-birth notification becomes pending at the birth, so
/// its deadlines count from the day of birth — <see cref="ChildBorn.BornOn"/>, or the date the identity code gives — not
/// from the day staff record it. A day of birth that disagrees with the identity code, or lies in the future, is
/// refused; a birth before the pre-birth notification arrived counts from the notification's receipt.
/// The notification arrives Tuesday 10.2.2026; the child is born Thursday 12.3.2026 and the birth is recorded 5 days
/// later, on Tuesday 17.3. From 12.3: Fri 13.3 (1), Mon 16.3 (2) … Fri 20.3 (6), Mon 23.3 (7) → decisionDue 23.3 (from
/// the record it would have been Thu 26.3); assessmentDue 12.6.2026.
/// </summary>
public sealed class PreBirthTests
{
    private static readonly DeadlineRules Rules = new(WorkingDayCalendar.Default);
    private static readonly DateTimeOffset Received = At("2026-02-10 10:00");
    private static readonly DateOnly BornOn = new(2026, 3, 12);
    private static readonly DateTimeOffset Recorded = At("2026-03-17 10:00");

    private static string CodeOf(DateOnly born) => PersonalIdentityCode.Of(born, 456).Value;

    private static WorkflowHarness AwaitingBirth(DateTimeOffset? received = null)
    {
        var h = new WorkflowHarness();
        h.Open(received ?? Received, PreBirthNotification());
        h.Accept(new UrgencyAssessed(false, "on call: no urgent need before the birth"), (received ?? Received).AddMinutes(30));
        h.Accept(new NotifierContacted("phone", (received ?? Received).AddDays(1), null), (received ?? Received).AddDays(1));
        return h;
    }

    [Theory]
    [InlineData(false)] // the identity code gives the day
    [InlineData(true)]  // the day given, and checked against the code
    public void A_birth_recorded_5_days_late_counts_from_the_day_of_birth(bool bornOnGiven)
    {
        var h = AwaitingBirth();

        var step = h.Accept(new ChildBorn(CodeOf(BornOn)) { BornOn = bornOnGiven ? BornOn : null }, Recorded);

        var deadlines = h.State.Deadlines!;
        Assert.Equal(Rules.For(HelsinkiTime.StartOfDay(BornOn)), deadlines);
        Assert.Equal((BornOn, new DateOnly(2026, 3, 23), new DateOnly(2026, 6, 12)), (deadlines.ReceivedOn, deadlines.DecisionDue, deadlines.AssessmentDue));
        Assert.NotEqual(Rules.For(Recorded).DecisionDue, deadlines.DecisionDue); // 26.3: five days' grace the law does not give
        Assert.Equal(CasePhase.AwaitingDecision, h.State.Phase);
        Assert.Equal("2026-03-12", step.History.Single(e => e.EventType == "ChildBorn").Details!["bornOn"]);
        Assert.Equal(
            Rules.For(HelsinkiTime.StartOfDay(BornOn)).DecisionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            step.History.Single(e => e.EventType == "DeadlinesSet").Details!["decisionDue"]);
        // The reminders still ahead are set from the birth; the decision is escalated on the morning of 23.3.
        Assert.Equal(At("2026-03-19 08:00"), h.PendingTimers[TimerNames.DecisionReminder].DueAt);
        Assert.Equal(At("2026-03-23 08:00"), h.PendingTimers[TimerNames.DecisionEscalation].DueAt);
        Assert.Equal(At("2026-03-23 08:00"), h.PendingTimers[TimerNames.InformFamilyEscalation].DueAt);
        // THL: the case became pending on the day of birth.
        Assert.Equal(BornOn, ComplianceCase.Of(h.State).PendingOn);
    }

    [Fact]
    public void A_day_of_birth_that_disagrees_with_the_identity_code_is_refused_and_nothing_changes()
    {
        var h = AwaitingBirth();
        h.RunUntil(Recorded);
        var before = h.State;

        var refusal = h.Refuse(new ChildBorn(CodeOf(BornOn)) { BornOn = BornOn.AddDays(-1) }, Recorded);

        Assert.Equal((RefusalKind.InvalidInput, RefusalCode.BirthDateMismatch, "2026-03-11"), (refusal.Kind, refusal.Code, refusal.Subject));
        Assert.Same(before, h.State);
        Assert.Equal(CasePhase.AwaitingBirth, h.State.Phase);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_birth_in_the_future_is_refused(bool bornOnGiven)
    {
        var h = AwaitingBirth();
        var tomorrow = new DateOnly(2026, 3, 18);

        var refusal = h.Refuse(new ChildBorn(CodeOf(tomorrow)) { BornOn = bornOnGiven ? tomorrow : null }, Recorded);

        Assert.Equal((RefusalKind.InvalidInput, RefusalCode.BornInFuture, "2026-03-18"), (refusal.Kind, refusal.Code, refusal.Subject));
        Assert.Equal(CasePhase.AwaitingBirth, h.State.Phase);
        Assert.Null(h.State.Deadlines);
    }

    [Fact]
    public void Born_on_the_day_it_is_recorded_counts_from_that_day()
    {
        var h = AwaitingBirth();

        h.Accept(new ChildBorn(CodeOf(new DateOnly(2026, 3, 17))), At("2026-03-17 23:30"));

        Assert.Equal(new DateOnly(2026, 3, 17), h.State.Deadlines!.ReceivedOn);
    }

    [Fact]
    public void A_child_born_before_the_pre_birth_notification_arrived_counts_from_the_receipt()
    {
        var h = AwaitingBirth();

        h.Accept(new ChildBorn(CodeOf(new DateOnly(2026, 2, 5))), At("2026-02-12 10:00"));

        Assert.Equal(Rules.For(Received), h.State.Deadlines);
        Assert.Equal(new DateOnly(2026, 2, 10), ComplianceCase.Of(h.State).PendingOn);
    }

    private static readonly DateOnly FirstRecord = new(2026, 1, 1);

    /// <summary>
    /// For any day of birth within 30 days before the day it is recorded (the notification having arrived before the
    /// birth), with or without <c>bornOn</c>: the deadlines are exactly those of a case received on the day of birth.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property For_any_birth_within_30_days_before_it_is_recorded_the_deadlines_count_from_the_birth() =>
        Prop.ForAll(Arb.From(
            from recordOffset in Gen.Choose(0, 729)
            from daysBefore in Gen.Choose(0, 30)
            from hour in Gen.Choose(8, 20)
            from given in Gen.Elements(true, false)
            select (recordOffset, daysBefore, hour, given)), input =>
        {
            var (recordOffset, daysBefore, hour, given) = input;
            var recordDay = FirstRecord.AddDays(recordOffset);
            var born = recordDay.AddDays(-daysBefore);
            var received = HelsinkiTime.AtLocalTime(born.AddDays(-40), new TimeOnly(10, 0));
            var h = AwaitingBirth(received);

            h.Accept(new ChildBorn(CodeOf(born)) { BornOn = given ? born : null }, HelsinkiTime.AtLocalTime(recordDay, new TimeOnly(hour, 0)));

            var birth = Rules.For(HelsinkiTime.StartOfDay(born));
            Assert.Equal(birth, h.State.Deadlines);
            Assert.Equal(born, ComplianceCase.Of(h.State).PendingOn);
            Assert.Equal(birth.DecisionDue, ComplianceCase.Of(h.State).DecisionDue);
        });

    /// <summary>
    /// LSL § 25 c(3): client status begins only after the birth ("lastensuojeluasiakkuus alkaa lapsen syntymän jälkeen"):
    /// an urgent measure recorded before it (§ 25 c(2)) begins none, and <see cref="ClientStatusStarted"/> waits for the birth.
    /// </summary>
    [Fact]
    public void Client_status_does_not_begin_before_the_birth()
    {
        var h = new WorkflowHarness();
        h.Open(Received, PreBirthNotification());

        h.Accept(new UrgencyAssessed(true, null) { Measure = "urgentSupport" }, Received.AddMinutes(30));

        Assert.Null(h.State.ClientStatus);
        Assert.DoesNotContain("clientStatusNotice", CustomStatus.Of(h.State).OpenObligations);
        Assert.DoesNotContain(TimerNames.ClientStatusNotice, h.PendingTimers.Keys);
        Assert.Equal(RefusalCode.WaitingForBirth,
            h.Refuse(new ClientStatusStarted(ClientStatusReasons.UrgentMeasure, Received.AddHours(1)), Received.AddHours(1)).Code);
    }
}
