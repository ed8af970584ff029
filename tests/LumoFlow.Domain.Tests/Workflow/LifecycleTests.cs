using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Whole cases on a fake clock, across holidays: exactly which email goes to whom on which Helsinki date.
/// Working days are counted by hand in the comments (docs/domain.md, Counting: the day of receipt is not counted;
/// weekends, holidays and — by default — Midsummer Eve and Christmas Eve are not working days).
/// The case is in Kuopio, so it goes to the north team. Where staff act, they assess the urgency half an hour after
/// receipt (LSL § 26(2): at once; the decision waits for it). Where nobody acts, the urgency ladder runs too
/// (<see cref="UrgencySchedule"/>): received at 10:00 on a working day, the team lead hears of it at 12:00 and on-call at 14:00.
/// </summary>
public sealed class LifecycleTests
{
    private const string Notifier = NotifierEmail;
    private const string Worker = "worker.north@lumoflow.test";
    private const string Lead = "lead.north@lumoflow.test";
    private const string OnCall = "oncall.north@lumoflow.test";
    private const string Partner = PartnerEmail;

    private static bool AboutUrgency(SentEmail e) => e.Email.Kind is "UrgencyEscalation" or "UrgencyOnCall";

    private static TimeOnly LocalTime(SentEmail e) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.At, HelsinkiTime.Zone).DateTime);

    private static readonly TimeOnly Morning = new(8, 0);

    // ---------------------------------------------------------------------------------------------------------------
    // Easter 2026: received Wednesday 1.4, before Good Friday 3.4 and Easter Monday 6.4. Nobody does anything.
    //   Working days after 1.4: Thu 2.4 (1), [Fri 3.4 Good Friday, weekend, Mon 6.4 Easter Monday], Tue 7.4 (2),
    //   Wed 8.4 (3), Thu 9.4 (4), Fri 10.4 (5), Mon 13.4 (6), Tue 14.4 (7) → decisionDue 14.4.
    //   assessmentDue: 3 months → Wed 1.7.2026.
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Easter_2026_the_deadlines_skip_Good_Friday_and_Easter_Monday()
    {
        var h = new WorkflowHarness();

        h.Open(At("2026-04-01 10:00"));

        Assert.Equal(new DateOnly(2026, 4, 1), h.State.Deadlines!.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 4, 14), h.State.Deadlines.DecisionDue);
        Assert.Equal(new DateOnly(2026, 7, 1), h.State.Deadlines.AssessmentDue);
        var receipt = Assert.Single(h.Sent);
        Assert.Equal("Receipt", receipt.Email.Kind);
        Assert.Contains("14.4.2026", receipt.Email.TextBody);
    }

    [Fact]
    public void Easter_2026_with_no_staff_action_until_after_decisionDue()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 10:00"));

        h.RunUntil(At("2026-04-14 23:59"));
        Assert.False(h.State.DecisionOverdue);

        h.RunUntil(At("2026-04-15 12:00"));

        Assert.Equal(
        [
            $"2026-04-01 Receipt -> {Notifier}",
            // LSL § 26(2): received in office hours (Wed 10:00), urgency not recorded: the lead at 12:00, on-call at 14:00.
            $"2026-04-01 UrgencyEscalation -> {Lead}",
            $"2026-04-01 UrgencyOnCall -> {OnCall}",
            // The notifier is contacted: first reminder on the 3rd working day after receipt (Wed 8.4) ...
            $"2026-04-08 NotifierContactReminder -> {Worker}",
            // LSL § 26(5): 2 working days before decisionDue (13.4 is −1, 10.4 is −2).
            $"2026-04-10 DecisionReminder -> {Worker}",
            $"2026-04-10 InformFamilyReminder -> {Worker}",
            // ... then every 2 working days (9.4, 10.4; 13.4, 14.4) until decisionDue.
            $"2026-04-10 NotifierContactReminder -> {Worker}",
            // No decision on the morning it is due: the team lead hears of it — and that the child and the guardians
            // have not been told either (THL: within the same 7 working days).
            $"2026-04-14 DecisionEscalation -> {Lead}",
            $"2026-04-14 InformFamilyEscalation -> {Lead}",
            $"2026-04-14 NotifierContactReminder -> {Worker}",
        ], h.EmailLog());
        Assert.Equal(At("2026-04-01 12:00"), h.Sent.Single(e => e.Email.Kind == "UrgencyEscalation").At);
        Assert.Equal(At("2026-04-01 14:00"), h.Sent.Single(e => e.Email.Kind == "UrgencyOnCall").At);
        Assert.All(h.Sent.Skip(1).Where(e => !AboutUrgency(e)), e => Assert.Equal(Morning, LocalTime(e)));

        // The decision is overdue once 14.4 has passed — at the start of 15.4, Helsinki time.
        Assert.True(h.State.DecisionOverdue);
        Assert.Equal(At("2026-04-15 00:00"), Assert.Single(h.History, e => e.EventType == "DecisionOverdue").At);
        // So is telling the family, flagged at the same moment.
        Assert.Equal(["decision", "informFamily"], CustomStatus.Of(h.State).Overdue);
        Assert.True(h.State.InformFamilyOverdue);
        var familyOverdue = Assert.Single(h.History, e => e.EventType == "InformFamilyOverdue");
        Assert.Equal((At("2026-04-15 00:00"), "2026-04-14"), (familyOverdue.At, familyOverdue.Details!["due"]));
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Easter_2026_with_no_staff_action_at_all_for_the_whole_three_months()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 10:00"));

        h.RunUntil(At("2026-08-01 00:00"));

        Assert.Equal(
        [
            $"2026-04-01 Receipt -> {Notifier}",
            // Each urgency step once, on the day of receipt (12:00 and 14:00), never repeated.
            $"2026-04-01 UrgencyEscalation -> {Lead}",
            $"2026-04-01 UrgencyOnCall -> {OnCall}",
            $"2026-04-08 NotifierContactReminder -> {Worker}",
            $"2026-04-10 DecisionReminder -> {Worker}",
            $"2026-04-10 InformFamilyReminder -> {Worker}",
            $"2026-04-10 NotifierContactReminder -> {Worker}",
            $"2026-04-14 DecisionEscalation -> {Lead}",
            $"2026-04-14 InformFamilyEscalation -> {Lead}",
            $"2026-04-14 NotifierContactReminder -> {Worker}",
            // 14 days before 1.7 is Wednesday 17.6, a working day (Midsummer Eve is Friday 19.6).
            $"2026-06-17 AssessmentReminder -> {Worker}",
            // 3 days before 1.7 is Sunday 28.6 → moved back to Friday 26.6.
            $"2026-06-26 AssessmentReminder -> {Worker}",
            // SHL § 36(3): assessmentDue 1.7 has passed at the start of 2.7 — the lead hears of it then, once.
            $"2026-07-02 AssessmentEscalation -> {Lead}",
        ], h.EmailLog());
        Assert.Equal(At("2026-07-02 08:00"), Assert.Single(h.Sent, e => e.Email.Kind == "AssessmentEscalation").At);
        Assert.Equal(At("2026-07-02 00:00"), Assert.Single(h.History, e => e.EventType == "AssessmentOverdue").At);
        Assert.True(h.State.AssessmentOverdue);
        Assert.Equal(["decision", "assessment", "informFamily"], CustomStatus.Of(h.State).Overdue);
        Assert.Contains("urgencyAssessment", CustomStatus.Of(h.State).OpenObligations);
        // The case stays open: overdue is a flag, not an ending.
        Assert.Equal(RuntimeStatus.Running, h.State.RuntimeStatus);
        Assert.Empty(h.PendingTimers);
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Easter_2026_a_late_decision_stops_the_decision_flag_but_not_the_assessment_deadline()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-01 10:00"));
        h.Accept(new UrgencyAssessed(false, null), At("2026-04-01 10:30"));

        h.Accept(new DecisionMade(true, "late, but needed"), At("2026-04-16 09:00"));
        h.RunUntil(At("2026-08-01 00:00"));

        Assert.Equal(
        [
            $"2026-04-01 Receipt -> {Notifier}",
            $"2026-04-08 NotifierContactReminder -> {Worker}",
            $"2026-04-10 DecisionReminder -> {Worker}",
            $"2026-04-10 InformFamilyReminder -> {Worker}",
            $"2026-04-10 NotifierContactReminder -> {Worker}",
            $"2026-04-14 DecisionEscalation -> {Lead}",
            $"2026-04-14 InformFamilyEscalation -> {Lead}",
            $"2026-04-14 NotifierContactReminder -> {Worker}",
            $"2026-04-16 NotifierDecision -> {Notifier}",
            $"2026-06-17 AssessmentReminder -> {Worker}",
            $"2026-06-26 AssessmentReminder -> {Worker}",
            $"2026-07-02 AssessmentEscalation -> {Lead}",
        ], h.EmailLog());
        // The family was never told either: still overdue, as the decision no longer is.
        Assert.Equal(["assessment", "informFamily"], CustomStatus.Of(h.State).Overdue);
        // The notifier was never contacted: it still blocks closing.
        Assert.Contains("notifierContact", CustomStatus.Of(h.State).OpenObligations);
        h.AssertEmailsCarryNoPersonalData();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Midsummer 2026: received Tuesday 16.6. Midsummer Eve Fri 19.6 and Midsummer Day Sat 20.6 are not working days.
    //   Wed 17.6 (1), Thu 18.6 (2), [Fri 19.6 eve, weekend], Mon 22.6 (3), Tue 23.6 (4), Wed 24.6 (5), Thu 25.6 (6),
    //   Fri 26.6 (7) → decisionDue 26.6. assessmentDue Wed 16.9.2026.
    // Staff act in time: the notifier is contacted on working day 2, the family informed on day 4, the assessment
    // started on day 5 (at 10:00 — after that morning's decision reminder), the child met, the assessment completed.
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Midsummer_2026_staff_acting_in_time_get_only_the_reminders_that_were_still_due()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 10:00"));
        Assert.Equal(new DateOnly(2026, 6, 26), h.State.Deadlines!.DecisionDue);
        Assert.Equal(new DateOnly(2026, 9, 16), h.State.Deadlines.AssessmentDue);

        h.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        h.Accept(new NotifierContacted("phone", At("2026-06-18 11:00"), null), At("2026-06-18 11:00"));
        h.Accept(new ChildAndGuardiansInformed(At("2026-06-23 14:00"), "phone"), At("2026-06-23 14:00"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-06-24 10:00"));
        h.Accept(new ChildMet(At("2026-08-12 13:00"), "home visit", ConfidentialNote), At("2026-08-12 16:00"));
        h.Accept(new AssessmentCompleted("socialWelfareServices", Summary), At("2026-09-14 15:00"));
        h.RunUntil(At("2026-12-31 00:00"));

        Assert.Equal(
        [
            $"2026-06-16 Receipt -> {Notifier}",
            // 2 working days before Fri 26.6: Thu 25.6 (−1), Wed 24.6 (−2); the decision came at 10:00 that day.
            $"2026-06-24 DecisionReminder -> {Worker}",
            $"2026-06-24 NotifierDecision -> {Notifier}",
            // 14 days before 16.9 is Wednesday 2.9.
            $"2026-09-02 AssessmentReminder -> {Worker}",
            // 3 days before 16.9 is Sunday 13.9 → moved back to Friday 11.9.
            $"2026-09-11 AssessmentReminder -> {Worker}",
        ], h.EmailLog());

        // Cancelled timers never fired: urgency lead and on-call (16.6 12:00 and 14:00), notifier contact (22.6), family
        // (24.6), decision escalation (26.6), decision overdue (27.6), assessment overdue (17.9).
        Assert.Equal(
            ["decision-reminder@2026-06-24", "assessment-reminder-14@2026-09-02", "assessment-reminder-3@2026-09-11"],
            h.Fired.Select(t => $"{t.Name}@{HelsinkiTime.LocalDate(t.At):yyyy-MM-dd}"));
        Assert.False(h.State.DecisionOverdue);
        Assert.False(h.State.AssessmentOverdue);
        Assert.Equal("socialWelfareServices", h.State.Outcome);
        h.AssertEmailsCarryNoPersonalData();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Christmas 2026: received Monday 21.12. Christmas Eve Thu 24.12, Christmas Day Fri 25.12, New Year's Day Fri 1.1.
    //   Tue 22.12 (1), Wed 23.12 (2), [24.12, 25.12, weekend], Mon 28.12 (3), Tue 29.12 (4), Wed 30.12 (5),
    //   Thu 31.12 (6), [Fri 1.1, weekend], Mon 4.1.2027 (7) → decisionDue 4.1.2027. assessmentDue Sun 21.3.2027.
    // A named worker takes the case on day 1; the notifier is contacted on day 2; the assessment is started on day 5
    // at 10:00, and the family told that afternoon — after both morning reminders went out. The child is met, but
    // the assessment runs over its deadline.
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Christmas_2026_reminders_go_to_the_named_worker_and_a_Sunday_assessmentDue_is_not_moved()
    {
        const string namedWorker = "virpi.sosiaalityontekija@lumoflow.test";
        var h = new WorkflowHarness();
        h.Open(At("2026-12-21 10:00"));
        Assert.Equal(new DateOnly(2027, 1, 4), h.State.Deadlines!.DecisionDue);
        Assert.Equal(new DateOnly(2027, 3, 21), h.State.Deadlines.AssessmentDue);

        h.Accept(new UrgencyAssessed(false, null), At("2026-12-21 10:30"));
        h.Accept(new Reassigned(null, namedWorker), At("2026-12-22 09:00"));
        h.Accept(new NotifierContacted("phone", At("2026-12-23 11:00"), null), At("2026-12-23 11:00"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-12-30 10:00"));
        h.Accept(new ChildAndGuardiansInformed(At("2026-12-30 13:00"), "home visit"), At("2026-12-30 15:00"));
        h.Accept(new ChildMet(At("2027-01-20 13:00"), "school", null), At("2027-01-20 15:00"));
        h.RunUntil(At("2027-03-23 12:00"));

        Assert.Equal(
        [
            $"2026-12-21 Receipt -> {Notifier}",
            // 2 working days before Mon 4.1: Thu 31.12 (−1), Wed 30.12 (−2).
            $"2026-12-30 DecisionReminder -> {namedWorker}",
            $"2026-12-30 InformFamilyReminder -> {namedWorker}",
            $"2026-12-30 NotifierDecision -> {Notifier}",
            // 14 days before 21.3 is Sunday 7.3 → Friday 5.3.
            $"2027-03-05 AssessmentReminder -> {namedWorker}",
            // 3 days before 21.3 is Thursday 18.3.
            $"2027-03-18 AssessmentReminder -> {namedWorker}",
            // assessmentDue is not moved off Sunday 21.3 (docs/domain.md, Months): it has passed at the start of Monday 22.3.
            $"2027-03-22 AssessmentEscalation -> {Lead}",
        ], h.EmailLog());
        Assert.DoesNotContain(h.Fired, t => t.Name is "urgency-lead" or "urgency-on-call" or "notifier-contact-reminder" or "decision-escalation" or "decision-overdue");
        Assert.Equal(At("2027-03-22 08:00"), h.Sent.Single(e => e.Email.Kind == "AssessmentEscalation").At);

        // Completing late is still possible, and ends it.
        h.Accept(new AssessmentCompleted("noFurtherServices", Summary), At("2027-03-23 12:00"));
        Assert.Equal(RuntimeStatus.Completed, h.State.RuntimeStatus);
        h.AssertEmailsCarryNoPersonalData();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A partner (SHL § 41). Case received Mon 20.4.2026 (decisionDue Wed 29.4, assessmentDue Mon 20.7.2026); the
    // school is asked on Thursday 30.4, the day before May Day.
    //   Working days after 30.4: [Fri 1.5 May Day, weekend], Mon 4.5 (1), Tue 5.5 (2), Wed 6.5 (3), Thu 7.5 (4),
    //   Fri 8.5 (5) → first reminder; Mon 11.5 (6), Tue 12.5 (7), Wed 13.5 (8), [Thu 14.5 Ascension Day],
    //   Fri 15.5 (9), Mon 18.5 (10) → second reminder; Tue 19.5 (11) … Fri 22.5 (14), Mon 25.5 (15) → the worker is told.
    // ---------------------------------------------------------------------------------------------------------------

    private static readonly DateTimeOffset PartnerAsked = At("2026-04-30 10:00");
    private static string PartnerLink => $"{BaseUrl}/partner-input/{CaseId}.P1.{PartnerSecret}";

    private static WorkflowHarness SchoolAskedOn30April()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-20 10:00"));
        h.Accept(new UrgencyAssessed(false, null), At("2026-04-20 10:30"));
        h.Accept(new NotifierContacted("phone", At("2026-04-21 09:00"), null), At("2026-04-21 09:00"));
        h.Accept(new ChildAndGuardiansInformed(At("2026-04-21 14:00"), "letter"), At("2026-04-21 14:00"));
        h.Accept(new DecisionMade(true, "assessment needed"), At("2026-04-22 10:00"));
        h.Accept(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), PartnerAsked);
        return h;
    }

    private static bool AboutPartners(SentEmail e) => e.Email.Kind.StartsWith("Partner", StringComparison.Ordinal);

    [Fact]
    public void A_partner_who_does_not_answer_is_reminded_after_5_and_10_working_days_then_the_worker_is_told_after_15()
    {
        var h = SchoolAskedOn30April();

        h.RunUntil(At("2026-07-31 00:00"));

        Assert.Equal(
        [
            $"2026-04-30 PartnerRequest -> {Partner}",
            $"2026-05-08 PartnerReminder -> {Partner}",
            $"2026-05-18 PartnerReminder -> {Partner}",
            $"2026-05-25 PartnerNotAnswering -> {Worker}",
        ], h.EmailLog(AboutPartners));

        var partnerEmails = h.Sent.Where(e => e.Email.To == Partner).ToList();
        Assert.All(partnerEmails, e =>
        {
            Assert.Contains(PartnerLink, e.Email.TextBody); // the same single-use link every time
            Assert.Contains("17.6.2026", e.Email.TextBody); // answer by: the link works 30 days after its last reminder (18.5)
        });
        Assert.StartsWith("Muistutus: ", partnerEmails[1].Email.Subject);
        Assert.DoesNotContain(PartnerSecret, h.Sent.Single(e => e.Email.Kind == "PartnerNotAnswering").Email.TextBody);
        Assert.Equal(3, h.State.Partners.Single().RemindersSent);
        Assert.Contains("partnerInput:P1", CustomStatus.Of(h.State).OpenObligations);
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void An_answer_stops_the_reminders_and_the_link_then_works_no_more()
    {
        var h = SchoolAskedOn30April();
        h.RunUntil(At("2026-05-12 12:00")); // after the first reminder

        var wrong = h.Refuse(new PartnerInputReceived("P1", "not-the-secret", "answer", null), At("2026-05-12 12:00"));
        Assert.Equal(RefusalKind.InvalidInput, wrong.Kind);
        var unknown = h.Refuse(new PartnerInputReceived("P9", PartnerSecret, "answer", null), At("2026-05-12 12:00"));
        Assert.Equal(RefusalKind.InvalidInput, unknown.Kind);

        h.Accept(new PartnerInputReceived("P1", PartnerSecret, ConfidentialNote, "Teacher Teppo") { Actor = "partner" }, At("2026-05-12 12:00"));

        var again = h.Refuse(new PartnerInputReceived("P1", PartnerSecret, "a second answer", null), At("2026-05-13 09:00"));
        Assert.Equal(RefusalKind.NotAllowedNow, again.Kind);
        Assert.Contains("already been used", again.Reason);
        Assert.Equal(RefusalCode.LinkUsed, again.Code);

        h.RunUntil(At("2026-07-31 00:00"));
        Assert.Equal(
        [
            $"2026-04-30 PartnerRequest -> {Partner}",
            $"2026-05-08 PartnerReminder -> {Partner}",
        ], h.EmailLog(AboutPartners));
        Assert.Equal(PartnerRequestStatus.Answered, h.State.Partners.Single().Status);
        Assert.Equal(ConfidentialNote + "\n\n— Teacher Teppo", h.Documents.Single(d => d.Id == "partner-P1-answer").Text);
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void A_waived_request_stops_the_reminders_and_its_link()
    {
        var h = SchoolAskedOn30April();

        h.Accept(new PartnerInputWaived("P1", "the child changed schools"), At("2026-05-04 09:00"));
        h.RunUntil(At("2026-07-31 00:00"));

        Assert.Equal([$"2026-04-30 PartnerRequest -> {Partner}"], h.EmailLog(AboutPartners));
        var late = h.Refuse(new PartnerInputReceived("P1", PartnerSecret, "answer", null), At("2026-05-05 09:00"));
        Assert.Equal(RefusalKind.NotAllowedNow, late.Kind);
    }

    [Fact]
    public void The_link_works_to_the_end_of_the_30th_day_after_its_last_reminder_and_is_refused_as_expired_after_it()
    {
        // The last reminder went on Mon 18.5; 30 days later is Wed 17.6 (before assessmentDue, 20.7, which no longer matters).
        var before = SchoolAskedOn30April();
        before.Accept(new PartnerInputReceived("P1", PartnerSecret, "just in time", null), At("2026-06-17 23:59"));

        var after = SchoolAskedOn30April();
        var refusal = after.Refuse(new PartnerInputReceived("P1", PartnerSecret, "too late", null), At("2026-06-18 00:00"));

        Assert.Equal(RefusalKind.NotAllowedNow, refusal.Kind);
        Assert.Contains("expired", refusal.Reason);
        Assert.Equal(RefusalCode.LinkExpired, refusal.Code);
        // The open request still blocks closing: the worker waives it with a reason.
        after.Accept(new PartnerInputWaived("P1", "no answer before the link expired"), At("2026-06-18 09:00"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A pre-birth notification (LSL § 25 c): the child-welfare case — and its deadlines — start only at the birth.
    // Born Friday 20.3.2026 (the identity code says so), recorded at 14:00 that day: the deadlines count from the day of
    // birth (§ 25 c(3)). Mon 23.3 (1) … Fri 27.3 (5), Mon 30.3 (6), Tue 31.3 (7) → decisionDue 31.3;
    // assessmentDue Sat 20.6.2026, Midsummer Day (not moved).
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Pre_birth_no_deadlines_and_no_deadline_timers_until_the_child_is_born_then_they_run_from_the_birth()
    {
        var h = new WorkflowHarness();
        var opened = h.Open(At("2026-02-10 10:00"), PreBirthNotification());

        Assert.Equal(CasePhase.AwaitingBirth, h.State.Phase);
        Assert.Null(h.State.Deadlines);
        // LSL § 25 c(2): the urgency is assessed at once before the birth too — its timers are the only ones set.
        Assert.Equal([TimerNames.UrgencyLead, TimerNames.UrgencyOnCall], opened.TimersToSet.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["urgencyAssessment", "childBorn"], CustomStatus.Of(h.State).OpenObligations);
        h.Accept(new UrgencyAssessed(false, null), At("2026-02-10 10:30"));
        Assert.Empty(h.PendingTimers);
        Assert.Equal(["childBorn"], CustomStatus.Of(h.State).OpenObligations);
        h.Accept(new NotifierContacted("phone", At("2026-02-11 09:00"), null), At("2026-02-11 09:00"));
        h.RunUntil(At("2026-03-20 14:00"));
        Assert.Empty(h.Fired);

        var recorded = At("2026-03-20 14:00");
        var step = h.Accept(new ChildBorn(NewbornIdentityCode), recorded);

        Assert.Equal(CasePhase.AwaitingDecision, h.State.Phase);
        Assert.Equal(At("2026-03-20 00:00"), h.State.Deadlines!.ReceivedAt); // the day of birth, not the moment it was recorded
        Assert.Equal("2026-03-20", Assert.Single(step.History, e => e.EventType == "ChildBorn").Details!["bornOn"]);
        Assert.Equal(new DateOnly(2026, 3, 20), h.State.Deadlines.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 3, 31), h.State.Deadlines.DecisionDue);
        Assert.Equal(new DateOnly(2026, 6, 20), h.State.Deadlines.AssessmentDue);
        Assert.Equal(
        [
            "assessment-escalation 2026-06-22 08:00", // assessmentDue 20.6 is a Saturday: escalate on Monday morning
            "assessment-overdue 2026-06-21 00:00",
            "assessment-reminder-14 2026-06-05 08:00", // 6.6 is a Saturday
            "assessment-reminder-3 2026-06-17 08:00",
            "decision-escalation 2026-03-31 08:00",
            "decision-overdue 2026-04-01 00:00",
            "decision-reminder 2026-03-27 08:00",
            "inform-family-escalation 2026-03-31 08:00",
            "inform-family-overdue 2026-04-01 00:00",
            "inform-family-reminder 2026-03-27 08:00",
            // no notifier-contact-reminder: the notifier was contacted before the birth
        ], h.PendingTimers.Values.Select(t => $"{t.Name} {TimeZoneInfo.ConvertTime(t.DueAt, HelsinkiTime.Zone):yyyy-MM-dd HH:mm}").Order(StringComparer.Ordinal));
        Assert.Equal(At("2026-03-27 08:00"), h.PendingTimers["decision-reminder"].DueAt); // before the DST switch of 29.3
        Assert.Equal(At("2026-03-31 08:00"), h.PendingTimers["decision-escalation"].DueAt); // after it
        Assert.DoesNotContain(h.Sent, e => e.Email.TextBody.Contains(NewbornIdentityCode));
        Assert.Equal(NewbornIdentityCode, h.Documents.Single(d => d.Id == "child-identity-code").Text);
        h.AssertEmailsCarryNoPersonalData();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Urgency and routing.
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_child_in_immediate_danger_reaches_the_on_call_address_at_once_even_on_a_Saturday_night()
    {
        var h = new WorkflowHarness();

        h.Open(At("2026-04-04 23:10"), ValidNotification(immediateDanger: true)); // Easter Saturday

        Assert.Equal(["2026-04-04 Receipt -> nurse@clinic.test", "2026-04-04 Urgent -> oncall.north@lumoflow.test"], h.EmailLog());
        Assert.Equal(At("2026-04-04 23:10"), h.Sent.Single(e => e.Email.Kind == "Urgent").At);
        Assert.Contains($"{BaseUrl}/api/cases/{CaseId}", h.Sent.Single(e => e.Email.Kind == "Urgent").Email.TextBody);
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void A_child_outside_the_routed_municipalities_goes_to_the_default_intake_team()
    {
        var h = new WorkflowHarness();
        var notification = ValidNotification(immediateDanger: true) with
        {
            Children = [new() { Name = ChildName, IdentityCode = ChildIdentityCode, HomeMunicipality = "Rovaniemi" }],
        };

        h.Open(At("2026-04-01 10:00"), notification);
        h.RunUntil(At("2026-04-15 00:00"));

        Assert.Equal("intake", h.State.TeamId);
        // The routing table does not know Rovaniemi: staff are to find out where the child lives.
        Assert.Contains("confirmHomeMunicipality", CustomStatus.Of(h.State).OpenObligations);
        Assert.Contains("2026-04-01 Urgent -> oncall.intake@lumoflow.test", h.EmailLog());
        Assert.Contains("2026-04-01 UrgencyEscalation -> lead.intake@lumoflow.test", h.EmailLog());
        Assert.Contains("2026-04-10 DecisionReminder -> worker.intake@lumoflow.test", h.EmailLog());
        Assert.Contains("2026-04-14 DecisionEscalation -> lead.intake@lumoflow.test", h.EmailLog());
    }

    [Fact]
    public void The_harness_notifications_are_valid_at_intake()
    {
        Assert.Empty(global::LumoFlow.Domain.Notifications.NotificationValidator.Validate(ValidNotification(), At("2026-04-01 10:00")));
        Assert.Empty(global::LumoFlow.Domain.Notifications.NotificationValidator.Validate(PreBirthNotification(), At("2026-02-10 10:00")));
        Assert.Empty(global::LumoFlow.Domain.Notifications.NotificationValidator.Validate(AnonymousPrivateNotification(), At("2026-04-01 10:00")));
        Assert.Null(global::LumoFlow.Domain.Notifications.PersonalIdentityCode.Validate(ChildIdentityCode));
        Assert.Null(global::LumoFlow.Domain.Notifications.PersonalIdentityCode.Validate(NewbornIdentityCode));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Data protection: every kind of email, in every language, carries no personal data.
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void No_email_of_any_kind_carries_the_child_s_name_identity_code_or_the_concern(string language)
    {
        var h = new WorkflowHarness();
        var notification = ValidNotification(offenceSuspected: true, immediateDanger: true);
        h.Open(At("2026-04-01 10:00"), notification with { Notifier = notification.Notifier! with { Language = language } });
        h.RunUntil(At("2026-04-15 12:00")); // reminders, the police-report, decision and family escalations
        // An urgent placement (LSL § 38) begins client status (§ 27(2)): nobody tells the family by the next morning.
        h.Accept(new UrgencyAssessed(true, ConfidentialNote) { Measure = "urgentPlacement" }, At("2026-04-15 12:00"));
        h.Accept(new DecisionMade(true, ConfidentialNote), At("2026-04-15 13:00"));
        h.Accept(new PartnerInputRequested(School with { Language = language }, ConfidentialNote, PartnerSecret), At("2026-04-15 14:00"));
        h.Accept(new ChildViewsRecorded(ConfidentialNote), At("2026-04-16 10:00"));
        h.Accept(new GuardiansHeard(ConfidentialNote), At("2026-04-16 11:00"));
        h.RunUntil(At("2026-08-01 00:00")); // partner follow-ups, assessment reminders and escalation

        Assert.Equal(
            ["AssessmentEscalation", "AssessmentReminder", "ClientStatusNoticeEscalation", "DecisionEscalation", "DecisionReminder",
             "InformFamilyEscalation", "InformFamilyReminder", "NotifierContactReminder", "NotifierDecision", "PartnerNotAnswering",
             "PartnerReminder", "PartnerRequest", "PoliceReportEscalation", "Receipt", "UrgencyEscalation", "UrgencyOnCall", "Urgent"],
            h.Sent.Select(e => e.Email.Kind).Distinct().Order(StringComparer.Ordinal));
        h.AssertEmailsCarryNoPersonalData();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Properties over random receipt instants in 2025–2028, with no staff action at all.
    // ---------------------------------------------------------------------------------------------------------------

    private static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2029, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Arbitrary<DateTimeOffset> ReceiptInstants { get; } =
        Arb.From(Gen.Choose(0, (int)(To - From).TotalSeconds - 1).Select(seconds => From.AddSeconds(seconds)));

    [Property(MaxTest = 300)]
    public Property Without_staff_action_each_escalation_goes_out_once_and_every_reminder_on_a_working_day_morning() =>
        Prop.ForAll(ReceiptInstants, received =>
        {
            var h = new WorkflowHarness();
            h.Open(received);
            var deadlines = h.State.Deadlines!;
            h.RunUntil(ReminderSchedule.EndOf(deadlines.AssessmentDue).AddDays(40));

            Assert.Single(h.Sent, e => e.Email.Kind == "DecisionEscalation");
            Assert.Single(h.Sent, e => e.Email.Kind == "AssessmentEscalation");
            Assert.Single(h.Sent, e => e.Email.Kind == "DecisionReminder");
            Assert.Single(h.Sent, e => e.Email.Kind == "InformFamilyReminder");
            Assert.Equal(2, h.Sent.Count(e => e.Email.Kind == "AssessmentReminder"));
            Assert.Equal(deadlines.DecisionDue, h.Sent.Single(e => e.Email.Kind == "DecisionEscalation").On);
            // THL: nobody told the family either — the lead hears of it with the decision, and it is flagged at the same end.
            Assert.Equal(h.Sent.Single(e => e.Email.Kind == "DecisionEscalation").At, h.Sent.Single(e => e.Email.Kind == "InformFamilyEscalation").At);
            Assert.Equal(ReminderSchedule.EndOf(deadlines.DecisionDue), h.History.Single(e => e.EventType == "InformFamilyOverdue").At);
            // assessmentDue is not moved; the escalation goes out on the first working-day morning after it.
            Assert.Equal(HelsinkiTime.AtLocalTime(WorkingDayCalendar.Default.AddWorkingDays(deadlines.AssessmentDue, 1), Morning),
                h.Sent.Single(e => e.Email.Kind == "AssessmentEscalation").At);
            Assert.Equal(ReminderSchedule.EndOf(deadlines.AssessmentDue), h.History.Single(e => e.EventType == "AssessmentOverdue").At);

            // LSL § 26(2): urgency never recorded — the lead once, on-call once, each at the ladder's time (UrgencyTests
            // checks the ladder itself), on a working day.
            var urgency = new UrgencySchedule();
            var lead = Assert.Single(h.Sent, e => e.Email.Kind == "UrgencyEscalation");
            var onCall = Assert.Single(h.Sent, e => e.Email.Kind == "UrgencyOnCall");
            Assert.Equal((Lead, urgency.LeadAt(received, WorkingDayCalendar.Default)), (lead.Email.To, lead.At));
            Assert.Equal((OnCall, urgency.OnCallAt(received, WorkingDayCalendar.Default)), (onCall.Email.To, onCall.At));
            Assert.True(WorkingDayCalendar.Default.IsWorkingDay(lead.On) && lead.On == onCall.On, $"{lead} / {onCall}");

            foreach (var reminder in h.Sent.Where(e => e.Email.Kind is not "Receipt" && !AboutUrgency(e)))
            {
                Assert.True(WorkingDayCalendar.Default.IsWorkingDay(reminder.On), $"{reminder} is not on a working day");
                Assert.Equal(Morning, LocalTime(reminder));
            }
            Assert.All(h.Sent.Where(e => e.Email.Kind == "NotifierContactReminder"), e => Assert.InRange(e.On, deadlines.ReceivedOn.AddDays(1), deadlines.DecisionDue));
            Assert.Empty(h.PendingTimers);
        });
}
