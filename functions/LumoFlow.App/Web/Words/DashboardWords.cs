using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>What the administrators' dashboard says: the case list, a case, the controls and THL's report.</summary>
public static class DashboardWords
{
    // The list.
    public static readonly Phrase Cases = new("Asiat", "Ärenden", "Cases");
    public static readonly Phrase Charts = new("Avoimet asiat ja määräajat", "Öppna ärenden och tidsfrister", "Open cases and deadlines");
    public static readonly Phrase ByPhase = new("Avoimet asiat vaiheittain", "Öppna ärenden per skede", "Open cases by phase");
    public static readonly Phrase PerWeek = new("Seuraavat määräajat viikoittain (viikon alku)", "Nästa tidsfrister per vecka (veckans början)",
        "Next deadlines per week (week starting)");
    public static readonly Phrase AsTable = new("Taulukkona", "Som tabell", "As a table");
    public static readonly Phrase CaseCount = new("Asioita", "Ärenden", "Cases");
    public static readonly Phrase Workload = new("Työtilanne {0}", "Arbetsläget {0}", "Workload on {0}");
    public static readonly Phrase Team = new("Tiimi", "Team", "Team");
    public static readonly Phrase Open = new("Avoinna", "Öppna", "Open");
    public static readonly Phrase DecisionOverdue = new("Päätös myöhässä", "Beslut försenat", "Decision overdue");
    public static readonly Phrase AssessmentOverdue = new("Arviointi myöhässä", "Bedömning försenad", "Assessment overdue");
    public static readonly Phrase DueThisWeek = new("Erääntyy tällä viikolla", "Förfaller denna vecka", "Due this week");
    public static readonly Phrase DueNextWeek = new("Erääntyy ensi viikolla", "Förfaller nästa vecka", "Due next week");
    public static readonly Phrase AllTeams = new("Kaikki tiimit", "Alla team", "All teams");
    public static readonly Phrase Find = new("Hae asioita", "Sök ärenden", "Find cases");
    public static readonly Phrase GoTo = new("Avaa asia tunnuksella", "Öppna ärende med id", "Go to case by id");
    public static readonly Phrase OpenCase = new("Avaa asia", "Öppna ärendet", "Open case");
    public static readonly Phrase RuntimeStatus = new("Tila", "Status", "Runtime status");
    public static readonly Phrase Phase = new("Vaihe", "Skede", "Phase");
    public static readonly Phrase AnyPhase = new("Mikä tahansa vaihe", "Vilket skede som helst", "Any phase");
    public static readonly Phrase AnyTeam = new("Mikä tahansa tiimi", "Vilket team som helst", "Any team");
    public static readonly Phrase Overdue = new("Myöhässä", "Försenat", "Overdue");
    public static readonly Phrase OverdueOrNot = new("Myöhässä tai ei", "Försenat eller inte", "Overdue or not");
    public static readonly Phrase AnyOverdue = new("Jokin määräaika myöhässä", "Någon tidsfrist försenad", "Any deadline overdue");
    public static readonly Phrase CreatedFrom = new("Luotu alkaen", "Skapat från", "Created from");
    public static readonly Phrase CreatedTo = new("Luotu asti", "Skapat till", "Created to");
    public static readonly Phrase DueBefore = new("Seuraava määräaika viimeistään", "Nästa tidsfrist senast", "Next deadline on or before");
    public static readonly Phrase IdStartsWith = new("Asian tunnus alkaa", "Ärendets id börjar med", "Case id starts with");
    public static readonly Phrase Order = new("Järjestys", "Ordning", "Order");
    public static readonly Phrase ByNextDeadline = new("Seuraava määräaika, aikaisin ensin", "Nästa tidsfrist, tidigast först", "Next deadline, soonest first");
    public static readonly Phrase ByCreated = new("Luotu, uusin ensin", "Skapat, nyast först", "Created, newest first");
    public static readonly Phrase PerPage = new("Sivulla", "Per sida", "Per page");
    public static readonly Phrase Filter = new("Suodata", "Filtrera", "Filter");
    public static readonly Phrase ClearFilters = new("Tyhjennä suodattimet", "Rensa filtren", "Clear filters");
    public static readonly Phrase Refresh = new("Päivitä", "Uppdatera", "Refresh");
    public static readonly Phrase FirstPage = new("Ensimmäinen sivu", "Första sidan", "First page");
    public static readonly Phrase NextPage = new("Seuraava sivu", "Nästa sida", "Next page");
    public static readonly Phrase LastPage = new("Viimeinen sivu", "Sista sidan", "Last page");
    public static readonly Phrase NoMatch = new("Ei hakua vastaavia asioita.", "Inga ärenden matchar.", "No cases match.");
    public static readonly Phrase OnThisPage = new("Asiat, {0} tällä sivulla", "Ärenden, {0} på denna sida", "Cases, {0} on this page");
    public static readonly Phrase Case = new("Asia", "Ärende", "Case");
    public static readonly Phrase Status = new("Tila", "Status", "Status");
    public static readonly Phrase NextDeadline = new("Seuraava määräaika", "Nästa tidsfrist", "Next deadline");
    public static readonly Phrase OpenObligations = new("Avoimet tehtävät", "Öppna uppgifter", "Open obligations");
    public static readonly Phrase Linked = new("Liitetyt", "Kopplade", "Linked");
    public static readonly Phrase Created = new("Luotu", "Skapat", "Created");
    public static readonly Phrase ErrorsTitle = new("Tarkista seuraavat", "Kontrollera följande", "There is a problem");

    // A case.
    public static readonly Phrase AllCasesBack = new("← Kaikki asiat", "← Alla ärenden", "← All cases");
    public static readonly Phrase Suspended = new("(pysäytetty)", "(pausat)", "(suspended)");
    public static readonly Phrase Received = new("Vastaanotettu", "Mottagen", "Received");
    public static readonly Phrase DecisionDue = new("Päätös viimeistään (7. arkipäivä)", "Beslut senast (7:e vardagen)", "Decision due (7th working day)");
    public static readonly Phrase AssessmentDue = new("Arviointi valmis viimeistään (3 kk)", "Bedömningen klar senast (3 mån)", "Assessment due (3 months)");
    public static readonly Phrase LinkedCases = new("Liitetyt asiat", "Kopplade ärenden", "Linked cases");
    public static readonly Phrase Controls = new("Toiminnot", "Åtgärder", "Controls");
    public static readonly Phrase NoControls = new("Ei toimintoja: asia on päättynyt, eikä moottorissa ole sen historiaa.",
        "Inga åtgärder: ärendet har avslutats och motorn har ingen historik om det.", "None: the case has ended and the engine holds no history of it.");
    public static readonly Phrase Timeline = new("Tapahtumat", "Händelser", "Timeline");
    public static readonly Phrase Time = new("Aika", "Tid", "Time");
    public static readonly Phrase Who = new("Kuka", "Vem", "Who");
    public static readonly Phrase Credential = new("Tunnistautuminen", "Identifiering", "Credential");
    public static readonly Phrase Engine = new("Moottorin historia (Durable)", "Motorns historik (Durable)", "Engine history (Durable)");
    public static readonly Phrase Instance = new("Instanssi: {0}", "Instans: {0}", "Instance: {0}");
    public static readonly Phrase Purged = new("historia poistettu {0}", "historiken rensad {0}", "history purged {0}");
    public static readonly Phrase EngineEvent = new("Tapahtuma", "Händelse", "Event");
    public static readonly Phrase EngineName = new("Nimi", "Namn", "Name");
    public static readonly Phrase FiresAt = new("Laukeaa", "Utlöses", "Fires at");
    public static readonly Phrase AccessLog = new("Käyttöloki (uusin ensin)", "Åtkomstlogg (nyast först)", "Access log (newest first)");
    public static readonly Phrase Action = new("Toiminto", "Åtgärd", "Action");
    public static readonly Phrase Reason = new("Syy", "Orsak", "Reason");

    // The controls.
    public static readonly Phrase UnknownControl = new("Tuntematon toiminto", "Okänd åtgärd", "Unknown control");
    public static readonly Phrase ChooseControl = new("Valitse jokin: {0}.", "Välj en av: {0}.", "Choose one of: {0}.");
    public static readonly Vocabulary ControlTitles = new()
    {
        { "terminate", new("Keskeytä asia", "Avbryt ärendet", "Terminate the case") },
        { "suspend", new("Pysäytä asia", "Pausa ärendet", "Suspend the case") },
        { "resume", new("Jatka asiaa", "Återuppta ärendet", "Resume the case") },
        { "purge", new("Poista moottorin historia", "Rensa motorns historik", "Purge the engine history") },
        { "event", new("Kirjaa tapahtuma", "Registrera en händelse", "Raise an event") },
    };
    public static readonly Vocabulary ControlWarnings = new()
    {
        { "terminate", new("Keskeyttäminen päättää asian heti: muistutuksia ei enää lähetetä eikä kirjauksia oteta vastaan. Sitä ei voi perua.",
            "Ett avbrott avslutar ärendet genast: inga fler påminnelser och inga fler registreringar. Det kan inte ångras.",
            "Terminating ends the case now: no more reminders, and no event is accepted after it. It cannot be undone.") },
        { "suspend", new("Pysäytetty asia ei lähetä muistutuksia eikä ota vastaan kirjauksia ennen kuin sitä jatketaan.",
            "Ett pausat ärende skickar inga påminnelser och tar inte emot registreringar förrän det återupptas.",
            "A suspended case sends no reminders and applies no events until it is resumed.") },
        { "resume", new("Asia jatkuu; pysäytyksen aikana erääntyneet määräajat laukeavat heti.",
            "Ärendet fortsätter; tidsfrister som förföll under pausen utlöses genast.",
            "The case goes on; deadlines that passed while it was suspended fire at once.") },
        { "purge", new("Poisto hävittää moottorin historian tästä päättyneestä asiasta. Asiakirja (ilmoitus, tapahtumat, asiakirjat, käyttöloki) säilyy.",
            "Rensningen tar bort motorns historik om detta avslutade ärende. Klientuppgifterna (anmälan, händelser, dokument, åtkomstlogg) finns kvar.",
            "Purging deletes the engine's history of this ended case. The case record (notification, timeline, documents, access log) is kept.") },
        { "event", new("Kirjaus menee asian työnkululle, joka hyväksyy tai hylkää sen.", "Registreringen går till ärendets arbetsflöde, som godtar eller avvisar den.",
            "The event goes to the case's workflow, which accepts or refuses it.") },
    };
    public static readonly Vocabulary ControlDone = new()
    {
        { "terminate", new("Asia keskeytettiin.", "Ärendet avbröts.", "The case was terminated.") },
        { "suspend", new("Asia pysäytettiin.", "Ärendet pausades.", "The case was suspended.") },
        { "resume", new("Asia jatkuu.", "Ärendet återupptogs.", "The case was resumed.") },
        { "purge", new("Moottorin historia poistettiin; asiakirja säilyy.", "Motorns historik rensades; klientuppgifterna finns kvar.",
            "The engine history was purged; the case record stays.") },
        { "event", new("Kirjaus hyväksyttiin.", "Registreringen godtogs.", "The event was accepted.") },
    };
    public static readonly Vocabulary ControlAlready = new()
    {
        { "suspend", new("Asia oli jo pysäytetty.", "Ärendet var redan pausat.", "The case was suspended already.") },
        { "resume", new("Asia ei ollut pysäytetty.", "Ärendet var inte pausat.", "The case was not suspended.") },
        { "purge", new("Moottorilla ei ole asian historiaa (se on jo poistettu).", "Motorn har ingen historik om ärendet (den är redan rensad).",
            "The engine holds no history of this case (purged already).") },
    };
    public static readonly Phrase Event = new("Kirjaus", "Registrering", "Event");
    public static readonly Phrase EventDetails = new("Tiedot (JSON)", "Uppgifter (JSON)", "Details (JSON)");
    public static readonly Phrase ReasonForLog = new("Syy (tallentuu käyttölokiin)", "Orsak (sparas i åtkomstloggen)", "Reason (goes to the access log)");
    public static readonly Phrase Confirm = new("Vahvista: {0}", "Bekräfta: {0}", "Confirm: {0}");
    public static readonly Phrase Cancel = new("Peruuta", "Avbryt", "Cancel");
    public static readonly Phrase ControlFailed = new("Toiminto epäonnistui ({0}).", "Åtgärden misslyckades ({0}).", "The control failed ({0}).");
    public static readonly Phrase Missing = new("Puuttuu:", "Saknas:", "Missing:");

    // THL's report.
    public static readonly Phrase ComplianceTitle = new("Määräaikojen noudattaminen (THL)", "Tidsfristerna (THL)", "Deadline compliance (THL)");
    public static readonly Phrase ThlPeriod = new("THL:n jakso", "THL:s period", "THL period");
    public static readonly Phrase Show = new("Näytä", "Visa", "Show");
    public static readonly Phrase OrFrom = new("Tai alkaen", "Eller från", "Or from");
    public static readonly Phrase To = new("asti", "till", "to");
    public static readonly Phrase ShowDates = new("Näytä päivät", "Visa datumen", "Show dates");
    public static readonly Phrase DownloadCsv = new("Lataa CSV", "Ladda ner CSV", "Download CSV");
    public static readonly Phrase Unit = new("Yksikkö", "Enhet", "Unit");
    public static readonly Phrase NotificationsReceived = new("Vastaanotettuja ilmoituksia", "Mottagna anmälningar", "Notifications received");
    public static readonly Phrase DecidedInTime = new("Päätetty 7 arkipäivässä", "Beslutade inom 7 vardagar", "Decided within 7 working days");
    public static readonly Phrase DecisionLate = new("Päätös myöhässä", "Beslut för sent", "Decision late");
    public static readonly Phrase DecidedShare = new("Osuus ajallaan päätetyistä", "Andel beslutade i tid", "Share decided in time");
    public static readonly Phrase NotYetDue = new("Päätös ei vielä erääntynyt", "Beslutet har ännu inte förfallit", "Decision not yet due");
    public static readonly Phrase EndedWithoutDecision = new("Päättyi ilman päätöstä", "Avslutades utan beslut", "Ended without decision");
    public static readonly Phrase Completed = new("Valmistuneita arviointeja", "Slutförda bedömningar", "Assessments completed");
    public static readonly Phrase CompletedInTime = new("Valmistui 3 kuukaudessa", "Klara inom 3 månader", "Completed within 3 months");
    public static readonly Phrase CompletedLate = new("Valmistui myöhässä", "Klara för sent", "Completed late");
    public static readonly Phrase CompletedShare = new("Osuus ajallaan valmistuneista", "Andel klara i tid", "Share completed in time");
    public static readonly Phrase WholeOrganisation = new("Koko organisaatio", "Hela organisationen", "Whole organisation");
    public static readonly Phrase Definitions = new("Määritelmät: docs/reporting.md. Luvut {0} tilanteen mukaan.", "Definitioner: docs/reporting.md. Siffrorna per {0}.",
        "Definitions: docs/reporting.md. Figures as on {0}.");
    public static readonly Phrase LateDecisions = new("Päätös myöhemmin kuin 7 arkipäivässä", "Beslut senare än inom 7 vardagar", "Decision later than 7 working days");
    public static readonly Phrase LateCompletions = new("Arviointi valmistui myöhemmin kuin 3 kuukaudessa", "Bedömningen klar senare än inom 3 månader",
        "Assessment completed later than 3 months");
    public static readonly Phrase OpenPastLimit = new("Avoimet arvioinnit yli määräajan (eivät THL:n luvuissa)", "Öppna bedömningar efter tidsfristen (inte i THL:s siffror)",
        "Open assessments past their limit (not in THL's figures)");
    public static readonly Phrase NoneDot = new("Ei yhtään.", "Inga.", "None.");

    public static readonly Phrase ClientStatusColumn = new("Asiakkuus alkoi (LSL 27 §)", "Klientskap sedan (BsL 27 §)", "Client status since (LSL § 27)");

    // The daily deadline check's findings, at the top of the dashboard.
    public static readonly Phrase CheckTitle = new("Määräaikatarkistus {0}", "Kontroll av tidsfrister {0}", "Deadline check at {0}");
    public static readonly Phrase CheckNothing = new(
        "Tarkistus ei löytänyt mitään: jokainen avoin asia on moottorissa käynnissä, eikä yksikään määräaika ole mennyt ohi huomaamatta.",
        "Kontrollen hittade inget: varje öppet ärende körs i motorn, och ingen tidsfrist har passerat obemärkt.",
        "The check found nothing: every open case runs in the engine, and no deadline passed unseen.");
    public static readonly Phrase Finding = new("Havainto", "Fynd", "Finding");
    public static readonly Phrase FindingSince = new("Alkaen", "Sedan", "Since");
    public static readonly Phrase Mended = new("Korjattu", "Åtgärdat", "Mended");
    public static readonly Vocabulary FindingCodes = new()
    {
        { "engineFailed", new("Moottorin instanssi kaatunut, päättynyt tai puuttuu", "Motorns instans har fallerat, avslutats eller saknas", "The engine's instance failed, ended or is missing") },
        { "deadlinePassedUnescalated", new("Määräaika meni ohi ilman eskalointia", "En tidsfrist passerade utan eskalering", "A deadline passed without its escalation") },
        { "urgencyUnassessed", new("Kiireellisyys arvioimatta yli eskalointirajan", "Brådskandet obedömt efter eskaleringsgränsen", "Urgency not assessed past the escalation limit") },
        { "emailStuck", new("Sähköposti lähettämättä yli tunnin", "E-post oskickad i över en timme", "An email unsent for over an hour") },
    };
    public static readonly Vocabulary MendActions = new()
    {
        { "restarted", new("käynnistetty uudelleen tallenteesta", "startat på nytt från registret", "restarted from the record") },
        { "woken", new("herätetty", "väckt", "woken") },
        { "emailSent", new("sähköposti lähetetty", "e-post skickad", "email sent") },
    };
}
