using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Tests.Workflow;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Messaging;

/// <summary>
/// On-call's hourly cap on URGENT emails (issue 22, Abuse): which emails it counts, its hours, the summary of the rest,
/// and how the daily check judges an email held for that summary.
/// </summary>
public sealed class OnCallCapTests
{
    [Fact]
    public void It_counts_the_red_flag_alert_and_the_urgency_step_to_on_call_and_nothing_else()
    {
        var cap = new OnCallCap();
        Assert.Equal(10, cap.PerHour);
        Assert.True(cap.Applies("Urgent"));
        Assert.True(cap.Applies(nameof(StaffNotice.UrgencyOnCall)));
        Assert.False(cap.Applies(nameof(StaffNotice.UrgencyEscalation))); // the team lead's
        Assert.False(cap.Applies("Receipt"));
        Assert.False(cap.Applies(OnCallSummary.Kind));
        Assert.False(new OnCallCap(0).Applies("Urgent")); // 0: no cap
    }

    [Fact]
    public void Every_kind_it_counts_is_one_the_workflow_sends_to_on_call()
    {
        // A red flag at intake, and the urgency ladder's last step: both to the team's on-call address.
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 10:00"), ValidNotification(immediateDanger: true));
        h.RunUntil(At("2026-06-17 10:00"));

        var toOnCall = h.Sent.Where(e => e.Email.To == North.OnCallEmail).Select(e => e.Email.Kind).ToHashSet();
        Assert.Equal(OnCallCap.Kinds.ToHashSet(), toOnCall);
    }

    [Theory]
    [InlineData("2026-06-16T09:59:59+03:00", "2026061606", "2026-06-16T07:01:00+00:00")]
    [InlineData("2026-06-16T10:00:00+03:00", "2026061607", "2026-06-16T08:01:00+00:00")]
    [InlineData("2026-12-31T23:30:00+00:00", "2026123123", "2027-01-01T00:01:00+00:00")]
    [InlineData("2026-03-29T03:30:00+03:00", "2026032900", "2026-03-29T01:01:00+00:00")] // Helsinki's clock moved on at 03:00
    public void Its_hours_are_whole_UTC_hours_and_the_summary_is_due_a_minute_after_one_ends(string at, string key, string due)
    {
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(key, OnCallCap.HourKey(instant));
        Assert.Equal(OnCallCap.HourOf(instant), OnCallCap.HourOfKey(key));
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), OnCallCap.SummaryDue(instant));
    }

    private static Arbitrary<int> SecondsIn2026 { get; } = Arb.From(Gen.Choose(0, 365 * 24 * 3600 - 1));

    [Property(MaxTest = 500)]
    public Property Every_moment_falls_in_exactly_one_hour_whose_summary_is_due_after_it() =>
        Prop.ForAll(SecondsIn2026, seconds =>
        {
            var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds);
            var hour = OnCallCap.HourOf(at);
            Assert.InRange(at - hour, TimeSpan.Zero, TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
            Assert.True(OnCallCap.SummaryDue(at) > at);
            Assert.Equal(hour, OnCallCap.HourOfKey(OnCallCap.HourKey(at)));
            Assert.True(string.CompareOrdinal(OnCallCap.HourKey(at), OnCallCap.HourKey(at.AddHours(1))) < 0); // keys sort in time order
        });

    [Theory]
    [InlineData("fi", "KIIREELLINEN: 2 hälytystä lisää päivystykseen tunnilla 16.6.2026 klo 10–11 – koonti", "yli 10 kiireellistä")]
    [InlineData("sv", "BRÅDSKANDE: ytterligare 2 larm till jouren under timmen 16.6.2026 kl. 10–11 – sammandrag", "fler än 10 brådskande")]
    [InlineData("en", "URGENT: 2 more alerts to on-call in the hour 16.6.2026 10–11 – summary", "more than 10 urgent")]
    public void The_summary_lists_each_held_case_with_its_link_in_the_team_s_language_and_nothing_about_any_child(
        string language, string subject, string cap)
    {
        var text = OnCallSummary.Text(language, new DateTimeOffset(2026, 6, 16, 7, 0, 0, TimeSpan.Zero), 10,
            [new HeldNotice("LF-1", "Urgent"), new HeldNotice("LF-2", nameof(StaffNotice.UrgencyOnCall))], id => $"{BaseUrl}/api/cases/{id}");

        Assert.Equal(subject, text.Subject);
        Assert.Contains(cap, text.Body);
        Assert.Contains($"- LF-1: ", text.Body);
        Assert.Contains($"{BaseUrl}/api/cases/LF-1", text.Body);
        Assert.Contains($"{BaseUrl}/api/cases/LF-2", text.Body);
        Assert.Equal(2, text.Body.Split('\n').Count(l => l.StartsWith("- LF-", StringComparison.Ordinal)));
        Assert.All(text.Body.Split('\n'), line => Assert.True(line.Length < 160, line));
        Assert.NotNull(EmailKinds.All.WordsFor(OnCallSummary.Kind));
    }

    [Fact]
    public void A_held_email_is_not_stuck_while_its_summary_is_not_due_however_long_ago_it_was_queued()
    {
        var queued = At("2026-06-16 10:05");
        var summaryDue = OnCallCap.SummaryDue(queued); // 11:01 Helsinki time

        // The plain rule would call it stuck at 11:06; held, it is not.
        Assert.NotNull(DailyCheck.OfEmail(CaseId, queued, At("2026-06-16 11:06")));
        Assert.Null(DailyCheck.OfHeldEmail(CaseId, queued, summaryDue, At("2026-06-16 11:06")));
        Assert.Null(DailyCheck.OfHeldEmail(CaseId, queued, summaryDue, summaryDue + DailyCheck.EmailStuckAfter));
        var late = DailyCheck.OfHeldEmail(CaseId, queued, summaryDue, summaryDue + DailyCheck.EmailStuckAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(new CheckFinding(CaseId, DailyCheck.EmailStuck, queued), late);
    }
}
