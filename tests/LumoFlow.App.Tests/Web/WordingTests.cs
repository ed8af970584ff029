using LumoFlow.App.Web.Words;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Tests.Workflow;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.App.Tests.Web;

/// <summary>
/// The pages say a case's codes in words: every phase, status, staff event, refusal, obligation, history entry and
/// detail must have them, in Finnish, Swedish and English, so a new one fails here until it is worded.
/// </summary>
public sealed class WordingTests
{
    public static TheoryData<string> Obligations() => [.. ObligationWords.All.Codes];

    [Fact]
    public void Every_phase_status_outcome_and_marker_has_words()
    {
        Assert.All(Enum.GetNames<CasePhase>(), p => Assert.NotNull(PhaseWords.Phases.WordsFor(p)));
        Assert.All(Enum.GetNames<RuntimeStatus>(), s => Assert.NotNull(PhaseWords.RuntimeStatuses.WordsFor(s)));
        Assert.All(["Suspended", "Failed"], s => Assert.NotNull(PhaseWords.RuntimeStatuses.WordsFor(s)));
        Assert.All(Enum.GetNames<PartnerRequestStatus>(), s => Assert.NotNull(PartnerKinds.Statuses.WordsFor(s)));
        Assert.All(Enum.GetNames<Rag>(), r => Assert.NotNull(DeadlineWords.Signals.WordsFor(r)));
        Assert.All(Enum.GetNames<StaffNotice>(), n => Assert.NotNull(EmailKinds.All.WordsFor(n)));
        Assert.All(Outcomes.OfAssessment.Codes, o => Assert.NotNull(Outcomes.OfCase.WordsFor(o)));
    }

    [Fact]
    public void Every_deadline_a_case_can_show_as_overdue_has_words()
    {
        // Nobody acts for four months: the decision, the assessment and telling the family are all overdue.
        var neglected = new WorkflowHarness();
        neglected.Open(At("2026-04-01 10:00"));
        neglected.RunUntil(At("2026-08-01 00:00"));

        var overdue = CustomStatus.Of(neglected.State).Overdue;
        Assert.Equal(["decision", "assessment", "informFamily"], overdue);
        foreach (var code in overdue)
            foreach (var lang in new[] { "fi", "sv", "en" })
                Assert.False(string.IsNullOrWhiteSpace(DeadlineWords.Kinds.WordsFor(code)?.In(lang)), $"no words for the overdue '{code}' in {lang}");
    }

    [Fact]
    public void Every_staff_event_has_its_name_words_and_fields_and_every_field_a_label()
    {
        Assert.Equal(StaffEvents.All.Count, StaffEvents.All.Select(e => e.Name).Distinct().Count());
        foreach (var e in StaffEvents.All)
        {
            Assert.True(typeof(CaseEvent).IsAssignableFrom(e.Type), e.Name);
            Assert.NotEmpty(e.AllowedIn);
            Assert.False(string.IsNullOrWhiteSpace(e.Law), $"{e.Name} names no law");
            Assert.Equal(e.Fields.Count, e.Fields.Select(f => f.Path).Distinct().Count());
            Assert.All(e.Fields, f => Assert.True(f.Kind != FieldKind.Choice || f.Choices is { Codes.Count: > 0 }, $"{e.Name}.{f.Path} has no choices"));
        }
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void Every_refusal_reads_as_a_sentence_with_its_event_phase_and_subject(string lang)
    {
        foreach (var code in Enum.GetValues<RefusalCode>())
        {
            Assert.True(RefusalWords.Has(code), $"no words for {code}");
            var text = RefusalWords.Say(lang, code, "P7", nameof(ChildMet), CasePhase.AwaitingBirth);

            Assert.DoesNotContain("{", text);
            Assert.DoesNotContain(code.ToString(), text);
            Assert.False(string.IsNullOrWhiteSpace(text));
            if (code is RefusalCode.NoSuchTeam or RefusalCode.NoSuchPartnerRequest or RefusalCode.PartnerRequestAnswered or RefusalCode.PartnerRequestWaived)
                Assert.Contains("P7", text);
        }
    }

    [Fact]
    public void A_refusal_by_phase_names_the_event_and_the_phase_in_the_readers_language_with_what_to_record_first()
    {
        var fi = RefusalWords.Say("fi", RefusalCode.WaitingForBirth, null, nameof(ChildMet), CasePhase.AwaitingBirth);
        var sv = RefusalWords.Say("sv", RefusalCode.DecideFirst, null, nameof(AssessmentCompleted), CasePhase.AwaitingDecision);

        Assert.Equal("Kirjausta ”Lapsi tavattu (LSL 29 §)” ei voi tehdä, kun asian vaihe on ”Odottaa syntymää”. "
            + "Asia odottaa lapsen syntymää (LSL 25 c §): kirjaa ensin syntymä.", fi);
        Assert.Equal("”Bedömningen klar” kan inte registreras när ärendets skede är ”Väntar på beslut”. "
            + "Registrera först beslutet att inleda bedömningen av servicebehovet.", sv);
    }

    [Theory]
    [MemberData(nameof(Obligations))]
    public void Every_obligation_reads_in_words_and_a_partner_s_names_the_partner(string code)
    {
        var h = new WorkflowHarness();
        h.Open(At("2026-06-16 10:00"));
        h.Accept(new PartnerInputRequested(new Partner("school", "Kalevan koulu", null, PartnerEmail, "fi"), "?", PartnerSecret), At("2026-06-16 11:00"));
        var text = CaseWording.Obligation(code == "partnerInput" ? "partnerInput:P1" : code, h.State, "fi");
        Assert.NotEqual(code, text);
        if (code == "partnerInput") Assert.EndsWith("P1 Koulu (Kalevan koulu)", text);
    }

    [Fact]
    public void Every_obligation_a_case_can_have_open_reads_in_words()
    {
        // A neighbour's notification (urgency, who the child is, where the child lives, …), a pre-birth one, a
        // professional's with a suspected offence and a partner asked, one whose urgent placement began client status
        // (LSL § 27(2)), and one whose child moved away (LSL § 25 d): between them every kind of open obligation.
        var neighbour = new WorkflowHarness();
        neighbour.Open(At("2026-06-16 10:00"), NeighbourNotification());
        var preBirth = new WorkflowHarness();
        preBirth.Open(At("2026-06-16 10:00"), PreBirthNotification());
        var professional = new WorkflowHarness();
        professional.Open(At("2026-06-16 10:00"), ValidNotification(offenceSuspected: true));
        professional.Accept(new PartnerInputRequested(new Partner("school", "Kalevan koulu", null, PartnerEmail, "fi"), "?", PartnerSecret), At("2026-06-16 11:00"));
        var placed = new WorkflowHarness();
        placed.Open(At("2026-06-16 10:00"));
        placed.Accept(new UrgencyAssessed(true, null) { Measure = "urgentPlacement" }, At("2026-06-16 10:30"));
        var moved = new WorkflowHarness();
        moved.Open(At("2026-06-16 10:00"));
        moved.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        moved.Accept(new ChildAndGuardiansInformed(At("2026-06-17 10:00"), "phone"), At("2026-06-17 10:00"));
        moved.Accept(new TransferredOut("Lapland", At("2026-06-17 11:00")), At("2026-06-17 11:00"));

        var codes = new[] { neighbour, preBirth, professional, placed, moved }
            .SelectMany(h => CustomStatus.Of(h.State).OpenObligations.Select(code => (h.State, code))).ToList();
        Assert.Superset(new HashSet<string> { "urgencyAssessment", "identifyChild", "confirmHomeMunicipality", "childBorn", "decision", "informChildAndGuardians",
            "notifierContact", "childMeeting", "policeReport", "partnerInput:P1", "clientStatusNotice", "transferDocuments" }, codes.Select(c => c.code).ToHashSet());
        foreach (var (state, code) in codes)
            foreach (var lang in new[] { "fi", "sv", "en" })
                Assert.NotEqual(code, CaseWording.Obligation(code, state, lang));
    }

    /// <summary>
    /// Cases that between them write every kind of history entry (each event, the timers' overdue notes, refusals,
    /// links, each kind of email): what the timeline shows of them must all have words.
    /// </summary>
    private static IEnumerable<HistoryEntry> Histories()
    {
        var partner = new Partner("school", "Kalevan koulu", "Teppo", PartnerEmail, "fi");
        var full = new WorkflowHarness();
        full.Open(At("2026-06-16 10:00"), ValidNotification(offenceSuspected: true, immediateDanger: true), linkedCaseIds: ["LF-2026-000001"]);
        full.Accept(new UrgencyAssessed(true, null), At("2026-06-16 10:30"));
        full.Accept(new NotifierContacted("phone", At("2026-06-18 11:00"), null), At("2026-06-18 11:00"));
        full.Accept(new ChildAndGuardiansInformed(At("2026-06-23 14:00"), "phone"), At("2026-06-23 14:00"));
        full.Accept(new DecisionMade(true, "assessment needed"), At("2026-06-24 10:00"));
        full.Accept(new PartnerInputRequested(partner, "How is the child at school?", PartnerSecret), At("2026-06-24 11:00"));
        full.Accept(new PartnerInputRequested(partner with { Organisation = "Neuvola" }, "And at the clinic?", PartnerSecret), At("2026-06-24 11:05"));
        full.Accept(new PartnerInputWaived("P2", "no longer needed"), At("2026-08-06 09:00"));
        // Within 30 days of the last reminder (9.7: the link works to the end of 8.8).
        full.Accept(new PartnerInputReceived("P1", PartnerSecret, "Often absent.", "Teppo"), At("2026-08-07 09:00"));
        full.Accept(new RelatedNotificationReceived("LF-2026-000999"), At("2026-08-22 09:00"));
        full.Accept(new ChildMet(At("2026-08-12 13:00"), "home visit", null), At("2026-08-24 16:00"));
        full.Accept(new ChildViewsRecorded("views"), At("2026-08-24 16:05"));
        full.Accept(new GuardiansHeard("heard"), At("2026-08-24 16:10"));
        full.Accept(new OffenceSuspected(null), At("2026-08-24 16:15"));
        full.Accept(new PoliceReportFiled(At("2026-08-24 16:20")) { Reference = "5500/R/1234/26" }, At("2026-08-24 16:20"));
        full.Accept(new Reassigned(null, "other.worker@kunta.example"), At("2026-08-25 09:00"));
        var late = new AssessmentCompleted("socialWelfareServices", Summary) { Actor = "worker" };
        full.Accept(late, At("2026-09-14 15:00"));
        foreach (var h in full.History) yield return h;
        foreach (var h in CaseWorkflow.RecordRefusal(full.State, late, full.Workflow.Apply(full.State, late, At("2026-09-15 09:00")) as WorkflowRefusal
            ?? throw new InvalidOperationException("A closed case took an event."), At("2026-09-15 09:00")).History) yield return h;

        var neglected = new WorkflowHarness(); // nobody acts: the urgency ladder, reminders, escalations, overdue notes
        neglected.Open(At("2026-04-01 10:00"), receivedAt: At("2026-03-31 10:00"), registeredBy: "intake.worker");
        neglected.Accept(new PartnerInputRequested(partner, "?", PartnerSecret), At("2026-04-02 10:00"));
        neglected.RunUntil(At("2026-08-01 00:00"));
        neglected.Accept(new WokenByCheck(TimerNames.AssessmentEscalation) { Actor = "system" }, At("2026-08-01 06:00"));
        neglected.Accept(new ChildNotMet("the family moved"), At("2026-08-02 10:00"));
        neglected.Accept(new UrgencyAssessed(false, null), At("2026-08-02 10:05")); // late, but before the case leaves
        // LSL § 25 d: the family is seen to before the transfer — the child told, the guardian not, for a lawful reason.
        neglected.Accept(new FamilyMemberInformed("child", null, At("2026-08-02 10:10"), "school"), At("2026-08-02 10:10"));
        neglected.Accept(new FamilyMemberNotInformed("guardian", GuardianName, "telling would endanger the child"), At("2026-08-02 10:20"));
        neglected.Accept(new TransferredOut("Lapland", At("2026-08-02 11:00")), At("2026-08-02 11:00"));
        neglected.Accept(new TransferDocumentsSent("Lapland child welfare", At("2026-08-03 09:00"), "the notification and the history"), At("2026-08-03 09:00"));
        foreach (var h in neglected.History) yield return h;

        // LSL §§ 25(3), 27: an offence suspected at intake, an urgent measure beginning client status, nobody acting by the
        // next working morning; then the police already knew.
        var urgent = new WorkflowHarness();
        urgent.Open(At("2026-06-16 10:00"), ValidNotification(offenceSuspected: true));
        urgent.Accept(new UrgencyAssessed(true, null) { Measure = "urgentSupport" }, At("2026-06-16 10:30"));
        urgent.RunUntil(At("2026-06-17 12:00"));
        urgent.Accept(new PoliceAlreadyInformed("notifier", "5500/R/1234/26"), At("2026-06-17 12:00"));
        foreach (var h in urgent.History) yield return h;

        // Client status recorded by staff (support given before the assessment is complete, LSL § 27(2)).
        var supported = new WorkflowHarness();
        supported.Open(At("2026-06-16 10:00"));
        supported.Accept(new ClientStatusStarted("supportBeforeAssessment", At("2026-06-16 15:00")), At("2026-06-16 15:00"));
        foreach (var h in supported.History) yield return h;

        // A new notification taken into the child's open assessment: this case ends, the open one records it.
        var merged = new WorkflowHarness();
        merged.Open(At("2026-06-16 10:00"), linkedCaseIds: ["LF-2026-000001"]);
        merged.Accept(new UrgencyAssessed(false, null), At("2026-06-16 10:30"));
        merged.Accept(new NotifierContacted("phone", At("2026-06-16 11:00"), null), At("2026-06-16 11:00"));
        merged.Accept(new HandledInOpenAssessment("LF-2026-000001") { IsOpenAssessment = true }, At("2026-06-16 12:00"));
        foreach (var h in merged.History) yield return h;
        var assessing = new WorkflowHarness();
        assessing.Open(At("2026-06-01 10:00"), caseId: "LF-2026-000001");
        assessing.Accept(new UrgencyAssessed(false, null), At("2026-06-01 10:30"));
        assessing.Accept(new DecisionMade(true, "assessment needed"), At("2026-06-02 10:00"));
        assessing.Accept(new NotificationTakenIntoAssessment(CaseId), At("2026-06-16 12:00"));
        foreach (var h in assessing.History) yield return h;

        var born = new WorkflowHarness();
        born.Open(At("2026-02-02 10:00"), PreBirthNotification());
        born.Accept(new UrgencyAssessed(false, "on call: no urgent need before the birth"), At("2026-02-02 10:30"));
        born.Accept(new ChildBorn(NewbornIdentityCode) { ChildKey = "child-key-newborn" }, At("2026-03-20 10:00"));
        born.Accept(new NotifierContactImpossible("no answer"), At("2026-03-21 10:00"));
        born.Accept(new ChildAndGuardiansInformed(At("2026-03-21 11:00"), "letter"), At("2026-03-21 11:00"));
        born.Accept(new ChildMet(At("2026-03-21 12:00"), "hospital", null), At("2026-03-21 12:00"));
        born.Accept(new DecisionMade(false, "obviously unnecessary"), At("2026-03-23 10:00"));
        foreach (var h in born.History) yield return h;

        var notBorn = new WorkflowHarness();
        notBorn.Open(At("2026-02-02 10:00"), PreBirthNotification());
        notBorn.Accept(new UrgencyAssessed(false, null), At("2026-02-02 10:30"));
        notBorn.Accept(new PreBirthCaseClosed("the family moved abroad"), At("2026-02-10 10:00"));
        foreach (var h in notBorn.History) yield return h;

        // A neighbour who knew only a first name and the street: the child is found out and the case moves to its team.
        var found = new WorkflowHarness();
        found.Open(At("2026-02-02 10:00"), AnonymousPrivateNotification() with
        {
            Children = [new() { Name = "Aino", Whereabouts = "Kalevankatu" }],
            Reasons = ["violenceOrSexualAbuse"],
        });
        found.Accept(new ChildIdentified(ChildIdentityCode, new DateOnly(2015, 3, 15), "Kuopio", "child-key-aino"), At("2026-02-02 11:00"));
        found.Accept(new UrgencyAssessed(true, null), At("2026-02-02 11:05"));
        foreach (var h in found.History) yield return h;
        // Staff naming a municipality no team takes: refused, and the refusal reads in the timeline too.
        foreach (var h in CaseWorkflow.RecordRefusal(found.State, new ChildIdentified(null, null, "Nowhere"),
            found.Workflow.Apply(found.State, new ChildIdentified(null, null, "Nowhere"), At("2026-02-02 12:00")) as WorkflowRefusal
            ?? throw new InvalidOperationException("An unknown municipality was taken."), At("2026-02-02 12:00")).History) yield return h;

        var stopped = new WorkflowHarness(); // with the police report still open: the history says so (LSL § 25(3))
        stopped.Open(At("2026-02-02 10:00"), AnonymousPrivateNotification() with { OffenceSuspected = true });
        stopped.Accept(new CaseTerminated("opened by mistake"), At("2026-02-02 11:00"));
        foreach (var h in stopped.History) yield return h;
    }

    [Fact]
    public void Every_history_entry_the_workflow_writes_reads_in_the_timeline_without_a_raw_key()
    {
        var histories = Histories().ToList();
        var types = histories.Select(h => h.EventType).Distinct().ToList();
        Assert.True(types.Count >= 30, $"only {types.Count} kinds of entry: {string.Join(", ", types)}");

        // The stories cover what issue 20 added: the urgency, identifying the child, re-routing, refusals, the daily check.
        Assert.Superset(new HashSet<string> { "UrgencyAssessed", "ChildIdentified", "ChildBorn", "RoutedToTeam", "LinkedToOpenCase", "EventRefused", "WokenByCheck" },
            types.ToHashSet());
        Assert.Superset(new HashSet<string> { "Urgent", "UrgencyEscalation", "UrgencyOnCall" },
            histories.Where(h => h.EventType == "EmailQueued").Select(h => h.Details!["kind"]).ToHashSet());
        // …and what issue 21 added: the family told or not, the police, client status, closing, moving away, a
        // notification taken into an open assessment — their entries, details and escalations.
        Assert.Superset(new HashSet<string>
            {
                "FamilyMemberInformed", "FamilyMemberNotInformed", "ChildAndGuardiansInformed", "InformFamilyOverdue", "PoliceReportFiled",
                "PoliceAlreadyInformed", "ClientStatusStarted", "CaseClosed", "TransferredOut", "TransferDocumentsSent", "HandledInOpenAssessment",
                "NotificationTakenIntoAssessment", "Terminated",
            },
            types.ToHashSet());
        Assert.Superset(new HashSet<string> { "InformFamilyEscalation", "PoliceReportEscalation", "ClientStatusNoticeEscalation" },
            histories.Where(h => h.EventType == "EmailQueued").Select(h => h.Details!["kind"]).ToHashSet());
        Assert.Superset(new HashSet<string> { "who", "by", "reference", "measure", "reason", "at", "bornOn", "to", "region", "outcome", "caseId", "policeReportOpen" },
            histories.SelectMany(h => h.Details ?? new Dictionary<string, string>()).Select(d => d.Key).ToHashSet());

        types.Add("EmailSent"); // written by the outbox when an email went out (CaseRows.SentEntry)
        types.Add("EmailHeldForSummary"); // and when one waits for, or went in, on-call's hourly summary
        types.Add("EmailSentInSummary");
        Assert.All(types, type => Assert.True(HistoryWords.Entry(type) is not null, $"no words for the history entry '{type}'"));
        Assert.All(histories.SelectMany(h => h.Details ?? new Dictionary<string, string>()).Select(d => d.Key).Distinct(),
            key => Assert.True(HistoryWords.Detail(key) is not null, $"no words for the detail '{key}'"));
        Assert.All(histories.Where(h => h.EventType == "EmailQueued").Select(h => h.Details!["kind"]).Distinct(),
            kind => Assert.True(EmailKinds.All.Contains(kind), $"no words for the email '{kind}'"));
    }

    [Theory]
    [InlineData("startAssessment", "true", "fi", "Arviointi aloitetaan: Kyllä")]
    [InlineData("due", "2026-06-25", "sv", "Tidsfrist: 25.6.2026")]
    [InlineData("receivedAt", "2026-06-16T07:00:00.0000000+00:00", "fi", "Vastaanotettu: 16.6.2026 10:00")]
    [InlineData("kind", "DecisionReminder", "en", "Kind: Reminder: decision due")]
    [InlineData("kind", "preBirth", "fi", "Laji: Ennakollinen lastensuojeluilmoitus")]
    [InlineData("team", "pohjois-savo", "fi", "Tiimi: Pohjois-Savon lastensuojelun vastaanotto")]
    [InlineData("how", "phone", "sv", "Hur: Telefon")]
    [InlineData("outcome", "noAssessment", "en", "Outcome: No assessment started")]
    [InlineData("outcome", "handledInOpenAssessment", "fi", "Lopputulos: Käsitelty lapsen avoimessa arvioinnissa")]
    [InlineData("outcome", "transferred", "sv", "Utfall: Överfört till ett annat område")]
    [InlineData("who", "guardian", "fi", "Kenelle: Huoltaja")]
    [InlineData("who", "child", "en", "Who: The child")]
    [InlineData("by", "notifier", "en", "Told by: The notifier (their own duty)")]
    [InlineData("reason", "urgentMeasure", "en", "Reason: An urgent child-welfare measure (LSL § 27(2))")]
    [InlineData("measure", "urgentPlacement", "sv", "Åtgärd: Brådskande placering (BsL 38 §)")]
    [InlineData("bornOn", "2026-03-20", "fi", "Syntymäpäivä: 20.3.2026")]
    [InlineData("to", "Lapland child welfare", "sv", "Mottagare: Lapland child welfare")]
    [InlineData("policeReportOpen", "true", "en", "Police report still open: Yes")]
    [InlineData("kind", "InformFamilyEscalation", "en", "Kind: Escalation: child and guardians not told")]
    [InlineData("kind", "PoliceReportEscalation", "fi", "Laji: Eskalointi: ilmoitus poliisille puuttuu")]
    [InlineData("kind", "NotifierDecision", "en", "Kind: Feedback to the notifier: notification processed")]
    [InlineData("phase", "Closing", "en", "Phase: Closing: the law's remaining duties")]
    public void A_detail_reads_as_a_label_and_a_value_in_the_readers_language(string key, string value, string lang, string expected) =>
        Assert.Equal(expected, CaseWording.Detail(key, value, id => id == "pohjois-savo" ? "Pohjois-Savon lastensuojelun vastaanotto" : id, lang));
}
