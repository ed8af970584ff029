using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// LSL §§ 26, 27, 29: a case concerns one child, so a notification about siblings opens a case per child
/// (<see cref="NotificationReceived.ChildNumber"/>), each with its own urgency, deadlines, decision and meeting. They
/// share the notification and a family group (<see cref="NotificationReceived.FamilyCaseIds"/>); the notifier gets one
/// receipt, from the first child's case, naming every case.
/// </summary>
public sealed class SiblingCaseTests
{
    private const string FirstCase = CaseId;
    private const string SecondCase = "LF-2026-000124";
    private static readonly string[] Family = [FirstCase, SecondCase];
    private static readonly DateTimeOffset Wednesday10 = At("2026-04-01 10:00");

    /// <summary>Aino, whose identity code is known, and a younger sibling whose only the approximate age is.</summary>
    private static Notification AboutSiblings(bool immediateDanger = false) => ValidNotification(immediateDanger: immediateDanger) with
    {
        Children =
        [
            new Child { Name = ChildName, IdentityCode = ChildIdentityCode, HomeMunicipality = "Kuopio" },
            new Child { ApproximateAge = 4, HomeMunicipality = "Kuopio" },
        ],
    };

    private static (WorkflowHarness First, WorkflowHarness Second) OpenBoth(Notification notification)
    {
        var first = new WorkflowHarness();
        first.Open(Wednesday10, notification, childNumber: 0, familyCaseIds: Family, caseId: FirstCase);
        var second = new WorkflowHarness();
        second.Open(Wednesday10, notification, childNumber: 1, familyCaseIds: Family, caseId: SecondCase);
        return (first, second);
    }

    [Fact]
    public void The_notifier_gets_one_receipt_from_the_first_child_s_case_naming_every_case()
    {
        var (first, second) = OpenBoth(AboutSiblings());

        var receipt = Assert.Single(first.Sent);
        Assert.Equal(("Receipt", NotifierEmail), (receipt.Email.Kind, receipt.Email.To));
        Assert.Contains(FirstCase, receipt.Email.TextBody);
        Assert.Contains(SecondCase, receipt.Email.TextBody);
        Assert.Empty(second.Sent);
        first.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void Each_child_s_case_knows_its_child_and_its_family_and_has_its_own_obligations()
    {
        var (first, second) = OpenBoth(AboutSiblings());

        Assert.Equal((0, SecondCase), (first.State.ChildNumber, second.State.CaseId));
        Assert.Equal(1, second.State.ChildNumber);
        Assert.Equal(Family, first.State.FamilyCaseIds);
        Assert.Equal(Family, second.State.FamilyCaseIds);
        // Aino's identity code is known; her sibling's is not.
        Assert.DoesNotContain("identifyChild", CustomStatus.Of(first.State).OpenObligations);
        Assert.Contains("identifyChild", CustomStatus.Of(second.State).OpenObligations);
        // Each has its own urgency ladder and deadlines.
        Assert.All(new[] { first, second }, h =>
        {
            Assert.Equal("urgencyAssessment", CustomStatus.Of(h.State).OpenObligations[0]);
            Assert.Equal(At("2026-04-01 12:00"), h.PendingTimers[TimerNames.UrgencyLead].DueAt);
            Assert.Equal(new DateOnly(2026, 4, 14), h.State.Deadlines!.DecisionDue);
        });
    }

    [Fact]
    public void Meeting_one_sibling_leaves_the_other_s_meeting_and_urgency_open()
    {
        var (first, second) = OpenBoth(AboutSiblings());

        first.Accept(new UrgencyAssessed(false, null), At("2026-04-01 10:30"));
        first.Accept(new ChildMet(At("2026-04-02 13:00"), "school", null), At("2026-04-02 15:00"));
        second.RunUntil(At("2026-04-02 15:00"));

        Assert.DoesNotContain("childMeeting", CustomStatus.Of(first.State).OpenObligations);
        Assert.Contains("childMeeting", CustomStatus.Of(second.State).OpenObligations);
        Assert.Contains("urgencyAssessment", CustomStatus.Of(second.State).OpenObligations);
        // The sibling's own ladder ran: its urgency was not recorded.
        Assert.Equal(["UrgencyEscalation", "UrgencyOnCall"], second.Sent.Select(e => e.Email.Kind));
        Assert.DoesNotContain(first.Sent, e => e.Email.Kind is "UrgencyEscalation" or "UrgencyOnCall");
        // And its decision waits for its own urgency assessment.
        Assert.Equal(RefusalCode.UrgencyFirst, second.Refuse(new DecisionMade(true, "needed"), At("2026-04-02 15:00")).Code);
        first.Accept(new DecisionMade(true, "needed"), At("2026-04-02 15:00"));
    }

    [Fact]
    public void A_red_flag_alerts_on_call_for_each_child_s_case()
    {
        var (first, second) = OpenBoth(AboutSiblings(immediateDanger: true));

        Assert.Equal(["Receipt", "Urgent"], first.Sent.Select(e => e.Email.Kind).Order(StringComparer.Ordinal));
        Assert.Contains($"/api/cases/{FirstCase}", first.Sent.Single(e => e.Email.Kind == "Urgent").Email.TextBody);
        var urgent = Assert.Single(second.Sent);
        Assert.Equal("Urgent", urgent.Email.Kind);
        Assert.Contains($"/api/cases/{SecondCase}", urgent.Email.TextBody);
    }

    [Fact]
    public void Each_child_s_case_is_routed_by_that_child_s_home_municipality()
    {
        var notification = AboutSiblings() with
        {
            Children = [AboutSiblings().Children![0], new Child { ApproximateAge = 4 }], // where the sibling lives is not known
        };

        var (first, second) = OpenBoth(notification);

        Assert.Equal(North.Id, first.State.TeamId);
        Assert.True(first.State.HomeMunicipalityConfirmed);
        Assert.Equal(Intake.Id, second.State.TeamId);
        Assert.Contains("confirmHomeMunicipality", CustomStatus.Of(second.State).OpenObligations);
    }

    [Fact]
    public void A_single_child_s_case_is_its_own_family()
    {
        var h = new WorkflowHarness();

        h.Open(Wednesday10);

        Assert.Equal([CaseId], h.State.FamilyCaseIds);
        Assert.Contains(CaseId, Assert.Single(h.Sent).Email.TextBody);
    }
}
