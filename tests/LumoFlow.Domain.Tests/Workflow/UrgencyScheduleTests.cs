using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// LSL § 26(2), SHL § 36(1): the urgency ladder (<see cref="UrgencySchedule"/>). The clock starts at receipt in office
/// hours (working days of the statutory calendar, 08:00–16:00 Helsinki time), otherwise at 08:00 on the next working
/// morning; the team lead hears of an unrecorded urgency 2 hours after it starts, on-call after 4. A red flag goes to
/// on-call at once. Working days are counted by hand in the comments (docs/domain.md, Counting).
/// </summary>
public sealed class UrgencyScheduleTests
{
    private static readonly UrgencySchedule Default = new();
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Theory]
    // In office hours on a working day: the clock starts at receipt.
    [InlineData("2026-04-01 10:00", "2026-04-01 10:00")] // Wednesday
    [InlineData("2026-04-01 08:00", "2026-04-01 08:00")] // office hours begin at 08:00 sharp
    [InlineData("2026-04-01 15:59", "2026-04-01 15:59")] // … and the last minute before 16:00 is still in them
    // Before office hours on a working day: 08:00 the same day.
    [InlineData("2026-04-01 07:30", "2026-04-01 08:00")]
    [InlineData("2026-04-01 00:00", "2026-04-01 08:00")]
    // After office hours: the next working morning.
    [InlineData("2026-04-01 16:00", "2026-04-02 08:00")] // 16:00 is already after
    [InlineData("2026-04-01 23:59", "2026-04-02 08:00")]
    // Friday evening and the weekend: Monday 08:00.
    [InlineData("2026-03-13 17:00", "2026-03-16 08:00")] // Friday 17:00
    [InlineData("2026-03-14 23:00", "2026-03-16 08:00")] // Saturday 23:00
    [InlineData("2026-03-15 10:00", "2026-03-16 08:00")] // Sunday in "office hours": not a working day
    // Easter 2026: Thu 2.4 evening → [Good Friday 3.4, weekend, Easter Monday 6.4] → Tuesday 7.4.
    [InlineData("2026-04-02 17:00", "2026-04-07 08:00")]
    [InlineData("2026-04-03 10:00", "2026-04-07 08:00")] // Good Friday at 10:00
    // Midsummer 2026: Midsummer Eve Fri 19.6 is not a working day (by default), Midsummer Day Sat 20.6 a holiday.
    [InlineData("2026-06-18 18:00", "2026-06-22 08:00")] // Thursday evening → Monday
    [InlineData("2026-06-19 10:00", "2026-06-22 08:00")] // Midsummer Eve at 10:00
    // Christmas 2026: Wed 23.12 after hours → [Christmas Eve 24.12, Christmas Day 25.12, Boxing Day 26.12, Sunday] → Monday 28.12.
    [InlineData("2026-12-23 16:30", "2026-12-28 08:00")]
    // New Year: Thu 31.12.2026 evening → [New Year's Day Fri 1.1.2027, weekend] → Monday 4.1.2027.
    [InlineData("2026-12-31 20:00", "2027-01-04 08:00")]
    // Epiphany Wed 6.1.2027: Tuesday evening → Thursday 7.1.
    [InlineData("2027-01-05 19:00", "2027-01-07 08:00")]
    // May Day Fri 1.5.2026: Thursday evening → Monday 4.5. Ascension Day Thu 14.5.2026: Wednesday evening → Friday 15.5.
    [InlineData("2026-04-30 16:00", "2026-05-04 08:00")]
    [InlineData("2026-05-13 20:00", "2026-05-15 08:00")]
    // Independence Day Mon 6.12.2027: Friday evening → Tuesday 7.12.
    [InlineData("2027-12-03 17:00", "2027-12-07 08:00")]
    // Across the switch to summer time (Sunday 29.3.2026 03:00): Friday evening (UTC+2) → Monday 08:00 (UTC+3).
    [InlineData("2026-03-27 17:00", "2026-03-30 08:00")]
    public void The_clock_starts_at_receipt_in_office_hours_else_at_the_next_working_morning(string received, string clockStart)
    {
        Assert.Equal(At(clockStart), Default.ClockStart(At(received), Calendar));
        Assert.Equal(At(clockStart).AddHours(2), Default.LeadAt(At(received), Calendar));
        Assert.Equal(At(clockStart).AddHours(4), Default.OnCallAt(At(received), Calendar));
    }

    [Theory]
    [InlineData("2026-04-01 10:00", "2026-04-01 12:00", "2026-04-01 14:00")]
    [InlineData("2026-04-01 07:30", "2026-04-01 10:00", "2026-04-01 12:00")] // 7:30 on a working day → 08:00 the same day
    [InlineData("2026-03-13 17:00", "2026-03-16 10:00", "2026-03-16 12:00")] // Friday 17:00 → Monday 08:00
    [InlineData("2026-04-01 15:30", "2026-04-01 17:30", "2026-04-01 19:30")] // counted in hours from the start, even past 16:00
    public void The_lead_hears_after_2_hours_and_on_call_after_4(string received, string lead, string onCall)
    {
        Assert.Equal(At(lead), Default.LeadAt(At(received), Calendar));
        Assert.Equal(At(onCall), Default.OnCallAt(At(received), Calendar));
    }

    [Fact]
    public void The_Helsinki_date_decides_not_the_UTC_one()
    {
        // 21:30 UTC on Wednesday 1.4 is 00:30 on Thursday 2.4 in Helsinki (UTC+3): before office hours → 08:00 that Thursday.
        var lateUtc = DateTimeOffset.Parse("2026-04-01T21:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(At("2026-04-02 08:00"), Default.ClockStart(lateUtc, Calendar));
        // 04:30 UTC is 07:30 in Helsinki: 08:00 the same day.
        var earlyUtc = DateTimeOffset.Parse("2026-04-01T04:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(At("2026-04-01 08:00"), Default.ClockStart(earlyUtc, Calendar));
        // 05:30 UTC is 08:30 in Helsinki: in office hours, the clock starts at receipt.
        var inHours = DateTimeOffset.Parse("2026-04-01T05:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(inHours, Default.ClockStart(inHours, Calendar));
    }

    [Fact]
    public void With_the_eves_as_working_days_Midsummer_Eve_and_Christmas_Eve_have_office_hours()
    {
        var evesWork = new WorkingDayCalendar(new CalendarOptions { EvesAreWorkingDays = true });

        Assert.Equal(At("2026-06-19 10:00"), Default.ClockStart(At("2026-06-19 10:00"), evesWork));
        Assert.Equal(At("2026-06-19 08:00"), Default.ClockStart(At("2026-06-18 18:00"), evesWork));
        Assert.Equal(At("2026-12-24 08:00"), Default.ClockStart(At("2026-12-23 16:30"), evesWork));
        // Christmas Day and Boxing Day stay holidays whatever the setting.
        Assert.Equal(At("2026-12-28 08:00"), Default.ClockStart(At("2026-12-24 16:30"), evesWork));
    }

    [Fact]
    public void Changed_settings_move_office_hours_and_the_steps()
    {
        var custom = new UrgencySchedule { OfficeStart = new(9, 0), OfficeEnd = new(15, 0), LeadAfterHours = 1, OnCallAfterHours = 3 };

        Assert.Equal(At("2026-04-01 09:00"), custom.ClockStart(At("2026-04-01 08:30"), Calendar)); // before 09:00: not yet office hours
        Assert.Equal(At("2026-04-01 10:00"), custom.LeadAt(At("2026-04-01 08:30"), Calendar));
        Assert.Equal(At("2026-04-01 12:00"), custom.OnCallAt(At("2026-04-01 08:30"), Calendar));
        Assert.Equal(At("2026-04-01 14:30"), custom.ClockStart(At("2026-04-01 14:30"), Calendar));
        Assert.Equal(At("2026-04-01 15:30"), custom.LeadAt(At("2026-04-01 14:30"), Calendar));
        Assert.Equal(At("2026-04-02 09:00"), custom.ClockStart(At("2026-04-01 15:00"), Calendar)); // 15:00 is already after
        Assert.Equal(At("2026-04-02 09:00"), custom.ClockStart(At("2026-04-01 15:30"), Calendar));
        // Half hours too.
        Assert.Equal(At("2026-04-01 11:30"), (custom with { LeadAfterHours = 2.5 }).LeadAt(At("2026-04-01 09:00"), Calendar));
    }

    // ---- Red flags: on-call hears at once. ----

    private static Notification Plain => ValidNotification() with { Reasons = ["neglect"] };

    [Fact]
    public void A_notification_without_a_red_flag_has_none()
    {
        Assert.False(Default.IsRedFlag(Plain));
        Assert.False(Default.IsRedFlag(Plain with { Reasons = null }));
        Assert.False(Default.IsRedFlag(Plain with { Reasons = [] }));
        Assert.False(Default.IsRedFlag(Plain with { Reasons = ["childMentalHealth", "schoolNeglect", "other"] }));
    }

    public static TheoryData<string, Notification> EachRedFlag() => new()
    {
        { "immediate danger", Plain with { ImmediateDanger = true } },
        { "offence suspected", Plain with { OffenceSuspected = true } },
        { "violence or sexual abuse", Plain with { Reasons = ["violenceOrSexualAbuse"] } },
        { "the child's self-harm", Plain with { Reasons = ["childSelfHarm"] } },
        { "a red-flag reason among others", Plain with { Reasons = ["neglect", "schoolNeglect", "childSelfHarm"] } },
    };

    [Theory]
    [MemberData(nameof(EachRedFlag))]
    public void Each_red_flag_alone_is_one(string flag, Notification notification) =>
        Assert.True(Default.IsRedFlag(notification), flag);

    [Fact]
    public void The_red_flag_reasons_are_a_setting_while_danger_and_a_suspected_offence_always_are()
    {
        var neglectToo = new UrgencySchedule { RedFlagReasons = ["neglect"] };
        Assert.True(neglectToo.IsRedFlag(Plain));
        Assert.False(neglectToo.IsRedFlag(Plain with { Reasons = ["violenceOrSexualAbuse"] })); // the list replaces the default

        var none = new UrgencySchedule { RedFlagReasons = [] };
        Assert.False(none.IsRedFlag(Plain with { Reasons = ["violenceOrSexualAbuse", "childSelfHarm"] }));
        Assert.True(none.IsRedFlag(Plain with { ImmediateDanger = true }));
        Assert.True(none.IsRedFlag(Plain with { OffenceSuspected = true }));
    }

    [Fact]
    public void The_default_red_flag_reasons_are_known_reasons()
    {
        Assert.Equal(["violenceOrSexualAbuse", "childSelfHarm"], Default.RedFlagReasons);
        Assert.All(Default.RedFlagReasons, reason => Assert.True(ConcernReasons.All.Contains(reason), reason));
    }

    // ---- Properties over random instants in 2025–2028. ----

    private static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2029, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Arbitrary<DateTimeOffset> Instants { get; } =
        Arb.From(Gen.Choose(0, (int)(To - From).TotalSeconds - 1).Select(seconds => From.AddSeconds(seconds)));

    private static TimeOnly LocalTime(DateTimeOffset instant) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, HelsinkiTime.Zone).DateTime);

    [Property(MaxTest = 1000)]
    public Property The_clock_starts_in_office_hours_on_a_working_day_never_before_receipt() =>
        Prop.ForAll(Instants, received =>
        {
            var start = Default.ClockStart(received, Calendar);

            Assert.True(start >= received, $"{received:O} → {start:O}");
            Assert.True(Calendar.IsWorkingDay(HelsinkiTime.LocalDate(start)), $"{start:O} is not on a working day");
            Assert.True(LocalTime(start) >= Default.OfficeStart && LocalTime(start) < Default.OfficeEnd, $"{start:O} is outside office hours");
            Assert.Equal(start.AddHours(Default.LeadAfterHours), Default.LeadAt(received, Calendar));
            Assert.Equal(start.AddHours(Default.OnCallAfterHours), Default.OnCallAt(received, Calendar));
        });

    [Property(MaxTest = 1000)]
    public Property The_clock_starts_at_the_first_office_moment_from_receipt() =>
        Prop.ForAll(Instants, received =>
        {
            var start = Default.ClockStart(received, Calendar);
            if (start == received) return; // received in office hours

            // Otherwise it starts as office hours begin, and no working day lies between the receipt's day and that morning.
            Assert.Equal(Default.OfficeStart, LocalTime(start));
            var receivedOn = HelsinkiTime.LocalDate(received);
            var startsOn = HelsinkiTime.LocalDate(start);
            for (var day = receivedOn.AddDays(1); day < startsOn; day = day.AddDays(1))
                Assert.False(Calendar.IsWorkingDay(day), $"{received:O} → {start:O} skips the working day {day}");
            if (startsOn == receivedOn) Assert.True(LocalTime(received) < Default.OfficeStart);
            // Starting again from the start changes nothing.
            Assert.Equal(start, Default.ClockStart(start, Calendar));
        });
}
