using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// A partner's link (SHL § 41; issue 22, Partner links): it expires
/// <see cref="ReminderSchedule.PartnerLinkDaysAfterLastReminder"/> days (default 30) after its last reminder, and as
/// soon as it is answered, waived or the case ends. The case is received Mon 20.4.2026 and the school asked Thu 30.4:
/// reminders Fri 8.5 and Mon 18.5 (LifecycleTests counts the working days), so by default the link works to the end of
/// Wed 17.6.2026, Helsinki time.
/// </summary>
public sealed class PartnerLinkTests
{
    private static readonly DateTimeOffset Asked = At("2026-04-30 10:00");

    private static WorkflowHarness SchoolAsked(ReminderSchedule? reminders = null)
    {
        var h = reminders is null ? new WorkflowHarness() : new WorkflowHarness(new WorkflowOptions(BaseUrl) { Reminders = reminders });
        h.Open(At("2026-04-20 10:00"));
        h.Accept(new UrgencyAssessed(false, null), At("2026-04-20 10:30"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-04-22 10:00"));
        h.Accept(new PartnerInputRequested(School, "How is the child at school?", PartnerSecret), Asked);
        return h;
    }

    private static PartnerRequest Request(WorkflowHarness h) => h.State.Partners.Single();

    [Fact]
    public void By_default_the_link_expires_when_the_30th_day_after_the_last_reminder_ends()
    {
        var h = SchoolAsked();

        Assert.Equal(At("2026-06-18 00:00"), Request(h).ExpiresAt);
        Assert.Equal(new DateOnly(2026, 6, 17), Request(h).AnswerBy);
        Assert.Contains("17.6.2026", h.Sent.Single(e => e.Email.Kind == "PartnerRequest").Email.TextBody);
    }

    [Fact]
    public void The_days_are_a_setting_and_without_reminders_they_count_from_the_request()
    {
        Assert.Equal(At("2026-05-29 00:00"), Request(SchoolAsked(new ReminderSchedule { PartnerLinkDaysAfterLastReminder = 10 })).ExpiresAt);
        Assert.Equal(At("2026-05-31 00:00"), Request(SchoolAsked(new ReminderSchedule { PartnerReminderWorkingDays = [] })).ExpiresAt);
    }

    [Fact]
    public void Every_reminder_goes_while_the_link_works_and_the_worker_is_told_before_it_expires()
    {
        var h = SchoolAsked();
        h.RunUntil(At("2026-07-31 00:00"));

        var partnerEmails = h.Sent.Where(e => e.Email.Kind.StartsWith("Partner", StringComparison.Ordinal)).ToList();
        Assert.Equal(["PartnerRequest", "PartnerReminder", "PartnerReminder", "PartnerNotAnswering"], partnerEmails.Select(e => e.Email.Kind));
        Assert.All(partnerEmails, e => Assert.True(e.At < Request(h).ExpiresAt));
        Assert.Equal(At("2026-06-18 00:00"), Request(h).ExpiresAt); // reminders on time do not move it
    }

    [Fact]
    public void A_reminder_sent_late_keeps_its_link_30_days_after_it_went()
    {
        // The engine was down: the first reminder (due Fri 8.5) goes on Mon 1.6, and the second at once after it.
        var h = SchoolAsked();
        var late = At("2026-06-01 09:00");
        var step = (WorkflowStep)h.Workflow.Apply(h.State, new TimerFired(TimerNames.Partner("P1")), late);

        Assert.Equal(At("2026-07-02 00:00"), step.State.Partners.Single().ExpiresAt);
        Assert.Contains("1.7.2026", step.Emails.Single().TextBody); // the reminder says the date it works to
        var accepted = h.Workflow.Apply(step.State, new PartnerInputReceived("P1", PartnerSecret, "answer", null), At("2026-07-01 23:59"));
        Assert.IsType<WorkflowStep>(accepted);
    }

    [Fact]
    public void After_the_case_ends_the_link_is_refused_and_stays_refused_whatever_else_holds()
    {
        var h = SchoolAsked();
        h.Accept(new CaseTerminated("opened by mistake") { Actor = "lead" }, At("2026-05-04 09:00"));

        foreach (var at in new[] { At("2026-05-04 09:01"), At("2026-06-17 12:00"), At("2026-06-18 00:00"), At("2027-01-01 00:00") })
        {
            var refusal = h.Refuse(new PartnerInputReceived("P1", PartnerSecret, "answer", null), at);
            Assert.Equal(RefusalKind.CaseEnded, refusal.Kind);
            Assert.Equal(RefusalCode.CaseEnded, PartnerLinks.Refusal(h.State, Request(h), at)!.Code);
        }
        Assert.Equal(PartnerRequestStatus.Requested, Request(h).Status);
    }

    [Fact]
    public void The_page_and_the_answer_share_one_rule_answered_waived_ended_expired_in_that_order()
    {
        var h = SchoolAsked();
        var open = h.State;
        var request = Request(h);
        var ended = open with { RuntimeStatus = RuntimeStatus.Terminated };
        var expired = At("2026-06-18 00:00");

        Assert.Null(PartnerLinks.Refusal(open, request, At("2026-06-17 23:59")));
        Assert.Equal(RefusalCode.LinkExpired, PartnerLinks.Refusal(open, request, expired)!.Code);
        Assert.Equal(RefusalCode.CaseEnded, PartnerLinks.Refusal(ended, request, At("2026-05-01 00:00"))!.Code);
        Assert.Equal(RefusalCode.CaseEnded, PartnerLinks.Refusal(ended, request, expired)!.Code);
        Assert.Equal(RefusalCode.LinkUsed, PartnerLinks.Refusal(ended, request with { Status = PartnerRequestStatus.Answered }, expired)!.Code);
        Assert.Equal(RefusalCode.LinkNotNeeded, PartnerLinks.Refusal(open, request with { Status = PartnerRequestStatus.Waived }, expired)!.Code);
    }

    private static readonly DateOnly FirstDay = new(2025, 1, 1);

    private static Arbitrary<(int Day, int Days)> RequestDayAndSetting { get; } =
        Arb.From(Gen.Choose(0, 4 * 365).SelectMany(_ => Gen.Choose(1, 90), (day, days) => (day, days)));

    [Property(MaxTest = 300)]
    public Property On_any_day_the_link_works_through_the_whole_Helsinki_day_N_days_after_the_last_reminder_and_not_a_moment_longer() =>
        Prop.ForAll(RequestDayAndSetting, x =>
        {
            var schedule = new ReminderSchedule { PartnerLinkDaysAfterLastReminder = x.Days };
            var requestedOn = FirstDay.AddDays(x.Day);
            var lastReminder = schedule.PartnerFollowUp(requestedOn, schedule.PartnerReminderWorkingDays.Count - 1, WorkingDayCalendar.Default)!.Value;
            var expiry = schedule.PartnerLinkExpiry(requestedOn, WorkingDayCalendar.Default);

            var lastDay = HelsinkiTime.LocalDate(lastReminder).AddDays(x.Days);
            Assert.Equal(lastDay, HelsinkiTime.LocalDate(expiry.AddTicks(-1)));
            Assert.Equal(lastDay.AddDays(1), HelsinkiTime.LocalDate(expiry));
            Assert.True(expiry > lastReminder);
            // A reminder on time keeps the same expiry.
            Assert.Equal(expiry, schedule.PartnerLinkExpiryAfterReminder(lastReminder));
        });
}
