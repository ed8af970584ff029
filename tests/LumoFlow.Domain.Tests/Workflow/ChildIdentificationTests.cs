using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// LSL § 25 b, § 26(1): a notification is registered as far as it is known, and what is missing becomes an obligation,
/// not an error — <c>identifyChild</c> (no valid identity code yet) and <c>confirmHomeMunicipality</c> (routed to the
/// default team). <c>ChildIdentified</c> records what staff found out: the home municipality re-routes the case, the
/// identity code links the child's other open cases (through its key in the child index).
/// </summary>
public sealed class ChildIdentificationTests
{
    private static readonly DateTimeOffset Wednesday10 = At("2026-04-01 10:00");

    private static string[] Obligations(WorkflowHarness h) => [.. CustomStatus.Of(h.State).OpenObligations];

    [Fact]
    public void A_neighbour_s_notification_opens_a_case_with_the_default_team_and_what_is_missing_as_obligations()
    {
        var h = new WorkflowHarness();

        h.Open(Wednesday10, NeighbourNotification());

        Assert.Equal(Intake.Id, h.State.TeamId);
        Assert.Equal(CasePhase.AwaitingDecision, h.State.Phase);
        Assert.Equal(new DateOnly(2026, 4, 14), h.State.Deadlines!.DecisionDue); // the clock runs, as for any notification
        Assert.Equal(
            ["urgencyAssessment", "identifyChild", "confirmHomeMunicipality", "decision", "informChildAndGuardians", "notifierContact", "childMeeting"],
            Obligations(h));
        Assert.Equal("niina@neighbour.test", Assert.Single(h.Sent).Email.To); // the receipt
        // Neither obligation blocks closing: staff may never find out, and the case still has to be decided.
        Assert.DoesNotContain(ClosingRules.Missing(h.State), o => o.Code is "identifyChild" or "confirmHomeMunicipality");
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void A_valid_identity_code_and_a_routed_municipality_at_intake_leave_nothing_to_find_out()
    {
        var h = new WorkflowHarness();

        h.Open(Wednesday10, ValidNotification() with
        {
            Children = [new Child { Name = ChildName, IdentityCode = ChildIdentityCode, HomeMunicipality = "  kuopio " }],
        });

        Assert.Equal(North.Id, h.State.TeamId); // names are matched ignoring case and surrounding spaces
        Assert.True(h.State.ChildIdentified);
        Assert.True(h.State.HomeMunicipalityConfirmed);
        Assert.DoesNotContain("identifyChild", Obligations(h));
        Assert.DoesNotContain("confirmHomeMunicipality", Obligations(h));
    }

    [Theory]
    [InlineData("150315A123Y")] // wrong check character
    [InlineData("150315")]
    [InlineData(null)]
    public void Without_a_valid_identity_code_the_child_is_still_to_be_identified(string? identityCode)
    {
        var h = new WorkflowHarness();
        var notification = NeighbourNotification() with
        {
            Children = [new Child { Name = "Aino", IdentityCode = identityCode, HomeMunicipality = "Kuopio" }],
        };

        h.Open(Wednesday10, notification, flags: identityCode is null ? [] : ["children[0].identityCode: IdentityCodeCheckCharacter"]);

        Assert.False(h.State.ChildIdentified);
        Assert.Contains("identifyChild", Obligations(h));
        Assert.DoesNotContain("confirmHomeMunicipality", Obligations(h));
        Assert.Equal(identityCode is null ? [] : ["children[0].identityCode: IdentityCodeCheckCharacter"], h.State.IntakeFlags);
    }

    [Fact]
    public void The_home_municipality_found_out_moves_the_case_to_its_team()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10, NeighbourNotification());
        h.Accept(new Reassigned(null, "virpi.intake@lumoflow.test") { Actor = "lead.intake" }, At("2026-04-01 10:10"));

        var step = h.Accept(new ChildIdentified(null, null, "Kuopio") { Actor = "sw.intake" }, At("2026-04-01 10:30"));

        Assert.Equal(North.Id, h.State.TeamId);
        Assert.Null(h.State.WorkerEmail); // the old team's worker does not follow the case to another team
        Assert.True(h.State.HomeMunicipalityConfirmed);
        Assert.DoesNotContain("confirmHomeMunicipality", Obligations(h));
        Assert.Contains("identifyChild", Obligations(h)); // who the child is, is still to be found out
        Assert.Equal(["ChildIdentified", "RoutedToTeam"], step.History.Select(e => e.EventType));
        Assert.Equal(new Dictionary<string, string> { ["homeMunicipality"] = "true" }, step.History[0].Details);
        var routed = step.History[1];
        Assert.Equal(("sw.intake", North.Id), (routed.Actor, routed.Details!["team"]));
        Assert.Equal("Kuopio", h.Documents.Single(d => d.Id == "child-home-municipality").Text);

        // From now on the new team hears of the case: the urgency escalation at 12:00 goes to its lead, the reminders to its worker.
        h.RunUntil(At("2026-04-11 00:00"));
        Assert.Contains("2026-04-01 UrgencyEscalation -> lead.north@lumoflow.test", h.EmailLog());
        Assert.Contains("2026-04-10 DecisionReminder -> worker.north@lumoflow.test", h.EmailLog());
        Assert.DoesNotContain(h.Sent, e => e.Email.To.Contains("intake", StringComparison.Ordinal));
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void The_municipality_of_the_team_the_case_is_already_with_confirms_it_without_moving_it()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10, NeighbourNotification() with { Children = [new Child { Name = "Aino", HomeMunicipality = "Kuopio" }] });
        h.Accept(new Reassigned(null, "virpi.north@lumoflow.test") { Actor = "lead.north" }, At("2026-04-01 10:10"));

        var step = h.Accept(new ChildIdentified(null, null, "Kuopio"), At("2026-04-01 10:30"));

        Assert.Equal(North.Id, h.State.TeamId);
        Assert.Equal("virpi.north@lumoflow.test", h.State.WorkerEmail);
        Assert.DoesNotContain(step.History, e => e.EventType == "RoutedToTeam");
    }

    [Fact]
    public void A_municipality_no_team_takes_is_refused_and_nothing_of_the_event_is_kept()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10, NeighbourNotification());
        var before = h.State;

        var refusal = h.Refuse(new ChildIdentified(ChildIdentityCode, null, "Rovaniemi", "child-key-aino"), At("2026-04-01 10:30"));

        Assert.Equal(RefusalKind.InvalidInput, refusal.Kind);
        Assert.Equal(RefusalCode.NoSuchMunicipality, refusal.Code);
        Assert.Equal("Rovaniemi", refusal.Subject);
        Assert.Contains("Rovaniemi", refusal.Reason);
        Assert.Same(before, h.State);
        Assert.Contains("identifyChild", Obligations(h));
        Assert.DoesNotContain(h.Documents, d => d.Id == "child-identity-code");
    }

    [Fact]
    public void The_identity_code_found_out_identifies_the_child_and_links_the_child_s_other_open_cases()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10, NeighbourNotification());

        var step = h.Accept(new ChildIdentified(ChildIdentityCode, new DateOnly(2015, 3, 15), null, "child-key-aino"), At("2026-04-02 09:00"));

        Assert.True(h.State.ChildIdentified);
        Assert.DoesNotContain("identifyChild", Obligations(h));
        Assert.Contains("confirmHomeMunicipality", Obligations(h)); // the municipality is still unknown
        Assert.Equal(Intake.Id, h.State.TeamId);
        Assert.Equal(["child-key-aino"], h.State.PendingChildKeys); // for the engine to look up in the child index
        Assert.Equal(new Dictionary<string, string> { ["identityCode"] = "true", ["dateOfBirth"] = "true" }, step.History.Single().Details);
        Assert.Equal(ChildIdentityCode, h.Documents.Single(d => d.Id == "child-identity-code").Text);
        Assert.Equal("2015-03-15", h.Documents.Single(d => d.Id == "child-date-of-birth").Text);

        // The engine looked the key up: the child has another open case, which is linked (THL: linked, never dropped).
        var linked = Assert.IsType<WorkflowStep>(h.Workflow.Apply(h.State, new ChildIndexChecked(["LF-2026-000001", CaseId]), At("2026-04-02 09:00")));
        Assert.Equal(["LF-2026-000001"], linked.State.LinkedCaseIds);
        Assert.Empty(linked.State.PendingChildKeys);
        Assert.Equal("LF-2026-000001", Assert.Single(linked.History, e => e.EventType == "LinkedToOpenCase").Details!["caseId"]);
        h.AssertEmailsCarryNoPersonalData();
    }

    [Fact]
    public void A_date_of_birth_alone_does_not_identify_the_child()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10, NeighbourNotification());

        h.Accept(new ChildIdentified(null, new DateOnly(2015, 3, 15), null), At("2026-04-02 09:00"));

        Assert.False(h.State.ChildIdentified);
        Assert.Contains("identifyChild", Obligations(h));
        Assert.Empty(h.State.PendingChildKeys);
        Assert.Equal("2015-03-15", h.Documents.Single(d => d.Id == "child-date-of-birth").Text);
    }

    [Fact]
    public void Everything_at_once_identifies_routes_and_links()
    {
        var h = new WorkflowHarness();
        h.Open(Wednesday10, NeighbourNotification());

        h.Accept(new ChildIdentified(ChildIdentityCode, null, "Kuopio", "child-key-aino"), At("2026-04-02 09:00"));

        Assert.Equal(North.Id, h.State.TeamId);
        Assert.Equal(["urgencyAssessment", "decision", "informChildAndGuardians", "notifierContact", "childMeeting"], Obligations(h));
        Assert.Equal(["child-key-aino"], h.State.PendingChildKeys);
    }

    [Fact]
    public void A_pre_birth_case_has_no_identity_to_find_out_until_the_birth_which_identifies_the_child()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-02-10 10:00"), PreBirthNotification());
        Assert.DoesNotContain("identifyChild", Obligations(h));

        h.Accept(new ChildBorn(NewbornIdentityCode) { ChildKey = "child-key-newborn" }, At("2026-03-20 14:00"));

        Assert.True(h.State.ChildIdentified);
        Assert.DoesNotContain("identifyChild", Obligations(h));
        Assert.Equal(["child-key-newborn"], h.State.PendingChildKeys);
    }

    [Fact]
    public void Before_the_birth_an_identity_code_or_a_date_of_birth_is_refused_and_the_home_municipality_may_be_found_out()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-02-10 10:00"), PreBirthNotification() with
        {
            Children = [new Child { Name = ChildName, ExpectedBirthDate = new DateOnly(2026, 4, 1) }],
        });
        var before = h.State;

        var code = h.Refuse(new ChildIdentified(NewbornIdentityCode, null, null, "child-key-newborn"), At("2026-02-10 11:00"));
        var born = h.Refuse(new ChildIdentified(null, new DateOnly(2026, 2, 1), null), At("2026-02-10 11:00"));

        Assert.Equal(RefusalCode.WaitingForBirth, code.Code);
        Assert.Equal(RefusalCode.WaitingForBirth, born.Code);
        Assert.Same(before, h.State);
        Assert.Contains("confirmHomeMunicipality", Obligations(h));
        h.Accept(new ChildIdentified(null, null, "Kuopio"), At("2026-02-10 11:30"));
        Assert.DoesNotContain("confirmHomeMunicipality", Obligations(h));
        Assert.Equal(North.Id, h.State.TeamId);
    }

    [Fact]
    public void The_notifier_s_unusable_email_gets_no_receipt_and_contact_is_recorded_as_impossible()
    {
        var h = new WorkflowHarness();

        h.Open(Wednesday10, NeighbourNotification() with { Notifier = new Notifier { Type = NotifierTypes.Private, Name = "Naapuri Niina", Email = "niina at home" } },
            flags: ["notifier.email: NotAnEmailAddress"]);

        Assert.Empty(h.Sent);
        Assert.Equal("no usable contact details given", h.State.NotifierContactRecord!.ImpossibleReason);
        Assert.Equal(["notifier.email: NotAnEmailAddress"], h.State.IntakeFlags);
    }

    [Fact]
    public void A_notification_without_any_notifier_details_opens_as_an_anonymous_private_one()
    {
        var h = new WorkflowHarness();

        h.Open(Wednesday10, NeighbourNotification() with { Notifier = null });

        Assert.Equal((NotifierTypes.Private, true), (h.State.Notifier.Type, h.State.Notifier.Anonymous));
        Assert.Equal("anonymous notifier", h.State.NotifierContactRecord!.ImpossibleReason);
        Assert.Empty(h.Sent);
    }
}
