using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 7 (LSL § 26(1)–(3); THL practice; law review § 3 row 9): a new notification about a child whose
/// assessment is under way is taken into that assessment (<see cref="HandledInOpenAssessment"/>). This is the new case's
/// decision, on the day recorded: it needs the urgency first (§ 26(2)), a linked case of the same child, and an
/// assessment under way there (the host looks). The new case then ends once its own notifier contact (and a police
/// report, when an offence is suspected) is done; the family is told within the open assessment. The open case records
/// it (<see cref="NotificationTakenIntoAssessment"/>).
/// Received Monday 2.3.2026 09:00 (decisionDue Wednesday 11.3).
/// </summary>
public sealed class OpenAssessmentTests
{
    private const string OpenCase = "LF-2026-000100";
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00");
    private static readonly DateTimeOffset UrgencyAt = At("2026-03-02 09:30");
    private static readonly DateTimeOffset Day1 = At("2026-03-03 10:00");
    private static readonly HandledInOpenAssessment TakenIn = new(OpenCase) { IsOpenAssessment = true, Actor = "sw.virtanen" };

    private static WorkflowHarness Linked(bool urgencyAssessed = true, bool offence = false)
    {
        var h = new WorkflowHarness();
        h.Open(Received, ValidNotification(offenceSuspected: offence), linkedCaseIds: [OpenCase]);
        if (urgencyAssessed) h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        return h;
    }

    [Fact]
    public void Before_the_urgency_is_assessed_it_is_refused_like_any_decision()
    {
        var h = Linked(urgencyAssessed: false);

        var refusal = h.Refuse(TakenIn, UrgencyAt);

        Assert.Equal((RefusalKind.NotAllowedNow, RefusalCode.UrgencyFirst), (refusal.Kind, refusal.Code));
        Assert.Equal(["urgencyAssessment"], refusal.Missing.Select(m => m.Code));
    }

    [Fact]
    public void A_case_that_is_not_a_linked_case_of_the_same_child_is_refused()
    {
        var h = Linked();
        var before = h.State;

        var refusal = h.Refuse(new HandledInOpenAssessment("LF-2026-000999") { IsOpenAssessment = true }, UrgencyAt);

        Assert.Equal((RefusalKind.InvalidInput, RefusalCode.NotALinkedCase, "LF-2026-000999"), (refusal.Kind, refusal.Code, refusal.Subject));
        Assert.Same(before, h.State);
    }

    [Fact]
    public void A_linked_case_with_no_assessment_under_way_is_refused()
    {
        var h = Linked();

        var refusal = h.Refuse(new HandledInOpenAssessment(OpenCase) { IsOpenAssessment = false }, UrgencyAt);

        Assert.Equal((RefusalKind.NotAllowedNow, RefusalCode.NotAnOpenAssessment, OpenCase), (refusal.Kind, refusal.Code, refusal.Subject));
        Assert.Null(h.State.Decision);
    }

    [Fact]
    public void Taken_into_the_open_assessment_it_counts_as_the_decision_and_ends_once_the_notifier_is_contacted()
    {
        var h = Linked();

        var step = h.Accept(TakenIn, Day1);

        Assert.Equal(new DecisionRecord(true, Day1, "sw.virtanen"), h.State.Decision);
        Assert.Equal(OpenCase, h.State.HandledInCaseId);
        Assert.Equal((CasePhase.Closing, Outcomes.HandledInOpenAssessment), (h.State.Phase, h.State.PendingOutcome));
        Assert.Equal(new Dictionary<string, string> { ["caseId"] = OpenCase }, step.History.Single(e => e.EventType == "HandledInOpenAssessment").Details);
        // Its own notifier contact still applies; the family is told within the open assessment, and nobody meets the
        // child for this case alone.
        Assert.Equal(["notifierContact"], ClosingRules.Missing(h.State).Select(o => o.Code));
        Assert.Equal(["notifierContact"], CustomStatus.Of(h.State).OpenObligations);
        // The decision's, the assessment's and the family's timers go; the notifier is told neutrally.
        Assert.DoesNotContain(h.PendingTimers.Keys, name => name.StartsWith("decision-", StringComparison.Ordinal)
            || name.StartsWith("assessment-", StringComparison.Ordinal) || name.StartsWith("inform-family-", StringComparison.Ordinal));
        var feedback = Assert.Single(step.Emails);
        Assert.Equal(("NotifierDecision", NotifierEmail), (feedback.Kind, feedback.To));
        Assert.Equal(PartnerAndNotifierTexts.NotifierProcessed("fi", CaseId).Body, feedback.TextBody);

        h.RunUntil(At("2026-03-16 09:00"));
        // No reminder or escalation of the decision, the assessment or the family; only that the notifier is still to be
        // contacted, every second working day.
        Assert.Equal(["Receipt", "NotifierDecision"], h.Sent.Select(e => e.Email.Kind).Where(k => k != "ClosingReminder"));
        Assert.Contains(h.Sent, e => e.Email.Kind == "ClosingReminder");
        Assert.False(h.State.InformFamilyOverdue);

        var contacted = h.Accept(new NotifierContacted("phone", At("2026-03-16 09:00"), null), At("2026-03-16 09:00"));

        Assert.Equal((RuntimeStatus.Completed, Outcomes.HandledInOpenAssessment), (h.State.RuntimeStatus, h.State.Outcome));
        Assert.Equal("handledInOpenAssessment", contacted.History.Single(e => e.EventType == "CaseClosed").Details!["outcome"]);
        Assert.Empty(h.PendingTimers);
    }

    [Fact]
    public void With_the_notifier_already_contacted_the_case_ends_at_once()
    {
        var h = Linked();
        h.Accept(new NotifierContacted("phone", UrgencyAt, null), UrgencyAt);

        var step = h.Accept(TakenIn, Day1);

        Assert.Equal(["HandledInOpenAssessment", "EmailQueued", "CaseClosed"], step.History.Select(e => e.EventType));
        Assert.Equal(Outcomes.HandledInOpenAssessment, h.State.Outcome);
    }

    [Fact]
    public void A_suspected_offence_is_still_reported_before_the_case_ends()
    {
        var h = Linked(offence: true);
        h.Accept(new NotifierContacted("phone", UrgencyAt, null), UrgencyAt);

        h.Accept(TakenIn, Day1);

        Assert.Equal(["policeReport"], ClosingRules.Missing(h.State).Select(o => o.Code));
        h.Accept(new PoliceReportFiled(Day1), Day1);
        Assert.Equal(Outcomes.HandledInOpenAssessment, h.State.Outcome);
    }

    [Fact]
    public void Only_a_case_awaiting_its_decision_is_taken_in()
    {
        var h = Linked();
        h.Accept(new DecisionMade(true, "assessment needed"), Day1);

        Assert.Equal(RefusalCode.NotAllowedInPhase, h.Refuse(TakenIn, Day1).Code);
    }

    [Theory]
    [InlineData("2026-03-03 10:00", true)]  // working day 1
    [InlineData("2026-03-11 16:00", true)]  // decisionDue itself
    [InlineData("2026-03-12 09:00", false)] // working day 8
    public void For_THL_it_is_decided_on_the_day_recorded_with_no_assessment_of_its_own_to_complete(string recorded, bool inTime)
    {
        var h = Linked();
        h.Accept(new NotifierContacted("phone", UrgencyAt, null), UrgencyAt);

        h.Accept(TakenIn, At(recorded));

        var c = ComplianceCase.Of(h.State);
        Assert.Equal((DateOnly.FromDateTime(At(recorded).DateTime), false, false), (c.DecidedOn!.Value, c.AssessmentStarted, c.Open));
        var figures = ComplianceReport.Compute([c], ReportPeriod.OctMar(2025), new DateOnly(2026, 9, 1)).Organisation;
        Assert.Equal((1, inTime ? 1 : 0, inTime ? 0 : 1), (figures.Received, figures.DecidedInTime, figures.DecisionExceeded));
        Assert.Equal(0, figures.AssessmentsCompleted);
        Assert.Empty(figures.OpenPastAssessmentLimit);
    }

    [Fact]
    public void The_open_assessment_records_the_new_notification_and_nothing_else_changes()
    {
        var open = new WorkflowHarness();
        open.Open(At("2026-01-12 09:00"), caseId: OpenCase);
        open.Accept(new UrgencyAssessed(false, null), At("2026-01-12 09:30"));
        open.Accept(new DecisionMade(true, "assessment needed"), At("2026-01-13 10:00"));
        open.RunUntil(Day1);
        var before = open.State;

        var step = open.Accept(new NotificationTakenIntoAssessment(CaseId) { Actor = "system" }, Day1);

        var entry = Assert.Single(step.History);
        Assert.Equal(("NotificationTakenIntoAssessment", "system", CaseId), (entry.EventType, entry.Actor, entry.Details!["caseId"]));
        Assert.Equal(before with { LastUpdatedTime = Day1 }, open.State); // its own deadlines stand: the 3 months are not extended
        Assert.Empty(step.Emails);
        Assert.Empty(step.TimersToSet);

        var awaiting = Linked();
        Assert.Equal(RefusalCode.NotAllowedInPhase, awaiting.Refuse(new NotificationTakenIntoAssessment("LF-2026-000200") { Actor = "system" }, Day1).Code);
    }
}
