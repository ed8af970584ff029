using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>What the social workers' pages (their list of cases and a case's page) say in their own words.</summary>
public static class StaffWords
{
    public static readonly Phrase MyCases = new("Oman tiimin asiat", "Teamets ärenden", "My team's cases");
    public static readonly Phrase AllCases = new("Kaikki avoimet asiat", "Alla öppna ärenden", "All open cases");
    public static readonly Phrase NoTeam = new(
        "Sinulle ei ole määritelty tiimiä, joten asioita ei näytetä.",
        "Du har inget team, så inga ärenden visas.",
        "You have no team, so no cases are shown.");
    public static readonly Phrase NoCases = new("Ei avoimia asioita.", "Inga öppna ärenden.", "No open cases.");
    public static readonly Phrase Case = new("Asia", "Ärende", "Case");
    public static readonly Phrase Phase = new("Vaihe", "Skede", "Phase");
    public static readonly Phrase NextDeadline = new("Seuraava määräaika", "Nästa tidsfrist", "Next deadline");
    public static readonly Phrase Marker = new("Tilanne", "Läge", "Status");
    public static readonly Phrase OpenObligations = new("Avoimia tehtäviä", "Öppna uppgifter", "Open tasks");
    public static readonly Phrase WorkerColumn = new("Työntekijä", "Arbetstagare", "Worker");
    public static readonly Phrase Team = new("Tiimi", "Team", "Team");
    public static readonly Phrase Received = new("Vastaanotettu", "Mottagen", "Received");
    public static readonly Phrase Kind = new("Ilmoituksen laji", "Typ av anmälan", "Kind");
    public static readonly Phrase Status = new("Tila", "Status", "Status");
    public static readonly Phrase Deadlines = new("Määräajat", "Tidsfrister", "Deadlines");
    public static readonly Phrase DecisionDue = new(
        "Päätös viimeistään (LSL 26 § 5 mom., 7. arkipäivä)",
        "Beslut senast (BsL 26 § 5 mom., 7:e vardagen)",
        "Decision due (LSL § 26(5), 7th working day)");
    public static readonly Phrase AssessmentDue = new(
        "Arviointi valmis viimeistään (SHL 36 §, 3 kk)",
        "Bedömningen klar senast (SVL 36 §, 3 mån)",
        "Assessment due (SHL § 36, 3 months)");
    public static readonly Phrase Overdue = new("Myöhässä", "Försenad", "Overdue");
    public static readonly Phrase NoDeadlines = new(
        "Määräajat alkavat vasta lapsen synnyttyä.",
        "Tidsfristerna börjar först när barnet är fött.",
        "The deadlines start only once the child is born.");
    public static readonly Phrase Obligations = new("Avoimet tehtävät", "Öppna uppgifter", "Open tasks");
    public static readonly Phrase BlocksClosing = new("Estää sulkemisen", "Hindrar avslut", "Blocks closing");
    public static readonly Phrase NothingOpen = new("Ei avoimia tehtäviä.", "Inga öppna uppgifter.", "Nothing open.");
    public static readonly Phrase Notification = new("Ilmoitus", "Anmälan", "The notification");
    public static readonly Phrase Notifier = new("Ilmoittaja", "Anmälare", "Notifier");
    public static readonly Phrase Children = new("Lapset", "Barn", "Children");
    public static readonly Phrase Guardians = new("Huoltajat", "Vårdnadshavare", "Guardians");
    public static readonly Phrase Concern = new("Huoli", "Oro", "Concern");
    public static readonly Phrase Reasons = new("Syyt", "Orsaker", "Reasons");
    public static readonly Phrase ImmediateDanger = new("Välitön vaara", "Omedelbar fara", "Immediate danger");
    public static readonly Phrase OffenceSuspectedFlag = new(
        "Epäilty rikos lasta kohtaan",
        "Misstänkt brott mot barnet",
        "Offence against the child suspected");
    public static readonly Phrase Anonymous = new("nimetön", "anonym", "anonymous");
    public static readonly Phrase ForEveryChildHint = new(
        "Kirjataan kaikille saman ilmoituksen lapsille: ilmoittaja teki yhden ilmoituksen.",
        "Registreras för alla barn i samma anmälan: anmälaren gjorde en anmälan.",
        "Recorded for every child of the same notification: the notifier made one notification.");
    public static readonly Phrase ClientStatus = new("Lastensuojelun asiakkuus (LSL 27 §)", "Klientskap inom barnskyddet (BsL 27 §)", "Child-welfare client status (LSL § 27)");
    public static readonly Phrase ClientStatusSince = new("alkoi {0}: {1}", "började {0}: {1}", "began {0}: {1}");
    public static readonly Phrase EndsAs = new("Päättyy, kun velvoitteet on tehty", "Avslutas när skyldigheterna är gjorda", "Ends, once the duties are done, as");
    public static readonly Phrase TransferredTo = new("Siirretty alueelle (LSL 25 d §)", "Överfört till området (BsL 25 d §)", "Transferred to (LSL § 25 d)");
    public static readonly Phrase DocumentsSent = new("asiakirjat lähetetty {0}", "handlingarna skickade {0}", "documents sent {0}");
    public static readonly Phrase TransferPackageLink = new(
        "Siirtopaketti tulostettavana: ilmoitus, historia, asiakirjat ja alkuperäinen vireilletuloaika (LSL 25 d §)",
        "Överföringspaketet för utskrift: anmälan, historik, handlingar och den ursprungliga tidpunkten för inledandet (BsL 25 d §)",
        "The transfer package to print: the notification, the history, the documents and the original time of receipt (LSL § 25 d)");
    public static readonly Phrase TransferPackageTitle = new("Siirtopaketti", "Överföringspaket", "Transfer package");
    public static readonly Phrase TransferPackageIntro = new(
        "Uusi alue jatkaa arviointia (LSL 25 d §). Kirjatkaa asia sillä ajalla, jolloin se tuli vireille (receivedAt; ennakollisessa ilmoituksessa syntymäpäivä, ”vireillä alkaen”), jotta määräajat pysyvät samoina.",
        "Det nya området fortsätter bedömningen (BsL 25 d §). Registrera ärendet med tidpunkten då det inleddes (receivedAt; vid en föregripande anmälan födelsedagen, ”anhängigt sedan”) så att tidsfristerna förblir desamma.",
        "The new region continues the assessment (LSL § 25 d). Register the case with the time it became pending (receivedAt; for a pre-birth notification the day of birth, “pending since”), so that the deadlines stay the same.");
    public static readonly Phrase PendingSince = new("Vireillä alkaen", "Anhängigt sedan", "Pending since");
    public static readonly Phrase Documents = new("Asiakirjat", "Handlingar", "Documents");
    public static readonly Phrase FamilyTold = new("Kenelle perheestä on kerrottu", "Vem i familjen har informerats", "Who of the family was told");
    public static readonly Phrase Told = new("kerrottu {0}", "informerad {0}", "told {0}");
    public static readonly Phrase NotTold = new("ei kerrota, laillinen syy kirjattu {0}", "informeras inte, lagligt skäl registrerat {0}", "not told, the lawful reason recorded {0}");
    public static readonly Phrase PoliceReportFiledAt = new("ilmoitus poliisille tehty {0}", "anmälan till polisen gjord {0}", "reported to the police {0}");
    public static readonly Phrase PoliceAlreadyKnew = new("poliisi tiesi jo: {0}", "polisen visste redan: {0}", "the police knew already: {0}");
    public static readonly Phrase PoliceReportOpen = new("ilmoitus poliisille tekemättä (LSL 25 § 3 mom.)", "anmälan till polisen ogjord (BsL 25 § 3 mom.)",
        "no police report yet (LSL § 25(3))");
    public static readonly Phrase Siblings = new("Saman ilmoituksen muut lapset", "Andra barn i samma anmälan", "Other children of the same notification");
    public static readonly Phrase ThisCase = new("tämä asia", "detta ärende", "this case");
    public static readonly Phrase UrgencyColumn = new("Kiireellisyys", "Brådskande", "Urgency");
    public static readonly Phrase UrgencyUnassessed = new("Arvioimatta", "Obedömt", "Not assessed");
    public static readonly Phrase UrgencyUnassessedFor = new(
        "Kiireellisyyttä ei ole arvioitu – {0} h vastaanotosta (LSL 26 § 2 mom.: arvioitava heti)",
        "Brådskandet är inte bedömt – {0} h sedan mottagandet (BsL 26 § 2 mom.: ska bedömas genast)",
        "Urgency not assessed – {0} h since receipt (LSL § 26(2): to be assessed at once)");
    public static readonly Phrase AboutYears = new("noin {0}-vuotias", "omkring {0} år", "about {0} years old");
    public static readonly Phrase HoursSinceReceipt = new("{0} h vastaanotosta", "{0} h sedan mottagandet", "{0} h since receipt");
    public static readonly Phrase UrgencyAssessedUrgent = new("Kiireellinen", "Brådskande", "Urgent");
    public static readonly Phrase UrgencyAssessedNotUrgent = new("Ei kiireellinen", "Inte brådskande", "Not urgent");
    public static readonly Phrase IntakeFlags = new(
        "Tarkistettavaa ilmoituksessa (tallennettu sellaisenaan)",
        "Att kontrollera i anmälan (sparat som det gavs)",
        "To check in the notification (kept as given)");
    public static readonly Phrase LinkedCases = new("Saman lapsen muut asiat", "Samma barns andra ärenden", "Linked cases of the same child");
    public static readonly Phrase NoLinkedCases = new("Ei muita asioita.", "Inga andra ärenden.", "None.");
    public static readonly Phrase Partners = new(
        "Yhteistyötahojen pyynnöt (SHL 41 §)",
        "Begäranden till samarbetsparter (SVL 41 §)",
        "Partner requests (SHL § 41)");
    public static readonly Phrase NoPartners = new("Ei pyyntöjä.", "Inga begäranden.", "No requests.");
    public static readonly Phrase Requested = new("Pyydetty", "Begärd", "Requested");
    public static readonly Phrase AnswerBy = new("Vastattava viimeistään", "Svar senast", "Answer by");
    public static readonly Phrase PartnerRequestId = new("Pyyntö", "Begäran", "Request");
    public static readonly Phrase PartnerColumn = new("Yhteistyötaho", "Samarbetspart", "Partner");
    public static readonly Phrase Answer = new("Vastaus", "Svar", "Answer");
    public static readonly Phrase Timeline = new("Tapahtumat", "Händelser", "Timeline");
    public static readonly Phrase When = new("Aika", "Tid", "When");
    public static readonly Phrase What = new("Tapahtuma", "Händelse", "What");
    public static readonly Phrase Who = new("Kuka", "Vem", "Who");
    public static readonly Phrase Details = new("Tiedot", "Uppgifter", "Details");
    public static readonly Phrase RecordEvents = new("Kirjaa", "Registrera", "Record");
    public static readonly Phrase RecordHint = new(
        "Vain tässä vaiheessa sallitut kirjaukset näytetään.",
        "Endast registreringar som är tillåtna i detta skede visas.",
        "Only what may be recorded in this phase is offered.");
    public static readonly Phrase ClosingSummary = new(
        "Arvioinnin yhteenveto ja päättäminen (SHL 37 §)",
        "Sammanfattning och avslutande av bedömningen (SVL 37 §)",
        "Closing summary of the assessment (SHL § 37)");
    public static readonly Phrase Save = new("Tallenna", "Spara", "Save");
    public static readonly Phrase AtHint = new("Jätä tyhjäksi, jos nyt.", "Lämna tomt om nu.", "Leave empty for now.");
    public static readonly Phrase ErrorsTitle = new(
        "Kirjausta ei tallennettu: tarkista tiedot",
        "Registreringen sparades inte: kontrollera uppgifterna",
        "Nothing was recorded: check the following");
    public static readonly Phrase RefusedTitle = new("Kirjausta ei hyväksytty", "Registreringen godtogs inte", "Not recorded");
    public static readonly Phrase Missing = new("Puuttuu", "Saknas", "Missing");
    public static readonly Phrase Done = new("Kirjattu", "Registrerat", "Recorded");
    public static readonly Phrase DoneHint = new(
        "Näkyy tapahtumissa, kun asia on päivittynyt.",
        "Syns bland händelserna när ärendet har uppdaterats.",
        "It shows in the timeline once the case has been updated.");
}
