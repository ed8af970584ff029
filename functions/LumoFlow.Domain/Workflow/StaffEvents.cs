using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Wording;
using static LumoFlow.Domain.Workflow.CasePhase;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// The staff events, each defined once: what it is called, the phases it is allowed in and the law that says so, who
/// may raise it, and its fields. What each event then does is its rule in <see cref="CaseWorkflow"/>
/// (CaseWorkflow.Events.cs). The order is the order the case page offers them in.
/// <para>To add an event: its record (CaseEvent.cs) and rule (CaseWorkflow.Events.cs, named in <c>Apply</c>), and its
/// entry here. The API, the case page's form, the README's table and the tests follow from these.</para>
/// </summary>
public static class StaffEvents
{
    /// <summary>Any open case, one finishing its duties after the decision (<see cref="Closing"/>) included.</summary>
    private static readonly CasePhase[] Open = [AwaitingBirth, AwaitingDecision, Assessing, ReadyToClose, Closing];
    /// <summary>An open case not yet decided or completed.</summary>
    private static readonly CasePhase[] BeforeClosing = [AwaitingBirth, AwaitingDecision, Assessing, ReadyToClose];
    /// <summary>A born child's case, until it is decided or completed.</summary>
    private static readonly CasePhase[] ChildBornAndOpen = [AwaitingDecision, Assessing, ReadyToClose];
    /// <summary>A born child's case, including while it finishes its duties.</summary>
    private static readonly CasePhase[] ChildBornToTheEnd = [AwaitingDecision, Assessing, ReadyToClose, Closing];

    // Fields several events share.
    private static EventField Note(bool required) => new("note", FieldKind.LongText, required, new("Muistiinpano", "Anteckning", "Note"));
    private static EventField Reason(int max = EventField.MaxText) => new("reason", FieldKind.LongText, true, new("Perustelu", "Motivering", "Reason"), max);
    private static EventField How(int max = 100) => new("how", FieldKind.Text, true, new("Miten", "Hur", "How"), max);
    private static readonly EventField At = new("at", FieldKind.Time, false, new("Milloin", "När", "When"));

    private static readonly EventField Who = new("who", FieldKind.Choice, true, new("Kenelle", "Till vem", "Who"), Choices: FamilyRoles.All);
    private static readonly EventField PoliceReference = new("reference", FieldKind.Text, false, new("Poliisin diaarinumero", "Polisens diarienummer", "Police reference"), 100);
    private static readonly EventField FamilyName = new("name", FieldKind.Text, false, new("Nimi", "Namn", "Name"), 200);

    /// <summary>The field of an event of <see cref="FamilyScope.EveryChildIfAsked"/>: record it for every child of the notification.</summary>
    public const string ForEveryChild = "forEveryChild";
    private static readonly EventField EveryChild = new(ForEveryChild, FieldKind.YesNo, false,
        new("Kirjataanko kaikille saman ilmoituksen lapsille?", "Registreras det för alla barn i samma anmälan?", "Record it for every child of the same notification?"));

    public static readonly IReadOnlyList<StaffEvent> All =
    [
        StaffEvent.Of(new("Kiireellisyys arvioitu (LSL 26 § 2 mom.)", "Brådskande behov bedömt (BsL 26 § 2 mom.)", "Urgency assessed (LSL § 26(2))"),
            "LSL § 26(2): at once, for every notification; before the birth too (§ 25 c(2))", Open,
            [new("urgent", FieldKind.YesNo, true, new("Onko lastensuojelun tarve kiireellinen?", "Är behovet av barnskydd brådskande?", "Is the need for child welfare urgent?")),
             new("measure", FieldKind.Choice, false, new("Kiireellinen toimenpide (asiakkuus alkaa, LSL 27 § 2 mom.)",
                 "Brådskande åtgärd (klientskapet börjar, BsL 27 § 2 mom.)", "Urgent measure taken (client status begins, LSL § 27(2))"), Choices: UrgentMeasures.All),
             Note(false)],
            v => new UrgencyAssessed(v.YesNo("urgent"), v.TextOrNull("note")) { Measure = v.TextOrNull("measure") },
            check: v => v.TextOrNull("measure") is not null && !v.YesNo("urgent") ? ("measure", ProblemCode.MeasureOnlyWhenUrgent) : null),

        StaffEvent.Of(new("Ilmoittajaan oltu yhteydessä", "Kontakt med anmälaren", "Notifier contacted"),
            "THL practice (LumoFlow's promise): the notifier is contacted, whenever that happens", Open,
            [new("how", FieldKind.Choice, true, new("Miten", "Hur", "How"), Choices: ContactChannels.All), At, Note(false)],
            v => new NotifierContacted(v.Text("how"), v.Time("at"), v.TextOrNull("note"))) with { Family = FamilyScope.EveryChild },

        StaffEvent.Of(new("Ilmoittajaan ei voi olla yhteydessä", "Anmälaren kan inte kontaktas", "Notifier cannot be contacted"),
            "THL practice (LumoFlow's promise): or why not is recorded", Open,
            [Reason(1000)],
            v => new NotifierContactImpossible(v.Text("reason"))) with { Family = FamilyScope.EveryChild },

        StaffEvent.Of(new("Lapselle ja huoltajille kerrottu", "Barnet och vårdnadshavarna informerade", "Child and guardians informed"),
            "THL: the child and every guardian are told within 7 working days — here everyone, together", ChildBornToTheEnd,
            [How(), At, EveryChild],
            v => new ChildAndGuardiansInformed(v.Time("at"), v.Text("how"))) with { Family = FamilyScope.EveryChildIfAsked },

        StaffEvent.Of(new("Perheenjäsenelle kerrottu", "Familjemedlem informerad", "Family member informed"),
            "THL; LSL § 27(3): the child and each guardian are told, separately when they live apart", ChildBornToTheEnd,
            [Who, FamilyName, How(), At, EveryChild],
            v => new FamilyMemberInformed(v.Text("who"), v.TextOrNull("name"), v.Time("at"), v.Text("how"))) with { Family = FamilyScope.EveryChildIfAsked },

        StaffEvent.Of(new("Perheenjäsenelle ei kerrota", "Familjemedlem informeras inte", "Family member not informed"),
            "Asiakaslaki 812/2000 § 11: not told for a lawful reason, e.g. telling would endanger the child", ChildBornToTheEnd,
            [Who, FamilyName, Reason(2000), EveryChild],
            v => new FamilyMemberNotInformed(v.Text("who"), v.TextOrNull("name"), v.Text("reason"))) with { Family = FamilyScope.EveryChildIfAsked },

        StaffEvent.Of(new("Päätös palvelutarpeen arvioinnista (LSL 26 § 5 mom.)", "Beslut om bedömning av servicebehovet (BsL 26 § 5 mom.)",
                "Decision on the service-need assessment (LSL § 26(5))"),
            "LSL § 26(5): decided once, by the 7th working day after the case opened", [AwaitingDecision],
            [new("startAssessment", FieldKind.YesNo, true, new("Aloitetaanko palvelutarpeen arviointi?", "Inleds en bedömning av servicebehovet?", "Start a service-need assessment?")),
             Reason()],
            v => new DecisionMade(v.YesNo("startAssessment"), v.Text("reason"))),

        StaffEvent.Of(new("Pyydä yhteistyötahon tietoja (SHL 41 §)", "Begär uppgifter av samarbetspart (SVL 41 §)", "Ask a partner for input (SHL § 41)"),
            "SHL § 41: partners take part in the assessment of a born child", ChildBornAndOpen,
            [new("partner.kind", FieldKind.Choice, true, new("Yhteistyötaho", "Samarbetspart", "Partner"), Choices: PartnerKinds.All),
             new("partner.organisation", FieldKind.Text, true, new("Organisaatio", "Organisation", "Organisation"), 200),
             new("partner.name", FieldKind.Text, false, new("Yhteyshenkilö", "Kontaktperson", "Contact person"), 200),
             new("partner.email", FieldKind.Email, true, new("Sähköpostiosoite", "E-postadress", "Email address")),
             new("partner.language", FieldKind.Choice, false, new("Kieli", "Språk", "Language"), Choices: Languages.Email),
             new("question", FieldKind.LongText, true, new("Kysymys", "Fråga", "Question"))],
            v => new PartnerInputRequested(
                new Partner(v.Text("partner.kind"), v.Text("partner.organisation"), v.TextOrNull("partner.name"), v.Text("partner.email"),
                    v.TextOrNull("partner.language")),
                v.Text("question"), v.NewSecret())),

        StaffEvent.Of(new("Yhteistyötahon vastaus ei enää tarpeen", "Svar från samarbetspart behövs inte", "Partner's answer no longer needed"),
            "SHL § 41: a request no longer needed is waived with a reason", ChildBornToTheEnd,
            [new("partnerRequestId", FieldKind.PartnerRequest, true, new("Pyyntö", "Begäran", "Request"), 20), Reason(1000)],
            v => new PartnerInputWaived(v.Text("partnerRequestId"), v.Text("reason"))),

        StaffEvent.Of(new("Lapsi tavattu (LSL 29 §)", "Barnet träffat (BsL 29 §)", "Child met (LSL § 29)"),
            "LSL § 29, SHL § 42: the child is met in person once born", ChildBornAndOpen,
            [How(), At, Note(false)],
            v => new ChildMet(v.Time("at"), v.Text("how"), v.TextOrNull("note"))),

        StaffEvent.Of(new("Lasta ei tavattu", "Barnet inte träffat", "Child not met"),
            "LSL § 29, SHL § 42: or the reason why not is recorded", ChildBornAndOpen,
            [Reason(2000)],
            v => new ChildNotMet(v.Text("reason"))),

        StaffEvent.Of(new("Lapsen näkemys kirjattu (SHL 36 § 4 mom.)", "Barnets åsikt registrerad (SVL 36 § 4 mom.)", "Child's views recorded (SHL § 36(4))"),
            "SHL § 36(4): the child's own views are heard", ChildBornAndOpen,
            [Note(true)],
            v => new ChildViewsRecorded(v.Text("note"))),

        StaffEvent.Of(new("Huoltajia kuultu", "Vårdnadshavarna hörda", "Guardians heard"),
            "SHL § 36(4): the assessment is made together with the client", ChildBornAndOpen,
            [Note(true)],
            v => new GuardiansHeard(v.Text("note"))),

        StaffEvent.Of(new("Rikosepäily (LSL 25 § 3 mom.)", "Misstanke om brott (BsL 25 § 3 mom.)", "Offence suspected (LSL § 25(3))"),
            "LSL § 25(3): the police report duty holds whenever an offence is suspected", Open,
            [Note(false)],
            v => new OffenceSuspected(v.TextOrNull("note"))),

        StaffEvent.Of(new("Ilmoitus poliisille tehty", "Anmälan till polisen gjord", "Police report filed"),
            "LSL § 25(3): the report to the police", Open,
            [At, PoliceReference],
            v => new PoliceReportFiled(v.Time("at")) { Reference = v.TextOrNull("reference") }),

        StaffEvent.Of(new("Poliisi on jo tietoinen", "Polisen känner redan till saken", "Police already informed"),
            "LSL § 25(3): the notifier made their own report, or the police already know", Open,
            [new("by", FieldKind.Choice, true, new("Kuka ilmoitti", "Vem anmälde", "Who told them"), Choices: PoliceInformers.All), PoliceReference],
            v => new PoliceAlreadyInformed(v.Text("by"), v.TextOrNull("reference"))),

        StaffEvent.Of(new("Lastensuojelun asiakkuus alkanut (LSL 27 §)", "Klientskap inom barnskyddet har börjat (BsL 27 §)", "Client status started (LSL § 27)"),
            "LSL § 27(2): client status may begin before the assessment ends, with urgent measures or support given", ChildBornAndOpen,
            [new("reason", FieldKind.Choice, true, new("Peruste", "Grund", "Reason"), Choices: ClientStatusReasons.All), At],
            v => new ClientStatusStarted(v.Text("reason"), v.Time("at"))),

        StaffEvent.Of(new("Lapsi syntynyt (LSL 25 c §)", "Barnet fött (BsL 25 c §)", "Child born (LSL § 25 c)"),
            "LSL § 25 c: only a pre-birth case waits for the birth", [AwaitingBirth],
            [new("identityCode", FieldKind.IdentityCode, true, new("Lapsen henkilötunnus", "Barnets personbeteckning", "The child's identity code")),
             new("bornOn", FieldKind.Date, false, new("Syntymäpäivä (henkilötunnuksesta, jos tyhjä)", "Födelsedag (från personbeteckningen om tom)",
                 "Day of birth (from the identity code if empty)"))],
            v => new ChildBorn(v.Text("identityCode")) { ChildKey = v.ChildKeyOf(v.Text("identityCode")), BornOn = v.DateOrNull("bornOn") }),

        StaffEvent.Of(new("Lapsi tunnistettu", "Barnet identifierat", "Child identified"),
            "LSL § 25 b: the notification is registered as far as it is known; what staff find out is added, and routes the case", Open,
            [new("identityCode", FieldKind.IdentityCode, false, new("Lapsen henkilötunnus", "Barnets personbeteckning", "The child's identity code")),
             new("dateOfBirth", FieldKind.Date, false, new("Lapsen syntymäaika", "Barnets födelsedatum", "The child's date of birth")),
             new("homeMunicipality", FieldKind.Text, false, new("Lapsen kotikunta", "Barnets hemkommun", "The child's home municipality"), 200)],
            v => new ChildIdentified(v.TextOrNull("identityCode"), v.DateOrNull("dateOfBirth"), v.TextOrNull("homeMunicipality"),
                v.TextOrNull("identityCode") is { } code ? v.ChildKeyOf(code) : null),
            check: v => v.TextOrNull("identityCode") is null && v.DateOrNull("dateOfBirth") is null && v.TextOrNull("homeMunicipality") is null
                ? ("identityCode", ProblemCode.GiveOne) : null),

        StaffEvent.Of(new("Ennakollinen asia päätetty", "Föregripande ärende avslutat", "Pre-birth case closed"),
            "LSL § 25 c: a pre-birth case may close before the birth, with a reason", [AwaitingBirth],
            [Reason(2000)],
            v => new PreBirthCaseClosed(v.Text("reason"))),

        StaffEvent.Of(new("Siirretty toiselle alueelle (LSL 25 d §)", "Överfört till annat område (BsL 25 d §)", "Transferred to another region (LSL § 25 d)"),
            "LSL § 25 d: the child moved to another region, which was told and continues; not before the police and the family are seen to",
            BeforeClosing,
            [new("region", FieldKind.Text, true, new("Alue", "Område", "Region"), 200), At],
            v => new TransferredOut(v.Text("region"), v.Time("at"))),

        StaffEvent.Of(new("Asiakirjat lähetetty uudelle alueelle (LSL 25 d §)", "Handlingarna skickade till det nya området (BsL 25 d §)",
                "Documents sent to the new region (LSL § 25 d)"),
            "LSL § 25 d: the documents the new region needs go without delay; then the case ends as transferred", [Closing],
            [new("to", FieldKind.Text, true, new("Vastaanottaja", "Mottagare", "Sent to"), 200), At,
             new("documents", FieldKind.LongText, true, new("Mitkä asiakirjat", "Vilka handlingar", "Which documents"), 2000)],
            v => new TransferDocumentsSent(v.Text("to"), v.Time("at"), v.Text("documents"))),

        StaffEvent.Of(new("Käsitellään lapsen avoimessa arvioinnissa", "Behandlas i barnets pågående bedömning", "Handled in the child's open assessment"),
            "THL practice: a new notification during an open assessment is handled within it; this is the decision, on the day recorded",
            [AwaitingDecision],
            [new("caseId", FieldKind.Text, true, new("Avoimen arvioinnin asia", "Ärendet med den pågående bedömningen", "The case of the open assessment"), 40)],
            v => new HandledInOpenAssessment(v.Text("caseId").ToUpperInvariant())),

        StaffEvent.Of(new("Siirrä asia", "Överför ärendet", "Reassign"),
            "Routing: the case moves to another team or social worker", Open,
            [new("team", FieldKind.Team, false, new("Tiimi", "Team", "Team"), 100),
             new("worker", FieldKind.Email, false, new("Työntekijän sähköposti", "Arbetstagarens e-post", "Worker's email"))],
            v => new Reassigned(v.TextOrNull("team"), v.TextOrNull("worker")),
            EventRaiser.TeamLead,
            check: v => v.TextOrNull("team") is null && v.TextOrNull("worker") is null ? ("team", ProblemCode.TeamOrWorker) : null),

        StaffEvent.Of(new("Arviointi valmis", "Bedömningen klar", "Assessment completed"),
            "SHL § 37: the assessment closes, once started and nothing required is missing", [Assessing, ReadyToClose],
            [new("outcome", FieldKind.Choice, true, new("Lopputulos", "Utfall", "Outcome"), Choices: Outcomes.OfAssessment),
             new("summary.situationAndServiceNeeds", FieldKind.LongText, true, new("Tilanne ja palveluntarve", "Situation och servicebehov", "Situation and service needs")),
             new("summary.conclusionOnClientStatus", FieldKind.LongText, true, new("Johtopäätös asiakkuudesta", "Slutsats om klientskapet", "Conclusion on client status")),
             new("summary.clientView", FieldKind.LongText, true, new("Asiakkaan mielipide", "Klientens åsikt", "The client's view")),
             new("summary.childView", FieldKind.LongText, true, new("Lapsen mielipide", "Barnets åsikt", "The child's view")),
             new("summary.namedWorkerNeeded", FieldKind.YesNo, true,
                 new("Tarvitaanko omatyöntekijä (SHL 42 §)?", "Behövs en egen arbetstagare (SVL 42 §)?", "Is a named worker needed (SHL § 42)?"))],
            v => new AssessmentCompleted(v.Text("outcome"), new AssessmentSummary(
                v.Text("summary.situationAndServiceNeeds"), v.Text("summary.conclusionOnClientStatus"),
                v.Text("summary.clientView"), v.Text("summary.childView"), v.YesNo("summary.namedWorkerNeeded")))),
    ];

    private static readonly Dictionary<string, StaffEvent> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>The staff event named <paramref name="name"/> (as the API's path has it); null for a name that is none.</summary>
    public static StaffEvent? Find(string name) => ByName.GetValueOrDefault(name);

    public static IReadOnlyCollection<string> Names => ByName.Keys;
}
