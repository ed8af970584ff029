using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// The words for the case's timeline: each kind of history entry (a staff event's are its catalogue title, in
/// <see cref="StaffEvents"/>), and the label of each detail an entry carries.
/// </summary>
public static class HistoryWords
{
    /// <summary>The entries the workflow, the engine and the outbox write themselves.</summary>
    private static readonly Vocabulary Entries = new()
    {
        { "NotificationReceived", new("Ilmoitus vastaanotettu", "Anmälan mottagen", "Notification received") },
        { "NotificationRegistered", new("Ilmoitus kirjattu jälkikäteen", "Anmälan registrerad i efterhand", "Notification registered afterwards") },
        { "RoutedToTeam", new("Ohjattu tiimille", "Styrd till team", "Routed to team") },
        { "DeadlinesSet", new("Määräajat asetettu", "Tidsfrister satta", "Deadlines set") },
        { "LinkedToOpenCase", new("Liitetty saman lapsen avoimeen asiaan", "Kopplat till barnets öppna ärende", "Linked to an open case of the child") },
        { "EmailQueued", new("Sähköposti lähtöjonossa", "E-post i kö", "Email queued") },
        { "EmailSent", new("Sähköposti lähetetty", "E-post skickad", "Email sent") },
        { "EmailHeldForSummary", new("Päivystyksen tunnin hälytysraja täynnä: viesti lähtee tunnin koonnissa",
            "Jourens larmgräns för timmen nådd: meddelandet går i timmens sammandrag", "On-call's hourly cap reached: the email goes in the hour's summary") },
        { "EmailSentInSummary", new("Sähköposti lähetetty päivystyksen tunnin koonnissa", "E-post skickad i jourens timsammandrag",
            "Email sent in on-call's hourly summary") },
        { "DecisionOverdue", new("Päätöksen määräaika ylittyi", "Tidsfristen för beslutet överskreds", "Decision overdue") },
        { "AssessmentOverdue", new("Arvioinnin määräaika ylittyi", "Tidsfristen för bedömningen överskreds", "Assessment overdue") },
        { "PartnerInputReceived", new("Yhteistyötaho vastasi", "Samarbetsparten svarade", "Partner answered") },
        { "RelatedNotificationReceived", new("Uusi ilmoitus samasta lapsesta", "Ny anmälan om samma barn", "New notification about the same child") },
        { "WokenByCheck", new("Päivittäinen tarkistus herätti asian: ajastin ei ollut lauennut", "Den dagliga kontrollen väckte ärendet: en timer hade inte utlösts", "The daily check woke the case: a timer had not fired") },
        { "InformFamilyOverdue", new("Lapselle ja huoltajille kertominen myöhässä", "Informationen till barnet och vårdnadshavarna försenad",
            "Telling the child and guardians overdue") },
        { "CaseClosed", new("Asia päättyi: lain velvoitteet täytetty", "Ärendet avslutades: lagens skyldigheter uppfyllda", "Case closed: the law's duties done") },
        { "NotificationTakenIntoAssessment", new("Uusi ilmoitus otettiin tähän arviointiin", "En ny anmälan togs in i denna bedömning",
            "A new notification was taken into this assessment") },
        { "EventRefused", new("Kirjaus hylätty", "Registrering avvisad", "Event refused") },
        { "Terminated", new("Asia keskeytetty", "Ärendet avbrutet", "Case terminated") },
    };

    /// <summary>A detail's label (its key); a detail without one takes the words of the staff event's field of that name.</summary>
    private static readonly Vocabulary Details = new()
    {
        { "kind", new("Laji", "Typ", "Kind") },
        { "notifierType", new("Ilmoittaja", "Anmälare", "Notifier") },
        { "children", new("Lapsia", "Barn", "Children") },
        { "immediateDanger", new("Välitön vaara", "Omedelbar fara", "Immediate danger") },
        { "offenceSuspected", new("Rikosepäily", "Misstanke om brott", "Offence suspected") },
        { "receivedAt", new("Vastaanotettu", "Mottagen", "Received") },
        { "decisionDue", new("Päätös viimeistään", "Beslut senast", "Decision due") },
        { "assessmentDue", new("Arviointi valmis viimeistään", "Bedömningen klar senast", "Assessment due") },
        { "due", new("Määräaika", "Tidsfrist", "Due") },
        { "timer", new("Ajastin", "Timer", "Timer") },
        { "urgent", new("Kiireellinen", "Brådskande", "Urgent") },
        { "startAssessment", new("Arviointi aloitetaan", "Bedömning inleds", "Assessment started") },
        { "namedWorkerNeeded", new("Omatyöntekijä tarpeen", "Egen arbetstagare behövs", "Named worker needed") },
        { "caseId", new("Asia", "Ärende", "Case") },
        { "email", new("Viesti", "Meddelande", "Message") },
        { "organisation", new("Organisaatio", "Organisation", "Organisation") },
        { "event", new("Kirjaus", "Registrering", "Event") },
        { "phase", new("Vaihe", "Skede", "Phase") },
        { "code", new("Syy", "Orsak", "Why") },
        { "refusal", new("Hylkäys", "Avvisning", "Refusal") },
        { "subject", new("Kohde", "Gäller", "Concerns") },
        { "missing", new("Puuttuu", "Saknas", "Missing") },
        { "worker", new("Työntekijä", "Arbetstagare", "Worker") },
        { "team", new("Tiimi", "Team", "Team") },
        { "outcome", new("Lopputulos", "Utfall", "Outcome") },
        { "reason", new("Perustelu", "Motivering", "Reason") },
        { "partnerRequestId", new("Pyyntö", "Begäran", "Request") },
        { "measure", new("Toimenpide", "Åtgärd", "Measure") },
        { "who", new("Kenelle", "Till vem", "Who") },
        { "by", new("Kuka ilmoitti", "Vem anmälde", "Told by") },
        { "bornOn", new("Syntymäpäivä", "Födelsedag", "Born on") },
        { "to", new("Vastaanottaja", "Mottagare", "Sent to") },
        { "policeReportOpen", new("Ilmoitus poliisille tekemättä", "Anmälan till polisen ogjord", "Police report still open") },
    };

    /// <summary>Who did it, when it was not a member of staff (whose account is shown as it is).</summary>
    public static readonly Vocabulary Actors = new()
    {
        { "system", new("järjestelmä", "systemet", "system") },
        { "notifier", new("ilmoittaja", "anmälaren", "notifier") },
        { "partner", new("yhteistyötaho", "samarbetsparten", "partner") },
    };

    /// <summary>The words for an entry of <paramref name="eventType"/>; null for a kind without any (a test keeps that from happening).</summary>
    public static Phrase? Entry(string eventType) => StaffEvents.Find(eventType)?.Title ?? Entries.WordsFor(eventType);

    /// <summary>The label of a detail: its own, else a staff event field's of that name.</summary>
    public static Phrase? Detail(string key) =>
        Details.WordsFor(key) ?? StaffEvents.All.SelectMany(e => e.Fields).FirstOrDefault(f => f.Path == key || f.Name == key)?.Label;
}
