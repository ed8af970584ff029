using System.Text.Json;
using LumoFlow.App.Http;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask.Converters;
using LumoFlow.Domain.Tests.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.App.Tests;

/// <summary>
/// What crosses Durable's boundary — orchestration inputs, activity inputs, external events — must read back exactly as
/// written, with Durable's own data converter (the one both hosts use by default).
/// </summary>
public sealed class SerializationTests
{
    private static readonly JsonDataConverter Durable = JsonDataConverter.Default;

    [Fact]
    public void An_opened_case_survives_Durable_s_converter_whole()
    {
        var opened = NewWorkflow().Open(CaseId, new NotificationReceived(ValidNotification(), North, ["key"], At("2026-04-01 10:00"), "registrar") { Actor = "registrar" }, At("2026-04-02 10:00"));
        var input = CaseOrchestrationInput.Open(opened, new IntakeRecord("{\"concern\":\"x\"}", "HASH"));

        var read = Durable.Deserialize<CaseOrchestrationInput>(Durable.Serialize(input))!;

        Assert.Equal(JsonSerializer.Serialize(input), JsonSerializer.Serialize(read));
        Assert.Equal(input.Case.Timers.Earliest, read.Case.Timers.Earliest);
    }

    [Fact]
    public void A_case_with_partners_and_outcomes_survives_Durable_s_converter_whole()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-20 10:00"));
        h.Accept(new UrgencyAssessed(false, null), At("2026-04-20 10:30"));
        h.Accept(new DecisionMade(true, "needed"), At("2026-04-22 10:00"));
        var step = h.Accept(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), At("2026-04-30 10:00"));
        var update = new CaseRecordUpdate(new StoredCase(h.State, new PendingTimers([.. h.PendingTimers.Values]), 3),
            [new RecordedStep(3, step.History, step.DocumentsToStore, step.Emails, new RequestOutcome("r", false, "why"))]);

        var read = Durable.Deserialize<CaseRecordUpdate>(Durable.Serialize(update))!;

        Assert.Equal(JsonSerializer.Serialize(update), JsonSerializer.Serialize(read));
    }

    /// <summary>
    /// Issue 21's state — the family told one by one (and one not, for a reason), client status, the police already
    /// informed, a transfer waiting for its documents in Closing — read back whole.
    /// </summary>
    [Fact]
    public void A_case_closing_with_its_family_client_status_police_and_transfer_survives_Durable_s_converter_whole()
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-04-20 10:00"), ValidNotification(offenceSuspected: true));
        h.Accept(new UrgencyAssessed(true, null) { Measure = "urgentSupport" }, At("2026-04-20 10:30"));
        h.Accept(new FamilyMemberInformed("child", null, At("2026-04-20 11:00"), "school"), At("2026-04-20 11:00"));
        h.Accept(new FamilyMemberNotInformed("guardian", GuardianName, "telling would endanger the child"), At("2026-04-20 11:10"));
        h.Accept(new PoliceAlreadyInformed("notifier", "5500/R/1234/26"), At("2026-04-20 11:20"));
        var step = h.Accept(new TransferredOut("Jyväskylä", At("2026-04-21 09:00")), At("2026-04-21 10:00"));
        Assert.Equal((CasePhase.Closing, Outcomes.Transferred), (h.State.Phase, h.State.PendingOutcome));
        var update = new CaseRecordUpdate(new StoredCase(h.State, new PendingTimers([.. h.PendingTimers.Values]), 6),
            [new RecordedStep(6, step.History, step.DocumentsToStore, step.Emails, null)]);

        var read = Durable.Deserialize<CaseRecordUpdate>(Durable.Serialize(update))!;

        Assert.Equal(JsonSerializer.Serialize(update), JsonSerializer.Serialize(read));
        Assert.Equal(h.State.FamilyMembers, read.After.State.FamilyMembers);
        Assert.Equal((h.State.ClientStatus, h.State.PoliceReport, h.State.Transfer), (read.After.State.ClientStatus, read.After.State.PoliceReport, read.After.State.Transfer));
    }

    /// <summary>
    /// What the host sets on an event beyond its HTTP body reaches the orchestration too: whether the case named is an
    /// open assessment, the born child's key and day of birth — and the system event the open assessment is told with.
    /// </summary>
    [Fact]
    public void Host_set_and_system_events_of_issue_21_reach_the_orchestration_as_they_were_raised()
    {
        CaseEvent[] events =
        [
            new HandledInOpenAssessment("LF-2026-000100") { IsOpenAssessment = true, Actor = "worker@kunta.test" },
            new NotificationTakenIntoAssessment(CaseId) { Actor = "worker@kunta.test" },
            new ChildBorn(NewbornIdentityCode) { BornOn = new DateOnly(2026, 3, 20), ChildKey = "key", Actor = "worker@kunta.test" },
            new PoliceReportFiled(At("2026-04-02 10:00")) { Reference = "5500/R/1234/26", Actor = "worker@kunta.test" },
        ];
        foreach (var caseEvent in events)
        {
            var read = Durable.Deserialize<CaseEventMessage>(Durable.Serialize(CaseEventMessage.From(caseEvent, "request-1")))!.ToEvent();

            Assert.Equal(caseEvent, read);
        }
    }

    /// <summary>Every event staff can raise (the catalogue's), as its HTTP body reads, through the event message and back.</summary>
    [Theory]
    [MemberData(nameof(EventNames))]
    public void Every_staff_event_reaches_the_orchestration_as_it_was_raised(string eventName)
    {
        var definition = Domain.Workflow.StaffEvents.Find(eventName)!;
        var body = StaffEventExamples.Body(definition).ToJsonString();
        var (caseEvent, problems) = EventReader.Read(definition, JsonDocument.Parse(body).RootElement, "worker@kunta.test", At("2026-04-02 10:00"),
            code => "key-of-" + code.BirthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(problems.Count == 0, $"{eventName} {body}: {string.Join("; ", problems.English.Select(p => $"{p.Key} {string.Join(", ", p.Value)}"))}");

        var message = Durable.Deserialize<CaseEventMessage>(Durable.Serialize(CaseEventMessage.From(caseEvent!, "request-1")))!;

        Assert.Equal(eventName, message.Event);
        Assert.Equal("request-1", message.RequestId);
        var read = message.ToEvent();
        Assert.Equal(caseEvent!.GetType(), read.GetType());
        Assert.Equal("worker@kunta.test", read.Actor);
        Assert.Equal(JsonSerializer.Serialize(caseEvent, caseEvent.GetType()), JsonSerializer.Serialize(read, read.GetType()));
    }

    public static TheoryData<string> EventNames() => [.. Domain.Workflow.StaffEvents.All.Select(e => e.Name)];
}
