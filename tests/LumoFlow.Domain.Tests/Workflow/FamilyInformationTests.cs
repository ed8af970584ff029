using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 2 (THL: within 7 working days; LSL § 27(3); asiakaslaki 812/2000 § 11; law review H1): the child and
/// every guardian the notification names are told — separately, as separated parents are — or the lawful reason why one
/// is not is recorded. <c>informChildAndGuardians</c> stays open until each is done (<see cref="FamilyInformation.Told"/>),
/// and blocks completing, the no-assessment closing and the transfer. It is reminded 2 working days before decisionDue,
/// escalated to the team lead on the morning of decisionDue, and flagged overdue at its end.
/// Received Monday 2.3.2026 09:00: decisionDue Wed 11.3 (reminder Mon 9.3, escalation 11.3 08:00, overdue 12.3 00:00).
/// </summary>
public sealed class FamilyInformationTests
{
    private const string Worker = "worker.north@lumoflow.test";
    private const string Lead = "lead.north@lumoflow.test";
    private const string Father = GuardianName; // Pekka Esimerkki
    private const string Mother = "Maija Esimerkki";
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00");
    private static readonly DateTimeOffset UrgencyAt = At("2026-03-02 09:30");
    private static readonly DateTimeOffset Day1 = At("2026-03-03 10:00");
    private static readonly DateTimeOffset Day2 = At("2026-03-04 10:00");

    private static readonly string[] FamilyTimers = [TimerNames.InformFamilyReminder, TimerNames.InformFamilyEscalation, TimerNames.InformFamilyOverdue];

    /// <summary>Separated parents, both guardians, both named in the notification.</summary>
    private static Notification TwoGuardians() => ValidNotification() with
    {
        Guardians = [new Guardian { Name = Father, Phone = "+358 40 765 4321" }, new Guardian { Name = Mother, Email = "maija@home.test" }],
    };

    private static WorkflowHarness Opened(Notification? notification = null)
    {
        var h = new WorkflowHarness();
        h.Open(Received, notification ?? TwoGuardians());
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        return h;
    }

    private static bool FamilyOpen(WorkflowHarness h) => CustomStatus.Of(h.State).OpenObligations.Contains("informChildAndGuardians");

    [Fact]
    public void The_child_and_each_named_guardian_are_told_separately_and_the_duty_stays_open_until_every_one_is()
    {
        var h = Opened();
        Assert.Equal(2, h.State.GuardianCount);
        Assert.True(FamilyOpen(h));
        Assert.All(FamilyTimers, name => Assert.Contains(name, h.PendingTimers.Keys));

        h.Accept(new FamilyMemberInformed("guardian", Father, Day1, "phone"), Day1);
        Assert.True(FamilyOpen(h));
        // The same father again, written differently: still one guardian.
        h.Accept(new FamilyMemberInformed("guardian", "  pekka   ESIMERKKI ", Day1, "letter"), Day1);
        Assert.True(FamilyOpen(h));
        h.Accept(new FamilyMemberInformed("child", null, Day1, "school"), Day1);
        Assert.True(FamilyOpen(h));
        Assert.Null(h.State.FamilyInformedAt);
        Assert.All(FamilyTimers, name => Assert.Contains(name, h.PendingTimers.Keys));

        var last = h.Accept(new FamilyMemberInformed("guardian", Mother, Day2.AddHours(-1), "meeting"), Day2);

        Assert.False(FamilyOpen(h));
        Assert.True(FamilyInformation.Told(h.State));
        Assert.Equal(Day2.AddHours(-1), h.State.FamilyInformedAt);
        Assert.Equal(FamilyTimers.Order(), last.TimersToCancel.Where(FamilyTimers.Contains).Order());
        Assert.DoesNotContain(h.PendingTimers.Keys, FamilyTimers.Contains);
        // The state tells the guardians apart without their names; the names are documents, never history or email.
        Assert.DoesNotContain(h.State.FamilyMembers, m => m.NameKey.Contains("esimerkki", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, h.State.FamilyMembers.Select(m => m.NameKey).Distinct().Count());
        Assert.Contains(h.Documents, d => d.Kind == "FamilyMemberName" && d.Text == Mother);
        Assert.All(h.History.Where(e => e.EventType == "FamilyMemberInformed"),
            e => Assert.Equal(["at", "how", "who"], e.Details!.Keys.Order(StringComparer.Ordinal)));
        h.RunUntil(At("2026-03-13 00:00"));
        Assert.DoesNotContain(h.Sent, e => e.Email.Kind is "InformFamilyReminder" or "InformFamilyEscalation");
        Assert.False(h.State.InformFamilyOverdue);
    }

    [Fact]
    public void A_guardian_not_told_for_a_lawful_reason_counts_as_done_and_the_reason_is_kept_as_a_document()
    {
        var h = Opened();
        h.Accept(new FamilyMemberInformed("child", null, Day1, "school"), Day1);
        h.Accept(new FamilyMemberInformed("guardian", Father, Day1, "phone"), Day1);

        var excepted = h.Accept(new FamilyMemberNotInformed("guardian", Mother, "telling would endanger the child") { Actor = "sw.virtanen" }, Day2);

        Assert.False(FamilyOpen(h));
        Assert.Equal(Day2, h.State.FamilyInformedAt);
        var record = h.State.FamilyMembers.Last();
        Assert.Equal(("guardian", false, Day2), (record.Who, record.Informed, record.At));
        var entry = Assert.Single(excepted.History, e => e.EventType == "FamilyMemberNotInformed");
        Assert.Equal(new Dictionary<string, string> { ["who"] = "guardian" }, entry.Details); // neither the name nor the reason
        Assert.Equal($"{Mother}: telling would endanger the child", Assert.Single(excepted.DocumentsToStore).Text);
    }

    [Fact]
    public void Guardians_given_without_a_name_count_one_each()
    {
        var h = Opened();
        h.Accept(new FamilyMemberInformed("child", null, Day1, "school"), Day1);
        h.Accept(new FamilyMemberInformed("guardian", null, Day1, "phone"), Day1);
        Assert.True(FamilyOpen(h));

        h.Accept(new FamilyMemberNotInformed("guardian", null, "the guardian's whereabouts are unknown"), Day2);

        Assert.False(FamilyOpen(h));
    }

    [Fact]
    public void A_notification_naming_no_guardian_still_asks_for_one_and_the_child()
    {
        var h = Opened(ValidNotification() with { Guardians = [] });
        Assert.Equal(0, h.State.GuardianCount);

        h.Accept(new FamilyMemberInformed("child", null, Day1, "school"), Day1);
        Assert.True(FamilyOpen(h));
        h.Accept(new FamilyMemberInformed("guardian", "Guardian found by staff", Day1, "phone"), Day1);

        Assert.False(FamilyOpen(h));
    }

    [Fact]
    public void Guardians_alone_are_not_enough_the_child_is_told_too()
    {
        var h = Opened();
        h.Accept(new FamilyMemberInformed("guardian", Father, Day1, "phone"), Day1);
        h.Accept(new FamilyMemberInformed("guardian", Mother, Day1, "phone"), Day1);

        Assert.True(FamilyOpen(h));
    }

    [Fact]
    public void Telling_everyone_together_is_the_shortcut_for_the_child_and_every_guardian()
    {
        var h = Opened();

        var step = h.Accept(new ChildAndGuardiansInformed(Day1, "home visit"), Day1);

        Assert.False(FamilyOpen(h));
        Assert.Equal(3, h.State.FamilyMembers.Count);
        Assert.Equal(Day1, h.State.FamilyInformedAt);
        Assert.Equal(FamilyTimers.Order(), step.TimersToCancel.Where(FamilyTimers.Contains).Order());
    }

    [Fact]
    public void Nobody_told_the_worker_is_reminded_the_lead_hears_of_it_on_the_morning_of_decisionDue_and_it_is_flagged_at_its_end()
    {
        var h = Opened();
        h.Accept(new DecisionMade(true, "assessment needed"), Day1); // the decision's own reminders are out of the way
        h.Accept(new FamilyMemberInformed("child", null, Day1, "school"), Day1); // the child only: still not done

        h.RunUntil(At("2026-03-11 23:59"));
        Assert.False(h.State.InformFamilyOverdue);
        h.RunUntil(At("2026-03-12 12:00"));

        Assert.Equal(
        [
            $"2026-03-02 Receipt -> {NotifierEmail}",
            $"2026-03-03 NotifierDecision -> {NotifierEmail}",
            // 2 working days before Wed 11.3: Tue 10.3 (−1), Mon 9.3 (−2).
            $"2026-03-09 InformFamilyReminder -> {Worker}",
            $"2026-03-11 InformFamilyEscalation -> {Lead}",
        ], h.EmailLog());
        Assert.Equal(At("2026-03-09 08:00"), h.Sent.Single(e => e.Email.Kind == "InformFamilyReminder").At);
        Assert.Equal(At("2026-03-11 08:00"), h.Sent.Single(e => e.Email.Kind == "InformFamilyEscalation").At);
        Assert.True(h.State.InformFamilyOverdue);
        var overdue = Assert.Single(h.History, e => e.EventType == "InformFamilyOverdue");
        Assert.Equal((At("2026-03-12 00:00"), "system", "2026-03-11"), (overdue.At, overdue.Actor, overdue.Details!["due"]));
        Assert.True(FamilyOpen(h));
        Assert.Equal(["informFamily"], CustomStatus.Of(h.State).Overdue);
        h.AssertEmailsCarryNoPersonalData();

        // Told late: the duty is done and no longer shows as overdue (the flag stays, as the record that it was late).
        h.Accept(new FamilyMemberInformed("guardian", Father, At("2026-03-12 13:00"), "phone"), At("2026-03-12 13:00"));
        h.Accept(new FamilyMemberInformed("guardian", Mother, At("2026-03-12 14:00"), "phone"), At("2026-03-12 14:00"));
        Assert.False(FamilyOpen(h));
        Assert.Empty(CustomStatus.Of(h.State).Overdue);
        Assert.True(h.State.InformFamilyOverdue);
    }

    [Fact]
    public void The_family_is_still_escalated_and_flagged_while_a_no_assessment_case_closes_and_the_telling_ends_it()
    {
        var h = Opened();
        h.Accept(new NotifierContacted("phone", Day1, null), Day1);
        h.Accept(new DecisionMade(false, "obviously unnecessary"), Day1);
        Assert.Equal(["informChildAndGuardians"], ClosingRules.Missing(h.State).Select(o => o.Code));

        h.RunUntil(At("2026-03-12 12:00"));
        Assert.Equal(CasePhase.Closing, h.State.Phase);
        Assert.Contains($"2026-03-11 InformFamilyEscalation -> {Lead}", h.EmailLog());
        Assert.True(h.State.InformFamilyOverdue);

        h.Accept(new ChildAndGuardiansInformed(At("2026-03-12 12:00"), "home visit"), At("2026-03-12 12:00"));

        Assert.Equal((RuntimeStatus.Completed, "noAssessment"), (h.State.RuntimeStatus, h.State.Outcome));
    }

    /// <summary>
    /// Siblings of one notification have a case each (LSL §§ 26, 27, 29), and the family's events are recorded for every
    /// child when the worker says so (<see cref="StaffEvents.ForEveryChild"/>; the host applies them to each case). Each
    /// child is told in its own case; the guardians are the same, one of them excepted for a lawful reason.
    /// </summary>
    [Fact]
    public void Siblings_with_one_guardian_excepted_are_each_done_in_their_own_case()
    {
        Assert.All(new[] { "ChildAndGuardiansInformed", "FamilyMemberInformed", "FamilyMemberNotInformed" }, name =>
        {
            var entry = StaffEvents.Find(name)!;
            Assert.Equal(FamilyScope.EveryChildIfAsked, entry.Family);
            Assert.NotNull(entry.Field(StaffEvents.ForEveryChild));
        });
        string[] family = [CaseId, "LF-2026-000124"];
        var siblings = TwoGuardians() with
        {
            Children = [new Child { Name = ChildName, IdentityCode = ChildIdentityCode, HomeMunicipality = "Kuopio" }, new Child { ApproximateAge = 4, HomeMunicipality = "Kuopio" }],
        };
        var cases = family.Select((id, i) =>
        {
            var h = new WorkflowHarness();
            h.Open(Received, siblings, childNumber: i, familyCaseIds: family, caseId: id);
            h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
            return h;
        }).ToList();

        foreach (var h in cases)
        {
            // For every child (as the host applies them): the father told, the mother not, for the same reason.
            h.Accept(new FamilyMemberInformed("guardian", Father, Day1, "phone"), Day1);
            h.Accept(new FamilyMemberNotInformed("guardian", Mother, "telling would endanger the children"), Day1);
            Assert.True(FamilyOpen(h)); // each child still to be told, in its own case
        }
        cases[0].Accept(new FamilyMemberInformed("child", null, Day2, "school"), Day2);
        Assert.False(FamilyOpen(cases[0]));
        Assert.True(FamilyOpen(cases[1]));
        cases[1].Accept(new FamilyMemberNotInformed("child", null, "four years old: too young to be told"), Day2);
        Assert.False(FamilyOpen(cases[1]));
    }

    /// <summary>
    /// For any number of guardians named (none counts as one) and any part of the family recorded, in any order, each
    /// told or not for a reason: the duty is done exactly when the child and every guardian are among those recorded.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property The_duty_is_done_exactly_when_the_child_and_every_named_guardian_are_recorded() =>
        Prop.ForAll(Arb.From(
            from guardians in Gen.Choose(0, 4)
            from order in Gen.Shuffle(Enumerable.Range(0, Math.Max(1, guardians) + 1).ToArray())
            from recorded in Gen.Choose(0, order.Length)
            from told in Gen.ArrayOf(Gen.Elements(true, false), order.Length)
            select (guardians, order, recorded, told)), input =>
        {
            var (guardians, order, recorded, told) = input;
            var h = Opened(ValidNotification() with { Guardians = [.. Enumerable.Range(1, guardians).Select(i => new Guardian { Name = $"Huoltaja {i}" })] });
            // Member 0 is the child; member i ≥ 1 guardian i.
            foreach (var (member, i) in order.Take(recorded).Select((m, i) => (m, i)))
            {
                var (who, name) = member == 0 ? ("child", (string?)null) : ("guardian", $"Huoltaja {member}");
                h.Accept(told[i] ? new FamilyMemberInformed(who, name, Day1, "phone") : new FamilyMemberNotInformed(who, name, "a lawful reason"), Day1);
            }

            Assert.Equal(recorded == order.Length, FamilyInformation.Told(h.State));
            Assert.Equal(recorded != order.Length, FamilyOpen(h));
        });
}
