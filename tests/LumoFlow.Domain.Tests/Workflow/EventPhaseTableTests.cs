using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.EventPhaseTableTests.Expect;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Which event may happen in which phase — every event in every phase, against a table written out here so a reader
/// can check it against the law (docs/domain.md, The process). The phases are reached by one story, each step adding to the last;
/// in every one the urgency was assessed half an hour after receipt (LSL § 26(2): at once, for every notification, and
/// before any decision), so no urgency escalation is pending:
/// <list type="bullet">
/// <item>AwaitingBirth: a pre-birth notification (LSL § 25 c), its urgency assessed by on-call (§ 25 c(2)) — nothing but
///   the birth, closing it, and what concerns the notifier, who the child is, an offence or the team may happen before
///   the child is born.</item>
/// <item>AwaitingDecision: notification received; urgency assessed; notifier contacted; child met; school asked for input (P1, open).</item>
/// <item>Assessing: … and the decision to start the assessment; P1 has not answered, which blocks closing.</item>
/// <item>ReadyToClose: … and P1 answered: nothing blocks closing.</item>
/// <item>Completed: … and the assessment completed. Terminated: AwaitingDecision, then stopped by an administrator.</item>
/// </list>
/// </summary>
public sealed class EventPhaseTableTests
{
    /// <summary>The codes of a refusal by phase: what the page says as "cannot be recorded in this phase", with its hint.</summary>
    private static readonly RefusalCode[] PhaseCodes =
        [RefusalCode.NotAllowedInPhase, RefusalCode.DecideFirst, RefusalCode.WaitingForBirth, RefusalCode.AlreadyDecided, RefusalCode.NotWaitingForBirth];

    /// <summary>What the workflow must answer.</summary>
    public enum Expect
    {
        /// <summary>Allowed, and accepted.</summary>
        Step,
        /// <summary>409 Conflict: not allowed in this phase, and the reason names the phase.</summary>
        Phase,
        /// <summary>410 Gone: the case has ended; nothing more can be recorded.</summary>
        Ended,
        /// <summary>
        /// 409, but not because of the phase: the phase lets the event through and its own rule refuses it — closing
        /// while partner P1 has not answered, or a second answer/waiver to P1 after it answered.
        /// </summary>
        Rule,
    }

    private static readonly string[] Phases = ["AwaitingBirth", "AwaitingDecision", "Assessing", "ReadyToClose", "Completed", "Terminated"];

    /// <summary>The law, as a table. Columns in the order of <see cref="Phases"/>.</summary>
    private static readonly Dictionary<string, Expect[]> Table = new()
    {
        //                                            AwaitingBirth AwaitingDecision Assessing ReadyToClose Completed Terminated
        // LSL § 26(2): the urgent need is assessed at once — also before the birth (on-call social services, § 25 c(2)).
        ["UrgencyAssessed"] =                        [Step,         Step,            Step,     Step,        Ended,    Ended],
        // The notifier is always contacted (or why not recorded), whenever that happens.
        ["NotifierContacted"] =                      [Step,         Step,            Step,     Step,        Ended,    Ended],
        ["NotifierContactImpossible"] =              [Step,         Step,            Step,     Step,        Ended,    Ended],
        // LSL § 26(5): decided once, by the 7th working day after the case opened — and a pre-birth case opens at birth.
        // Not starting closes the case, so the closing rules apply: P1 has not answered.
        ["DecisionMade(startAssessment: true)"] =    [Phase,        Step,            Phase,    Phase,       Ended,    Ended],
        ["DecisionMade(startAssessment: false)"] =   [Phase,        Rule,            Phase,    Phase,       Ended,    Ended],
        // THL: the child and guardians are told — once there is a child and a case; late is better than never.
        ["ChildAndGuardiansInformed"] =              [Phase,        Step,            Step,     Step,        Ended,    Ended],
        // SHL § 41: partners take part in the assessment of a born child. In ReadyToClose P1 has already answered
        // (an open request would block closing), so answering or waiving it again is refused by the request itself.
        ["PartnerInputRequested"] =                  [Phase,        Step,            Step,     Step,        Ended,    Ended],
        ["PartnerInputWaived"] =                     [Phase,        Step,            Step,     Rule,        Ended,    Ended],
        ["PartnerInputReceived"] =                   [Phase,        Step,            Step,     Rule,        Ended,    Ended],
        // LSL § 29, SHL §§ 36(4), 42: meeting the child and hearing the family need a born child.
        ["ChildMet"] =                               [Phase,        Step,            Step,     Step,        Ended,    Ended],
        ["ChildNotMet"] =                            [Phase,        Step,            Step,     Step,        Ended,    Ended],
        ["ChildViewsRecorded"] =                     [Phase,        Step,            Step,     Step,        Ended,    Ended],
        ["GuardiansHeard"] =                         [Phase,        Step,            Step,     Step,        Ended,    Ended],
        // LSL § 25(3): the police report duty holds whenever an offence is suspected.
        ["OffenceSuspected"] =                       [Step,         Step,            Step,     Step,        Ended,    Ended],
        ["PoliceReportFiled"] =                      [Step,         Step,            Step,     Step,        Ended,    Ended],
        // Routing, LSL § 25 d (moved away), and new notifications about the same child (THL: link, never drop).
        ["Reassigned"] =                             [Step,         Step,            Step,     Step,        Ended,    Ended],
        ["TransferredOut"] =                         [Step,         Step,            Step,     Step,        Ended,    Ended],
        ["RelatedNotificationReceived"] =            [Step,         Step,            Step,     Step,        Ended,    Ended],
        // SHL § 37: the assessment closes once it has started and nothing required is missing (P1 blocks in Assessing).
        ["AssessmentCompleted"] =                    [Phase,        Phase,           Rule,     Step,        Ended,    Ended],
        // LSL § 25 c: only a pre-birth case waits for the birth.
        ["ChildBorn"] =                              [Step,         Phase,           Phase,    Phase,       Ended,    Ended],
        // LSL § 25 b: the notification is registered as far as it is known; what staff find out about who the child is
        // (and where the child lives, which routes the case) is added whenever they find it out — before the birth too.
        ["ChildIdentified"] =                        [Step,         Step,            Step,     Step,        Ended,    Ended],
        ["PreBirthCaseClosed"] =                     [Step,         Phase,           Phase,    Phase,       Ended,    Ended],
        // The daily check wakes any open case whose timer the engine did not fire (a closed case has nothing to wake).
        ["WokenByCheck"] =                           [Step,         Step,            Step,     Step,        Ended,    Ended],
        // An administrator may stop any open case.
        ["CaseTerminated"] =                         [Step,         Step,            Step,     Step,        Ended,    Ended],
    };

    private static readonly DateTimeOffset Received = At("2026-03-02 09:00"); // Monday; decisionDue Wednesday 11.3
    private static readonly DateTimeOffset UrgencyAt = At("2026-03-02 09:30"); // before the lead's escalation at 11:00
    private static readonly DateTimeOffset SetUpAt = At("2026-03-03 10:00");
    private static readonly DateTimeOffset EventAt = At("2026-03-04 12:00"); // before any timer is due

    private static CaseEvent Event(string name) => WithStaffActor(name switch
    {
        "UrgencyAssessed" => (CaseEvent)new UrgencyAssessed(true, ConfidentialNote),
        "NotifierContacted" => new NotifierContacted("phone", EventAt, ConfidentialNote),
        "NotifierContactImpossible" => new NotifierContactImpossible("the phone number given is not in use"),
        "DecisionMade(startAssessment: true)" => new DecisionMade(true, ConfidentialNote),
        "DecisionMade(startAssessment: false)" => new DecisionMade(false, ConfidentialNote),
        "ChildAndGuardiansInformed" => new ChildAndGuardiansInformed(EventAt, "letter"),
        "PartnerInputRequested" => new PartnerInputRequested(School with { Kind = "childHealthClinic", Email = "clinic@health.test" }, ConfidentialNote, "second-secret"),
        "PartnerInputWaived" => new PartnerInputWaived("P1", "the school year ended"),
        "PartnerInputReceived" => new PartnerInputReceived("P1", PartnerSecret, ConfidentialNote, "Teacher Teppo") { Actor = "partner" },
        "ChildMet" => new ChildMet(EventAt, "home visit", ConfidentialNote),
        "ChildNotMet" => new ChildNotMet("the family refused every meeting"),
        "ChildViewsRecorded" => new ChildViewsRecorded(ConfidentialNote),
        "GuardiansHeard" => new GuardiansHeard(ConfidentialNote),
        "OffenceSuspected" => new OffenceSuspected(ConfidentialNote),
        "PoliceReportFiled" => new PoliceReportFiled(EventAt),
        "Reassigned" => new Reassigned(Intake.Id, "virpi.worker@lumoflow.test"),
        "TransferredOut" => new TransferredOut("Jyväskylä", EventAt),
        "RelatedNotificationReceived" => new RelatedNotificationReceived("LF-2026-000456") { Actor = "system" },
        "AssessmentCompleted" => new AssessmentCompleted("childWelfareClient", Summary),
        "ChildBorn" => new ChildBorn(NewbornIdentityCode),
        "ChildIdentified" => new ChildIdentified(null, null, "Kuopio"),
        "PreBirthCaseClosed" => new PreBirthCaseClosed("support arranged by the maternity clinic"),
        "CaseTerminated" => new CaseTerminated("opened by mistake") { Actor = "admin" },
        "WokenByCheck" => new WokenByCheck(TimerNames.DecisionReminder) { Actor = "system" },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown event"),
    });

    private static CaseEvent WithStaffActor(CaseEvent e) =>
        e is { Actor: "system" } and not (RelatedNotificationReceived or WokenByCheck) ? e with { Actor = "sw.virtanen" } : e;

    /// <summary>A case in <paramref name="phase"/> (see the class summary for the story).</summary>
    private static WorkflowHarness InPhase(string phase)
    {
        var h = new WorkflowHarness();
        if (phase == "AwaitingBirth")
        {
            h.Open(Received, PreBirthNotification());
            h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
            return Checked(h, CasePhase.AwaitingBirth, RuntimeStatus.Running);
        }

        h.Open(Received);
        h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
        h.Accept(new NotifierContacted("phone", SetUpAt, null), SetUpAt);
        h.Accept(new ChildMet(SetUpAt, "school", null), SetUpAt);
        h.Accept(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), SetUpAt);
        if (phase == "AwaitingDecision") return Checked(h, CasePhase.AwaitingDecision, RuntimeStatus.Running);
        if (phase == "Terminated")
        {
            h.Accept(new CaseTerminated("opened by mistake"), SetUpAt);
            return Checked(h, CasePhase.Closed, RuntimeStatus.Terminated);
        }

        h.Accept(new DecisionMade(true, "assessment needed"), SetUpAt);
        if (phase == "Assessing") return Checked(h, CasePhase.Assessing, RuntimeStatus.Running);

        h.Accept(new PartnerInputReceived("P1", PartnerSecret, "answer", null), SetUpAt);
        if (phase == "ReadyToClose") return Checked(h, CasePhase.ReadyToClose, RuntimeStatus.Running);

        h.Accept(new AssessmentCompleted("noFurtherServices", Summary), SetUpAt);
        if (phase == "Completed") return Checked(h, CasePhase.Closed, RuntimeStatus.Completed);
        throw new ArgumentOutOfRangeException(nameof(phase), phase, "unknown phase");
    }

    private static WorkflowHarness Checked(WorkflowHarness h, CasePhase phase, RuntimeStatus status)
    {
        Assert.Equal(phase, h.State.Phase);
        Assert.Equal(status, h.State.RuntimeStatus);
        Assert.NotNull(h.State.Urgency);
        h.RunUntil(EventAt);
        Assert.Empty(h.Fired); // EventAt comes before any timer is due: the urgency timers were cancelled
        return h;
    }

    /// <summary>A staff event added to the catalogue must be written into the law's table above, with its section.</summary>
    [Fact]
    public void Every_staff_event_of_the_catalogue_has_its_row_in_the_table()
    {
        var missing = StaffEvents.All.Select(e => e.Name)
            .Where(name => !Table.Keys.Any(key => key == name || key.StartsWith(name + "(", StringComparison.Ordinal)))
            .ToList();
        Assert.True(missing.Count == 0, "no row in the event–phase table: " + string.Join(", ", missing));
    }

    public static TheoryData<string, string> EveryEventInEveryPhase()
    {
        var data = new TheoryData<string, string>();
        foreach (var eventName in Table.Keys)
            foreach (var phase in Phases)
                data.Add(eventName, phase);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEventInEveryPhase))]
    public void Every_event_in_every_phase_is_accepted_or_refused_as_the_table_says(string eventName, string phase)
    {
        var expected = Table[eventName][Array.IndexOf(Phases, phase)];
        var h = InPhase(phase);
        var stateBefore = h.State;
        var timersBefore = h.PendingTimers.Values.OrderBy(t => t.Name).ToList();
        var emailsBefore = h.Sent.Count;
        var caseEvent = Event(eventName);

        var outcome = h.Raise(caseEvent, EventAt);

        if (expected == Step)
        {
            if (outcome is WorkflowRefusal unexpected)
                Assert.Fail($"{eventName} in {phase} was refused ({unexpected.Kind}): {unexpected.Reason}");
            return;
        }

        var refusal = Assert.IsType<WorkflowRefusal>(outcome);
        switch (expected)
        {
            case Phase:
                Assert.Equal(RefusalKind.NotAllowedNow, refusal.Kind);
                Assert.Contains($"{caseEvent.GetType().Name} is not allowed while the case is {phase}.", refusal.Reason);
                Assert.Contains(refusal.Code, PhaseCodes);
                Assert.Empty(refusal.Missing);
                break;
            case Ended:
                Assert.Equal(RefusalKind.CaseEnded, refusal.Kind);
                Assert.Contains($"The case is {phase.ToLowerInvariant()}", refusal.Reason);
                Assert.Equal(RefusalCode.CaseEnded, refusal.Code);
                break;
            case Rule:
                Assert.Equal(RefusalKind.NotAllowedNow, refusal.Kind);
                Assert.DoesNotContain("while the case is", refusal.Reason);
                Assert.DoesNotContain(refusal.Code, PhaseCodes);
                // The only rule the fixtures can trip is partner P1: still open (blocks closing) or already answered.
                Assert.True(refusal.Missing.Select(m => m.Code).SequenceEqual(["partnerInput:P1"]) || refusal.Reason.Contains("already"),
                    $"{refusal.Reason} [{string.Join(", ", refusal.Missing.Select(m => m.Code))}]");
                break;
        }

        // A refused event changes nothing: same state, same timers, no email.
        Assert.Same(stateBefore, h.State);
        Assert.Equal(timersBefore, h.PendingTimers.Values.OrderBy(t => t.Name));
        Assert.Equal(emailsBefore, h.Sent.Count);
    }

    /// <summary>Every way a case can end, from the phase it ends in.</summary>
    public static TheoryData<string, string> EveryEventAfterEveryEnding()
    {
        var data = new TheoryData<string, string>();
        foreach (var eventName in Table.Keys)
            foreach (var ending in new[] { "assessmentCompleted", "noAssessment", "transferred", "closedBeforeBirth", "terminated" })
                data.Add(eventName, ending);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEventAfterEveryEnding))]
    public void An_ended_case_refuses_every_event_with_CaseEnded_and_stays_as_it_is(string eventName, string ending)
    {
        var h = new WorkflowHarness();
        if (ending == "closedBeforeBirth")
        {
            h.Open(Received, PreBirthNotification());
            h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
            h.Accept(new PreBirthCaseClosed("support arranged otherwise"), SetUpAt);
        }
        else
        {
            h.Open(Received);
            h.Accept(new UrgencyAssessed(false, null), UrgencyAt);
            h.Accept(new NotifierContacted("phone", SetUpAt, null), SetUpAt);
            h.Accept(new ChildNotMet("abroad"), SetUpAt);
            switch (ending)
            {
                case "assessmentCompleted":
                    h.Accept(new DecisionMade(true, "needed"), SetUpAt);
                    h.Accept(new AssessmentCompleted("socialWelfareServices", Summary), SetUpAt);
                    break;
                case "noAssessment": h.Accept(new DecisionMade(false, "obviously unnecessary"), SetUpAt); break;
                case "transferred": h.Accept(new TransferredOut("Oulu", SetUpAt), SetUpAt); break;
                case "terminated": h.Accept(new CaseTerminated("duplicate"), SetUpAt); break;
            }
        }
        Assert.False(h.State.IsOpen);
        Assert.Equal(ending == "assessmentCompleted" ? "socialWelfareServices" : ending, h.State.Outcome);
        Assert.Empty(h.PendingTimers);
        var before = h.State;

        var refusal = Assert.IsType<WorkflowRefusal>(h.Raise(Event(eventName), EventAt));

        Assert.Equal(RefusalKind.CaseEnded, refusal.Kind);
        Assert.Same(before, h.State);
    }

    [Fact]
    public void The_table_covers_every_event_a_case_can_receive()
    {
        var eventTypes = typeof(CaseEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CaseEvent)) && !t.IsAbstract && t != typeof(NotificationReceived) && t != typeof(TimerFired) && t != typeof(ChildIndexChecked))
            .Select(t => t.Name).Order();

        Assert.Equal(eventTypes, Table.Keys.Select(k => Event(k).GetType().Name).Distinct().Order());
    }

    [Fact]
    public void The_table_agrees_with_the_workflow_s_own_list()
    {
        foreach (var (eventName, row) in Table)
            for (var i = 0; i < 4; i++) // the open phases
                Assert.True(CaseWorkflow.IsAllowed(Event(eventName).GetType(), Enum.Parse<CasePhase>(Phases[i])) == (row[i] is Step or Rule),
                    $"{eventName} in {Phases[i]}");
    }

    [Fact]
    public void A_timer_that_fires_after_the_case_ended_does_nothing()
    {
        var h = InPhase("Completed");

        var step = Assert.IsType<WorkflowStep>(h.Workflow.Apply(h.State, new TimerFired(TimerNames.AssessmentOverdue), At("2026-06-03 00:00")));

        Assert.Same(h.State, step.State);
        Assert.Empty(step.Emails);
        Assert.Empty(step.TimersToSet);
    }

    [Fact]
    public void Completing_before_the_decision_says_to_record_the_decision_first()
    {
        var refusal = InPhase("AwaitingDecision").Refuse(Event("AssessmentCompleted"), EventAt);

        Assert.Contains("Record DecisionMade with startAssessment=true first", refusal.Reason);
        Assert.Equal(RefusalCode.DecideFirst, refusal.Code);
    }

    [Fact]
    public void A_second_decision_is_refused_because_the_decision_has_been_made()
    {
        var refusal = InPhase("Assessing").Refuse(Event("DecisionMade(startAssessment: true)"), EventAt);

        Assert.Contains("The decision has already been made", refusal.Reason);
        Assert.Equal(RefusalCode.AlreadyDecided, refusal.Code);
    }

    [Theory]
    [InlineData("DecisionMade(startAssessment: true)")]
    [InlineData("DecisionMade(startAssessment: false)")]
    [InlineData("ChildMet")]
    [InlineData("AssessmentCompleted")]
    public void Before_the_birth_the_refusal_says_to_record_ChildBorn_first(string eventName)
    {
        var refusal = InPhase("AwaitingBirth").Refuse(Event(eventName), EventAt);

        Assert.Contains("record ChildBorn first", refusal.Reason);
        Assert.DoesNotContain("already", refusal.Reason);
        Assert.Equal(RefusalCode.WaitingForBirth, refusal.Code);
    }

    [Fact]
    public void Staff_notes_of_accepted_events_stay_in_documents_and_never_reach_an_email()
    {
        foreach (var phase in Phases[..4])
            foreach (var eventName in Table.Keys)
            {
                var h = InPhase(phase);
                h.Raise(Event(eventName), EventAt);
                h.RunUntil(At("2026-07-01 00:00"));
                h.AssertEmailsCarryNoPersonalData();
            }
    }
}
