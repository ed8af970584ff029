using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.App.Tests.Simulation;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Tests.Workflow;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.App.Tests;

/// <summary>
/// Whole cases through the real <see cref="CaseOrchestration"/>, months on a virtual clock across Easter, Midsummer and
/// Christmas: which email goes to whom on which Helsinki date, what the record holds, and that the Durable history stays
/// short. The same stories as the domain's LifecycleTests, now with the orchestration's timers, activities and
/// generations in between — so a wrong wake-up, a lost step or a double send shows here.
/// </summary>
public sealed class CaseLifecycleOrchestrationTests
{
    private const string Notifier = NotifierEmail;
    private static readonly string Worker = North.WorkerEmail;
    private const string Lead = "lead.north@lumoflow.test";
    private const string OnCall = "oncall.north@lumoflow.test";

    private static bool AboutUrgency(DeliveredEmail e) => e.Email.Kind is "UrgencyEscalation" or "UrgencyOnCall";

    internal static SimulatedOrchestration Open(DateTimeOffset at, Notification? notification = null, DateTimeOffset? receivedAt = null,
        string? registeredBy = null, IReadOnlyList<string>? childKeys = null, InMemoryCase? store = null, string version = CaseOrchestration.Version)
    {
        var workflow = NewWorkflow();
        notification ??= ValidNotification();
        var received = new NotificationReceived(notification, Routing.Route(notification.Children![0].HomeMunicipality), childKeys ?? [],
            receivedAt ?? at, registeredBy) { Actor = registeredBy ?? "notifier" };
        var input = CaseOrchestrationInput.Open(workflow.Open(CaseId, received, at), new IntakeRecord(JsonSerializer.Serialize(notification), null));
        return new SimulatedOrchestration(workflow, input, at, store ?? new InMemoryCase()) { Version = version }.Start();
    }

    /// <summary>
    /// Runs one story through the pure workflow (the domain tests' harness, whose lifecycle tests spell out every email
    /// by date) and through the orchestration, and checks that they did the same: the same emails to the same people
    /// at the same instants, the same history, the same final state. Returns both for the story's own checks.
    /// </summary>
    private static (WorkflowHarness Workflow, SimulatedOrchestration Orchestration) Both(
        DateTimeOffset openedAt, DateTimeOffset until, params (DateTimeOffset At, CaseEvent Event)[] acts)
    {
        var workflow = new WorkflowHarness();
        workflow.Open(openedAt);
        var run = Open(openedAt);
        foreach (var (at, caseEvent) in acts)
        {
            workflow.Raise(caseEvent, at);
            run.Raise(caseEvent, at);
        }
        workflow.RunUntil(until);
        run.RunUntil(until);

        Assert.Equal(workflow.EmailLog(), run.Store.EmailLog());
        Assert.Equal(workflow.Sent.Select(e => e.At.UtcDateTime).Order(), run.Store.Sent.Select(e => e.At.UtcDateTime).Order());
        Assert.Equal(workflow.History.Select(Line), run.Store.History.Select(Line));
        Assert.Equal(Json(workflow.State), Json(run.Store.Stored!.State));
        return (workflow, run);
    }

    private static string Line(HistoryEntry e) =>
        $"{e.At.UtcDateTime:O} {e.EventType} {e.Actor} {JsonSerializer.Serialize(e.Details?.ToDictionary(d => d.Key, d => InUtcIfInstant(d.Value)))}";

    /// <summary>
    /// An instant in a detail, in UTC: a detail the workflow writes from its own clock (client status begun by an urgent
    /// measure or by the assessment's outcome: <c>at</c>) carries the clock's offset — Helsinki in the harness, UTC in
    /// Durable — for the same instant.
    /// </summary>
    private static string InUtcIfInstant(string value) =>
        value.Length >= 19 && value[10] == 'T' && DateTimeOffset.TryParseExact(value, "O", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var at) ? at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : value;

    /// <summary>The state, its instants written in UTC: the workflow's timers carry Helsinki offsets, Durable's clock UTC.</summary>
    private static string Json(CaseState state) => JsonSerializer.Serialize(state, InUtc);

    private static readonly JsonSerializerOptions InUtc = new() { Converters = { new UtcInstants() } };

    private sealed class UtcInstants : System.Text.Json.Serialization.JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();
        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUniversalTime());
    }

    [Fact]
    public void Easter_2026_with_no_staff_action_for_three_months_the_orchestration_sends_what_the_workflow_sends_each_at_its_time()
    {
        var (workflow, run) = Both(At("2026-04-01 10:00"), At("2026-08-01 00:00"));

        // Receipt, the urgency ladder (lead, on-call), reminders, both deadline escalations and the family's on decisionDue
        // (LifecycleTests lists them by date).
        Assert.Equal(13, run.Store.Sent.Count);
        // Each at its own time: the orchestration slept until then; nothing polled. The urgency ladder counts from the
        // receipt (10:00, office hours): the lead at 12:00, on-call at 14:00; everything else on a working-day morning.
        Assert.Equal([(Lead, At("2026-04-01 12:00")), (OnCall, At("2026-04-01 14:00"))],
            run.Store.Sent.Where(AboutUrgency).Select(e => (e.Email.To, e.At)).Order());
        Assert.All(run.Store.Sent.Skip(1).Where(e => !AboutUrgency(e)),
            e => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.At, HelsinkiTime.Zone).DateTime)));
        Assert.Equal(At("2026-04-15 00:00"), Assert.Single(run.Store.History, e => e.EventType == "DecisionOverdue").At);
        Assert.Equal(At("2026-04-15 00:00"), Assert.Single(run.Store.History, e => e.EventType == "InformFamilyOverdue").At);
        Assert.Equal(At("2026-07-02 00:00"), Assert.Single(run.Store.History, e => e.EventType == "AssessmentOverdue").At);

        // The custom status says what the record says, and the case waits, open, for staff: no timer is left.
        var status = Assert.IsType<CustomStatus>(run.CustomStatus);
        Assert.Equal(["decision", "assessment", "informFamily"], status.Overdue);
        Assert.Equal(JsonSerializer.Serialize(CustomStatus.Of(workflow.State)), JsonSerializer.Serialize(status));
        Assert.False(run.Completed);
        Assert.Null(run.NextTimer);
        Assert.Empty(run.Store.Stored!.Timers.Timers);
    }

    [Fact]
    public void Midsummer_2026_staff_acting_in_time_the_orchestration_sends_what_the_workflow_sends_and_completes()
    {
        var (_, run) = Both(At("2026-06-16 10:00"), At("2026-12-31 00:00"),
            (At("2026-06-16 10:30"), new UrgencyAssessed(false, null)),
            (At("2026-06-18 11:00"), new NotifierContacted("phone", At("2026-06-18 11:00"), null)),
            (At("2026-06-23 14:00"), new ChildAndGuardiansInformed(At("2026-06-23 14:00"), "phone")),
            (At("2026-06-24 10:00"), new DecisionMade(true, "assessment needed")),
            (At("2026-08-12 16:00"), new ChildMet(At("2026-08-12 13:00"), "home visit", ConfidentialNote)),
            (At("2026-09-14 15:00"), new AssessmentCompleted("socialWelfareServices", Summary)));

        Assert.Equal(5, run.Store.Sent.Count);
        Assert.True(run.Completed);
        Assert.Equal(new CaseOutcome("Completed", "socialWelfareServices"), run.Outcome);
        Assert.Contains(run.Store.Documents, d => d.Id == "assessment-summary");
        Assert.Equal(CasePhase.Closed.ToString(), Assert.IsType<CustomStatus>(run.CustomStatus).Phase);
        Assert.Null(run.NextTimer); // the timers still pending are gone with the orchestration
    }

    /// <summary>
    /// Issue 21: a timely decision not to assess while the notifier is still uncontacted is accepted; the case waits in
    /// Closing, the worker reminded every second working day of what remains, and the orchestration completes when the
    /// contact — an event of its own, not a closing one — is recorded two weeks later.
    /// </summary>
    [Fact]
    public void A_decision_not_to_assess_waits_in_Closing_and_the_orchestration_completes_when_the_last_duty_is_recorded()
    {
        var (workflow, run) = Both(At("2026-06-16 10:00"), At("2026-12-31 00:00"),
            (At("2026-06-16 10:30"), new UrgencyAssessed(false, null)),
            (At("2026-06-17 10:00"), new ChildAndGuardiansInformed(At("2026-06-17 10:00"), "phone")),
            (At("2026-06-18 10:00"), new DecisionMade(false, "obviously unnecessary")),
            (At("2026-07-06 10:00"), new NotifierContacted("phone", At("2026-07-06 10:00"), null)));

        Assert.Equal(
        [
            $"2026-06-16 Receipt -> {Notifier}", $"2026-06-18 NotifierDecision -> {Notifier}",
            // Every second working day from the decision (Thu 18.6); Midsummer Eve (Fri 19.6) is not a working day.
            .. new[] { "2026-06-23", "2026-06-25", "2026-06-29", "2026-07-01", "2026-07-03" }.Select(d => $"{d} ClosingReminder -> {Worker}"),
        ], run.Store.EmailLog());
        Assert.Equal(workflow.EmailLog(), run.Store.EmailLog());
        Assert.True(run.Completed);
        Assert.Equal(new CaseOutcome("Completed", "noAssessment"), run.Outcome);
        Assert.Equal(At("2026-07-06 10:00"), Assert.Single(run.Store.History, e => e.EventType == "CaseClosed").At);
        Assert.Equal(new DateOnly(2026, 6, 18), LumoFlow.Domain.Reporting.ComplianceCase.Of(workflow.State).DecidedOn);
        Assert.Null(run.NextTimer);
    }

    /// <summary>Issue 21, LSL § 25 d: transferred, the case waits for the documents; sent, the orchestration completes as transferred.</summary>
    [Fact]
    public void A_transferred_case_completes_once_the_documents_are_sent()
    {
        var (_, run) = Both(At("2026-06-16 10:00"), At("2026-12-31 00:00"),
            (At("2026-06-16 10:30"), new UrgencyAssessed(false, null)),
            (At("2026-06-17 10:00"), new ChildAndGuardiansInformed(At("2026-06-17 10:00"), "phone")),
            (At("2026-06-18 10:00"), new TransferredOut("Jyväskylä", At("2026-06-18 09:00"))),
            (At("2026-06-22 10:00"), new TransferDocumentsSent("Jyväskylä child welfare", At("2026-06-22 10:00"), "the notification and the history")));

        // The old deadlines' timers went with the transfer; the documents went (Mon 22.6) before their reminder was due
        // (Tue 23.6, the second working day after Thursday's transfer: Midsummer Eve is not a working day).
        Assert.Equal([$"2026-06-16 Receipt -> {Notifier}"], run.Store.EmailLog());
        Assert.Equal(new CaseOutcome("Completed", "transferred"), run.Outcome);
        Assert.Contains(run.Store.Documents, d => d.Text == "the notification and the history");
    }

    /// <summary>
    /// Issue 21, LSL § 27: completed as a child-welfare client, the case begins client status and waits in Closing; not
    /// told by the next working morning, the lead hears of it; told, the orchestration completes.
    /// </summary>
    [Fact]
    public void Completed_as_a_child_welfare_client_the_orchestration_escalates_the_notice_and_completes_once_the_family_is_told()
    {
        var (_, run) = Both(At("2026-06-16 10:00"), At("2026-12-31 00:00"),
            (At("2026-06-16 10:30"), new UrgencyAssessed(false, null)),
            (At("2026-06-18 11:00"), new NotifierContacted("phone", At("2026-06-18 11:00"), null)),
            (At("2026-06-23 14:00"), new ChildAndGuardiansInformed(At("2026-06-23 14:00"), "phone")),
            (At("2026-06-24 10:00"), new DecisionMade(true, "assessment needed")),
            (At("2026-08-12 16:00"), new ChildMet(At("2026-08-12 13:00"), "home visit", ConfidentialNote)),
            (At("2026-09-14 15:00"), new AssessmentCompleted("childWelfareClient", Summary)),
            (At("2026-09-16 10:00"), new ChildAndGuardiansInformed(At("2026-09-16 10:00"), "meeting")));

        // Completed Monday 14.9 at 15:00: the lead hears on Tuesday 15.9 at 08:00 that the family has not been told.
        Assert.Equal(At("2026-09-15 08:00"), Assert.Single(run.Store.Sent, e => e.Email.Kind == "ClientStatusNoticeEscalation").At);
        Assert.Equal(Lead, run.Store.Sent.Single(e => e.Email.Kind == "ClientStatusNoticeEscalation").Email.To);
        Assert.Equal(new CaseOutcome("Completed", "childWelfareClient"), run.Outcome);
        Assert.Equal(At("2026-09-16 10:00"), Assert.Single(run.Store.History, e => e.EventType == "CaseClosed").At);
    }

    [Fact]
    public void Christmas_2026_the_named_worker_and_a_Sunday_assessmentDue_the_orchestration_sends_what_the_workflow_sends()
    {
        const string namedWorker = "virpi.sosiaalityontekija@lumoflow.test";
        var (_, run) = Both(At("2026-12-21 10:00"), At("2027-03-23 12:00"),
            (At("2026-12-21 10:30"), new UrgencyAssessed(false, null)),
            (At("2026-12-22 09:00"), new Reassigned(null, namedWorker)),
            (At("2026-12-23 11:00"), new NotifierContacted("phone", At("2026-12-23 11:00"), null)),
            (At("2026-12-30 10:00"), new DecisionMade(true, "assessment needed")),
            (At("2026-12-30 15:00"), new ChildAndGuardiansInformed(At("2026-12-30 13:00"), "home visit")),
            (At("2027-01-20 15:00"), new ChildMet(At("2027-01-20 13:00"), "school", null)));

        Assert.Equal(7, run.Store.Sent.Count);
        Assert.Equal(At("2027-03-22 08:00"), run.Store.Sent.Single(e => e.Email.Kind == "AssessmentEscalation").At);
        Assert.All(run.Store.Sent.Where(e => e.Email.Kind.EndsWith("Reminder", StringComparison.Ordinal)), e => Assert.Equal(namedWorker, e.Email.To));
    }

    [Fact]
    public void A_partner_who_does_not_answer_is_reminded_twice_then_the_worker_is_told_and_an_answer_stops_it_all()
    {
        (DateTimeOffset, CaseEvent)[] schoolAskedOn30April =
        [
            (At("2026-04-20 10:30"), new UrgencyAssessed(false, null)),
            (At("2026-04-21 09:00"), new NotifierContacted("phone", At("2026-04-21 09:00"), null)),
            (At("2026-04-21 14:00"), new ChildAndGuardiansInformed(At("2026-04-21 14:00"), "letter")),
            (At("2026-04-22 10:00"), new DecisionMade(true, "assessment needed")),
            (At("2026-04-30 10:00"), new PartnerInputRequested(School, ConfidentialNote, PartnerSecret)),
        ];
        static bool AboutPartners(DeliveredEmail e) => e.Email.Kind.StartsWith("Partner", StringComparison.Ordinal);

        var (_, silent) = Both(At("2026-04-20 10:00"), At("2026-07-31 00:00"), schoolAskedOn30April);
        Assert.Equal(["PartnerRequest", "PartnerReminder", "PartnerReminder", "PartnerNotAnswering"],
            silent.Store.Sent.Where(AboutPartners).Select(e => e.Email.Kind));

        var (_, answering) = Both(At("2026-04-20 10:00"), At("2026-07-31 00:00"),
            [.. schoolAskedOn30April, (At("2026-05-12 12:00"), new PartnerInputReceived("P1", PartnerSecret, ConfidentialNote, "Teacher Teppo") { Actor = "partner" })]);
        Assert.Equal(["PartnerRequest", "PartnerReminder"], answering.Store.Sent.Where(AboutPartners).Select(e => e.Email.Kind));
        Assert.Equal(ConfidentialNote + "\n\n— Teacher Teppo", answering.Store.Documents.Single(d => d.Id == "partner-P1-answer").Text);
    }

    [Fact]
    public void A_notification_registered_after_its_decision_deadline_escalates_at_once_when_the_case_opens()
    {
        // Received by phone on Wednesday 1.4.2026 (decisionDue 14.4), registered on Thursday 16.4 at 09:00.
        var run = Open(At("2026-04-16 09:00"), receivedAt: At("2026-04-01 10:00"), registeredBy: "worker@kunta.test");

        // No time passed: the first wake-up fired what was due before it waited — the urgency ladder of 1.4 (12:00 the
        // lead, 14:00 on-call) as well as the decision's and the family's escalations of 14.4.
        Assert.Equal(
            [$"2026-04-16 DecisionEscalation -> {Lead}", $"2026-04-16 InformFamilyEscalation -> {Lead}", $"2026-04-16 Receipt -> {Notifier}",
             $"2026-04-16 UrgencyEscalation -> {Lead}", $"2026-04-16 UrgencyOnCall -> {OnCall}"],
            run.Store.EmailLog());
        Assert.All(run.Store.Sent, e => Assert.Equal(At("2026-04-16 09:00"), e.At));
        Assert.Equal(["decision", "informFamily"], Assert.IsType<CustomStatus>(run.CustomStatus).Overdue);
        Assert.Equal(At("2026-04-01 10:00"), run.Store.History.Single(e => e.EventType == "NotificationReceived").At);
        Assert.Equal("worker@kunta.test", run.Store.History.Single(e => e.EventType == "NotificationRegistered").Actor);
        // Opening and the overdue deadlines are one write of the record.
        Assert.Single(run.Store.Calls, c => c.Activity == CaseActivities.RecordCase);
    }

    [Fact]
    public void A_child_in_immediate_danger_reaches_the_on_call_address_at_once_even_on_a_Saturday_night()
    {
        var run = Open(At("2026-04-04 23:10"), ValidNotification(immediateDanger: true));

        Assert.Equal(["2026-04-04 Receipt -> nurse@clinic.test", "2026-04-04 Urgent -> oncall.north@lumoflow.test"], run.Store.EmailLog());
        Assert.Equal(At("2026-04-04 23:10"), run.Store.Sent.Single(e => e.Email.Kind == "Urgent").At);
    }

    [Fact]
    public void A_second_notification_about_a_child_with_an_open_case_is_linked_and_the_open_case_is_told()
    {
        var store = new InMemoryCase { OpenCasesOfTheChild = ["OPENCASE00000001"] };
        var run = Open(At("2026-04-01 10:00"), childKeys: ["child-key"], store: store);

        Assert.Equal(["OPENCASE00000001"], store.Stored!.State.LinkedCaseIds);
        Assert.Empty(store.Stored.State.PendingChildKeys);
        Assert.Contains(store.History, e => e.EventType == "LinkedToOpenCase" && e.Details!["caseId"] == "OPENCASE00000001");
        var (target, message) = Assert.Single(run.SentEvents);
        Assert.Equal("OPENCASE00000001", target);
        Assert.Equal(new RelatedNotificationReceived(CaseId), message.ToEvent());
        // The receipt did not wait for the child index.
        Assert.Equal(CaseActivities.SendEmail, store.Calls[1].Activity);
        Assert.Equal(CaseActivities.LinkChildren, store.Calls[2].Activity);
    }

    [Fact]
    public void An_event_that_lost_a_race_is_recorded_as_refused_against_its_request_and_changes_nothing_else()
    {
        var run = Open(At("2026-04-01 10:00"));
        run.Raise(new UrgencyAssessed(false, null) { Actor = "first.worker" }, At("2026-04-01 10:30"), requestId: "r0");
        run.Raise(new DecisionMade(true, "start") { Actor = "first.worker" }, At("2026-04-02 09:00"), requestId: "r1");
        run.Raise(new DecisionMade(false, "no need") { Actor = "second.worker" }, At("2026-04-02 09:00"), requestId: "r2");

        var outcomes = run.Store.Steps.Values.Select(s => s.Request).OfType<RequestOutcome>().ToList();
        Assert.Equal([new RequestOutcome("r0", Applied: true), new RequestOutcome("r1", Applied: true), new RequestOutcome("r2", Applied: false, outcomes[2].Reason)], outcomes);
        Assert.Contains("not allowed", outcomes[2].Reason);
        var refused = Assert.Single(run.Store.History, e => e.EventType == "EventRefused");
        Assert.Equal(("second.worker", "DecisionMade"), (refused.Actor, refused.Details!["event"]));
        Assert.Equal(CasePhase.Assessing, run.Store.Stored!.State.Phase);
        Assert.Single(run.Store.Sent, e => e.Email.Kind == "NotifierDecision");
    }

    [Fact]
    public void A_request_delivered_twice_is_applied_once_even_when_the_copy_would_now_be_refused()
    {
        var run = Open(At("2026-04-01 10:00"));
        run.Raise(new UrgencyAssessed(false, null) { Actor = "first.worker" }, At("2026-04-01 10:30"), requestId: "r0");
        run.Raise(new NotifierContacted("phone", At("2026-04-01 11:00"), "Soitettu.") { Actor = "first.worker" }, At("2026-04-01 11:00"), requestId: "r1");
        run.Raise(new DecisionMade(true, "start") { Actor = "first.worker" }, At("2026-04-02 09:00"), requestId: "r2");
        var steps = run.Store.Steps.Count;

        // Durable delivers each again (a control-queue message fetched a second time): the case has answered them.
        run.Raise(new NotifierContacted("phone", At("2026-04-02 09:01"), "Soitettu.") { Actor = "first.worker" }, At("2026-04-02 09:01"), requestId: "r1");
        run.Raise(new DecisionMade(true, "start") { Actor = "first.worker" }, At("2026-04-02 09:02"), requestId: "r2");

        Assert.Equal(steps, run.Store.Steps.Count);
        Assert.Single(run.Store.History, e => e.EventType == "NotifierContacted");
        Assert.DoesNotContain(run.Store.History, e => e.EventType == "EventRefused");
        Assert.Equal(["r0", "r1", "r2"], run.Store.Steps.Values.Select(s => s.Request?.RequestId).OfType<string>());
        Assert.All(run.Store.Steps.Values.Select(s => s.Request).OfType<RequestOutcome>(), r => Assert.True(r.Applied));
    }

    [Fact]
    public void A_request_is_remembered_across_generations_for_a_day_and_then_forgotten()
    {
        var run = Open(At("2026-04-01 10:00"));
        run.Raise(new UrgencyAssessed(false, null), At("2026-04-01 10:30"));
        run.Raise(new NotifierContacted("phone", At("2026-04-01 11:00"), null), At("2026-04-01 11:00"), requestId: "early");
        run.Raise(new DecisionMade(true, "assessment needed"), At("2026-04-01 11:30"));
        for (var i = 0; i < CaseOrchestration.WakeUpsPerGeneration; i++)
            run.Raise(new ChildViewsRecorded($"note {i}"), At("2026-04-01 12:00").AddMinutes(i), requestId: $"n{i}");
        Assert.True(run.Generations.Count >= 2, $"{run.Generations.Count} generations");

        run.Raise(new NotifierContacted("phone", At("2026-04-01 13:00"), null), At("2026-04-01 13:00"), requestId: "early");
        Assert.Single(run.Store.History, e => e.EventType == "NotifierContacted");

        // A day on, the case has forgotten the requests of the first day (its memory does not grow with its history).
        run.Raise(new ChildViewsRecorded("next day"), At("2026-04-02 14:00"), requestId: "late");
        Assert.Equal(["late"], run.Store.Stored!.AnsweredRequests!.Keys);
        Assert.Equal(CaseRun.RequestMemory, TimeSpan.FromDays(1));
    }

    [Fact]
    public void An_instance_of_version_1_replays_as_it_ran_applying_a_copy_until_it_continues_as_new()
    {
        var workflow = NewWorkflow();
        var notification = ValidNotification();
        var received = new NotificationReceived(notification, Routing.Route(notification.Children![0].HomeMunicipality), [], At("2026-04-01 10:00"), null)
            { Actor = "notifier" };
        var input = CaseOrchestrationInput.Open(workflow.Open(CaseId, received, At("2026-04-01 10:00")), new IntakeRecord(JsonSerializer.Serialize(notification), null));
        var run = new SimulatedOrchestration(workflow, input, At("2026-04-01 10:00"), new InMemoryCase()) { Version = "1" }.Start();
        run.Raise(new UrgencyAssessed(false, null), At("2026-04-01 10:30"));
        run.Raise(new NotifierContacted("phone", At("2026-04-01 11:00"), null), At("2026-04-01 11:00"), requestId: "r1");
        run.Raise(new NotifierContacted("phone", At("2026-04-01 11:01"), null), At("2026-04-01 11:01"), requestId: "r1");
        Assert.Equal(2, run.Store.History.Count(e => e.EventType == "NotifierContacted")); // as version 1 did
        run.Raise(new DecisionMade(true, "assessment needed"), At("2026-04-01 11:30"));

        for (var i = 0; i < CaseOrchestration.WakeUpsPerGeneration; i++)
            run.Raise(new ChildViewsRecorded($"note {i}"), At("2026-04-01 12:00").AddMinutes(i));
        Assert.Equal(CaseOrchestration.Version, run.Version); // moved on at its ContinueAsNew
        run.Raise(new NotifierContacted("phone", At("2026-04-01 13:00"), null), At("2026-04-01 13:00"), requestId: "r1");
        Assert.Equal(2, run.Store.History.Count(e => e.EventType == "NotifierContacted"));
    }

    [Fact]
    public void An_email_that_fails_every_retry_is_tried_again_later_and_sent_once()
    {
        var store = new InMemoryCase { FailingSends = 5 }; // the first send and its four retries fail
        var run = Open(At("2026-04-01 10:00"), store: store);
        Assert.Empty(store.Sent);
        Assert.Equal(At("2026-04-01 10:00") + CaseOrchestration.UndeliveredRetryAfter, run.NextTimer);

        run.RunUntil(At("2026-04-01 12:00"));

        var receipt = Assert.Single(store.Sent, e => e.Email.Kind == "Receipt");
        Assert.Equal(At("2026-04-01 10:15"), receipt.At);
        Assert.Equal("Receipt", receipt.Email.Kind);
        // The urgency escalation (12:00) went on its own time, once, unaffected by the retries before it.
        Assert.Equal(At("2026-04-01 12:00"), Assert.Single(store.Sent, e => e.Email.Kind == "UrgencyEscalation").At);
    }

    [Fact]
    public void A_long_case_continues_as_new_carrying_its_state_so_its_Durable_history_stays_short()
    {
        var run = Open(At("2026-04-01 10:00"));
        run.Raise(new UrgencyAssessed(false, null), At("2026-04-01 10:30"));
        run.Raise(new DecisionMade(true, "assessment needed"), At("2026-04-02 10:00"));
        Assert.Equal(CasePhase.Assessing, run.Store.Stored!.State.Phase);
        // Sixty notes over two months: sixty wake-ups.
        for (var day = 0; day < 60; day++)
            run.Raise(new ChildViewsRecorded($"note {day}"), At("2026-04-03 10:00").AddDays(day));

        Assert.True(run.Generations.Count >= 3, $"{run.Generations.Count} generations");
        Assert.All(run.ActionsPerGeneration, actions => Assert.InRange(actions, 1, 20 * CaseOrchestration.WakeUpsPerGeneration));
        Assert.All(run.Versions, v => Assert.Equal(CaseOrchestration.Version, v));
        // Each generation starts from the case as recorded, with nothing of the opening left to write.
        Assert.All(run.Generations.Skip(1), g => Assert.Null(g.Opening));
        // None lost across generations: every step, in order, once (InMemoryCase checks the order as they come).
        Assert.Equal(Enumerable.Range(1, run.Store.Steps.Count), run.Store.Steps.Keys);
        Assert.Equal(run.Store.Steps.Count, run.Store.Stored!.Step);
        Assert.Equal(60, run.Store.History.Count(e => e.EventType == "ChildViewsRecorded"));
    }

    [Fact]
    public void No_custom_status_or_recorded_step_id_carries_personal_data()
    {
        var run = Open(At("2026-04-01 10:00"), ValidNotification(offenceSuspected: true, immediateDanger: true));
        run.Raise(new PartnerInputRequested(School, ConfidentialNote, PartnerSecret), At("2026-04-02 10:00"));
        run.RunUntil(At("2026-08-01 00:00"));

        var status = JsonSerializer.Serialize(run.CustomStatus);
        var emails = string.Join("\n", run.Store.Sent.Select(e => e.Email.Subject + "\n" + e.Email.TextBody));
        foreach (var text in PersonalData)
        {
            Assert.DoesNotContain(text, status, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(text, emails, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2029, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Arbitrary<DateTimeOffset> ReceiptInstants { get; } =
        Arb.From(Gen.Choose(0, (int)(To - From).TotalSeconds - 1).Select(seconds => From.AddSeconds(seconds)));

    /// <summary>
    /// Version 3: a staff event keeps the timer the case waits on when the case's next wake-up is no sooner. Durable
    /// cannot take back a scheduled timer (on the Azure Storage backend it stays a queue message until its time), so
    /// version 2's new timer per event left one behind each time: four quick events, four orphaned messages.
    /// </summary>
    [Fact]
    public void Staff_events_that_put_the_next_wake_up_later_schedule_no_new_timer()
    {
        SimulatedOrchestration Story(string version)
        {
            var run = Open(At("2026-04-01 10:00"), version: version);
            run.Raise(new UrgencyAssessed(false, null), At("2026-04-01 10:05"));
            run.Raise(new NotifierContacted("phone", At("2026-04-01 10:10"), null), At("2026-04-01 10:10"));
            run.Raise(new NotifierContacted("email", At("2026-04-01 10:15"), null), At("2026-04-01 10:15"));
            run.Raise(new ChildAndGuardiansInformed(At("2026-04-01 10:20"), "phone"), At("2026-04-01 10:20"));
            return run;
        }
        var kept = Story(CaseOrchestration.Version);
        var before = Story("2");

        // The urgency ladder's first step (12:00) is the only timer so far; the events only put the next wake-up later.
        Assert.Equal([At("2026-04-01 12:00")], kept.TimersScheduled);
        Assert.Equal(5, before.TimersScheduled.Count);
        // At 12:00 the case wakes early (nothing is due) and waits for its real next wake-up, once.
        var next = before.NextTimer!.Value;
        kept.RunUntil(At("2026-04-01 12:00"));
        Assert.Equal([At("2026-04-01 12:00"), next], kept.TimersScheduled);
        Assert.Equal(next, kept.NextTimer);
        Assert.Equal(before.Store.EmailLog(), kept.Store.EmailLog());
    }

    /// <summary>A sooner wake-up than the kept timer's (here an email to try again in 15 minutes) still gets its own timer.</summary>
    [Fact]
    public void A_sooner_wake_up_than_the_kept_timer_schedules_its_own()
    {
        var store = new InMemoryCase();
        var run = Open(At("2026-04-01 10:00"), store: store);
        run.Raise(new UrgencyAssessed(false, null), At("2026-04-01 10:05"));
        Assert.Equal([At("2026-04-01 12:00")], run.TimersScheduled);

        store.FailingSends = 5; // the decision's email to the notifier fails at once and after its four retries
        run.Raise(new DecisionMade(true, "assessment needed"), At("2026-04-01 10:30"));
        Assert.Equal(At("2026-04-01 10:30") + CaseOrchestration.UndeliveredRetryAfter, run.TimersScheduled[^1]);

        run.RunUntil(At("2026-04-01 11:00"));
        Assert.Equal(At("2026-04-01 10:45"), Assert.Single(store.Sent, e => e.Email.Kind == "NotifierDecision").At);
    }

    private static readonly Func<DateTimeOffset, CaseEvent>[] StaffActs =
    [
        _ => new UrgencyAssessed(false, null),
        at => new NotifierContacted("phone", at, null),
        at => new ChildAndGuardiansInformed(at, "phone"),
        _ => new ChildViewsRecorded("note"),
        _ => new DecisionMade(true, "assessment needed"),
        at => new ChildMet(at, "home visit", "met"),
    ];

    private static Arbitrary<(DateTimeOffset Received, (int Minutes, int Act)[] Acts)> Stories { get; } =
        Arb.From(
            from received in ReceiptInstants.Generator
            from acts in Gen.ListOf(Gen.Zip(Gen.Choose(0, 30 * 24 * 60), Gen.Choose(0, StaffActs.Length - 1)))
            select (received, acts.Take(12).OrderBy(a => a.Item1).ToArray()));

    /// <summary>
    /// Keeping the timer across events changes nothing a case does: for any receipt and any staff events, version 3
    /// sends the same emails at the same instants and records the same history as version 2 did — with no more timers.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Keeping_the_timer_across_events_changes_nothing_but_the_timers_left_behind() =>
        Prop.ForAll(Stories, story =>
        {
            SimulatedOrchestration Run(string version)
            {
                var run = Open(story.Received, version: version);
                foreach (var (minutes, act) in story.Acts)
                {
                    var at = story.Received.AddMinutes(minutes);
                    run.Raise(StaffActs[act](at), at);
                }
                run.RunUntil(story.Received.AddDays(200));
                return run;
            }
            var kept = Run(CaseOrchestration.Version);
            var before = Run("2");
            Assert.Equal(before.Store.EmailLog(), kept.Store.EmailLog());
            Assert.Equal(before.Store.Sent.Select(e => e.At), kept.Store.Sent.Select(e => e.At));
            Assert.Equal(before.Store.History.Select(Line), kept.Store.History.Select(Line));
            Assert.Equal(before.Completed, kept.Completed);
            Assert.True(kept.TimersScheduled.Count <= before.TimersScheduled.Count,
                $"{kept.TimersScheduled.Count} timers against version 2's {before.TimersScheduled.Count}");
        });

    /// <summary>The orchestration does exactly what the pure workflow would, for any moment of receipt.</summary>
    [Property(MaxTest = 100)]
    public Property Without_staff_action_the_orchestration_does_what_the_workflow_alone_does() =>
        Prop.ForAll(ReceiptInstants, received =>
        {
            var deadlines = new WorkflowHarness();
            deadlines.Open(received);
            Both(received, ReminderSchedule.EndOf(deadlines.State.Deadlines!.AssessmentDue).AddDays(40));
        });
}
