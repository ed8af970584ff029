using System.Globalization;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Web;

/// <summary>
/// The social workers' pages in Finnish, Swedish and English: one table, keyed by the identifier the page shows a
/// label for (an event's name, a field's JSON path, a choice's value, a phase, an obligation's code) or by the
/// page's own words. A key with no entry shows as itself, so nothing is ever blank.
/// </summary>
public static class StaffTexts
{
    public static string T(string language, string key) =>
        Table.TryGetValue(key, out var t) ? language switch { "sv" => t.Sv, "en" => t.En, _ => t.Fi } : key;

    /// <summary>Whether the table has words for the key (the tests check that nothing shown is left to its key).</summary>
    public static bool Has(string key) => Table.ContainsKey(key);

    /// <summary>
    /// A refusal in the reader's language, by its code: for the phase refusals, what cannot be recorded in which phase
    /// and what to record first; otherwise the sentence the code stands for, with its subject (a team, a request).
    /// </summary>
    public static string Refusal(string language, RefusalCode refusal, string? subject, string eventName, CasePhase phase)
    {
        var notInPhase = Format(language, "refusal.NotAllowedInPhase", T(language, eventName), T(language, phase.ToString()));
        return refusal switch
        {
            RefusalCode.NotAllowedInPhase => notInPhase,
            RefusalCode.DecideFirst or RefusalCode.WaitingForBirth or RefusalCode.AlreadyDecided or RefusalCode.NotWaitingForBirth =>
                $"{notInPhase} {T(language, $"refusal.{refusal}")}",
            _ => Format(language, $"refusal.{refusal}", subject ?? ""),
        };
    }

    /// <summary>
    /// One detail of a history entry as the timeline shows it: its label (<c>detail.{key}</c>, else the field's) and
    /// its value — yes or no, a Helsinki date or time, the words for a known value (a kind, a phase, an email's kind),
    /// else the value itself (an id, a team).
    /// </summary>
    public static string HistoryDetail(string language, string key, string value)
    {
        var label = T(language, Has($"detail.{key}") ? $"detail.{key}" : key);
        var shown = value switch
        {
            "true" => T(language, "yes"),
            "false" => T(language, "no"),
            _ when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => WebPage.Date(date),
            _ when value.Length >= 19 && value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
                WebPage.DateTime(at),
            _ when Has($"email.{value}") => T(language, $"email.{value}"),
            _ => T(language, value),
        };
        return $"{label}: {shown}";
    }

    private static string Format(string language, string key, params string[] args) =>
        string.Format(CultureInfo.InvariantCulture, T(language, key), args);

    private static readonly Dictionary<string, (string Fi, string Sv, string En)> Table = new(StringComparer.Ordinal)
    {
        // The pages' own words.
        ["myCases"] = ("Oman tiimin asiat", "Teamets ärenden", "My team's cases"),
        ["allCases"] = ("Kaikki avoimet asiat", "Alla öppna ärenden", "All open cases"),
        ["dashboard"] = ("Hallinta", "Administration", "Dashboard"),
        ["signOut"] = ("Kirjaudu ulos", "Logga ut", "Sign out"),
        ["noTeam"] = ("Sinulle ei ole määritelty tiimiä, joten asioita ei näytetä.", "Du har inget team, så inga ärenden visas.", "You have no team, so no cases are shown."),
        ["noCases"] = ("Ei avoimia asioita.", "Inga öppna ärenden.", "No open cases."),
        ["case"] = ("Asia", "Ärende", "Case"),
        ["phase"] = ("Vaihe", "Skede", "Phase"),
        ["nextDeadline"] = ("Seuraava määräaika", "Nästa tidsfrist", "Next deadline"),
        ["marker"] = ("Tilanne", "Läge", "Status"),
        ["openObligations"] = ("Avoimia tehtäviä", "Öppna uppgifter", "Open tasks"),
        ["workerColumn"] = ("Työntekijä", "Arbetstagare", "Worker"),
        ["team"] = ("Tiimi", "Team", "Team"),
        ["received"] = ("Vastaanotettu", "Mottagen", "Received"),
        ["kind"] = ("Ilmoituksen laji", "Typ av anmälan", "Kind"),
        ["status"] = ("Tila", "Status", "Status"),
        ["rag.Red"] = ("Myöhässä", "Försenad", "Overdue"),
        ["rag.Amber"] = ("Lähestyy", "Närmar sig", "Due soon"),
        ["rag.Green"] = ("Ajallaan", "I tid", "On track"),
        ["deadline.decision"] = ("Päätös arvioinnin aloittamisesta", "Beslut om bedömning", "Decision on the assessment"),
        ["deadline.assessment"] = ("Arviointi valmis", "Bedömningen klar", "Assessment complete"),
        ["deadlines"] = ("Määräajat", "Tidsfrister", "Deadlines"),
        ["decisionDue"] = ("Päätös viimeistään (LSL 26 § 5 mom., 7. arkipäivä)", "Beslut senast (BsL 26 § 5 mom., 7:e vardagen)", "Decision due (LSL § 26(5), 7th working day)"),
        ["assessmentDue"] = ("Arviointi valmis viimeistään (SHL 36 §, 3 kk)", "Bedömningen klar senast (SVL 36 §, 3 mån)", "Assessment due (SHL § 36, 3 months)"),
        ["overdue"] = ("Myöhässä", "Försenad", "Overdue"),
        ["noDeadlines"] = ("Määräajat alkavat vasta lapsen synnyttyä.", "Tidsfristerna börjar först när barnet är fött.", "The deadlines start only once the child is born."),
        ["obligations"] = ("Avoimet tehtävät", "Öppna uppgifter", "Open tasks"),
        ["blocksClosing"] = ("Estää sulkemisen", "Hindrar avslut", "Blocks closing"),
        ["nothingOpen"] = ("Ei avoimia tehtäviä.", "Inga öppna uppgifter.", "Nothing open."),
        ["notification"] = ("Ilmoitus", "Anmälan", "The notification"),
        ["notifier"] = ("Ilmoittaja", "Anmälare", "Notifier"),
        ["children"] = ("Lapset", "Barn", "Children"),
        ["guardians"] = ("Huoltajat", "Vårdnadshavare", "Guardians"),
        ["concern"] = ("Huoli", "Oro", "Concern"),
        ["reasons"] = ("Syyt", "Orsaker", "Reasons"),
        ["immediateDanger"] = ("Välitön vaara", "Omedelbar fara", "Immediate danger"),
        ["offenceSuspectedFlag"] = ("Epäilty rikos lasta kohtaan", "Misstänkt brott mot barnet", "Offence against the child suspected"),
        ["anonymous"] = ("nimetön", "anonym", "anonymous"),
        ["linkedCases"] = ("Saman lapsen muut asiat", "Samma barns andra ärenden", "Linked cases of the same child"),
        ["noLinkedCases"] = ("Ei muita asioita.", "Inga andra ärenden.", "None."),
        ["partners"] = ("Yhteistyötahojen pyynnöt (SHL 41 §)", "Begäranden till samarbetsparter (SVL 41 §)", "Partner requests (SHL § 41)"),
        ["noPartners"] = ("Ei pyyntöjä.", "Inga begäranden.", "No requests."),
        ["requested"] = ("Pyydetty", "Begärd", "Requested"),
        ["answerBy"] = ("Vastattava viimeistään", "Svar senast", "Answer by"),
        ["answer"] = ("Vastaus", "Svar", "Answer"),
        ["partner.Requested"] = ("Odottaa vastausta", "Väntar på svar", "Waiting for an answer"),
        ["partner.Answered"] = ("Vastattu", "Besvarad", "Answered"),
        ["partner.Waived"] = ("Ei enää tarpeen", "Behövs inte längre", "No longer needed"),
        ["timeline"] = ("Tapahtumat", "Händelser", "Timeline"),
        ["when"] = ("Aika", "Tid", "When"),
        ["what"] = ("Tapahtuma", "Händelse", "What"),
        ["who"] = ("Kuka", "Vem", "Who"),
        ["details"] = ("Tiedot", "Uppgifter", "Details"),
        ["record"] = ("Kirjaa", "Registrera", "Record"),
        ["recordEvents"] = ("Kirjaa", "Registrera", "Record"),
        ["recordHint"] = ("Vain tässä vaiheessa sallitut kirjaukset näytetään.", "Endast registreringar som är tillåtna i detta skede visas.", "Only what may be recorded in this phase is offered."),
        ["closingSummary"] = ("Arvioinnin yhteenveto ja päättäminen (SHL 37 §)", "Sammanfattning och avslutande av bedömningen (SVL 37 §)", "Closing summary of the assessment (SHL § 37)"),
        ["save"] = ("Tallenna", "Spara", "Save"),
        ["yes"] = ("Kyllä", "Ja", "Yes"),
        ["no"] = ("Ei", "Nej", "No"),
        ["optional"] = ("(vapaaehtoinen)", "(frivilligt)", "(optional)"),
        ["choose"] = ("Valitse", "Välj", "Choose"),
        ["atHint"] = ("Jätä tyhjäksi, jos nyt.", "Lämna tomt om nu.", "Leave empty for now."),
        ["errorsTitle"] = ("Kirjausta ei tallennettu: tarkista tiedot", "Registreringen sparades inte: kontrollera uppgifterna", "Nothing was recorded: check the following"),
        ["refusedTitle"] = ("Kirjausta ei hyväksytty", "Registreringen godtogs inte", "Not recorded"),
        ["missing"] = ("Puuttuu", "Saknas", "Missing"),
        ["done"] = ("Kirjattu", "Registrerat", "Recorded"),
        ["doneHint"] = ("Näkyy tapahtumissa, kun asia on päivittynyt.", "Syns bland händelserna när ärendet har uppdaterats.", "It shows in the timeline once the case has been updated."),
        ["noSuchCase"] = ("Asiaa ei löydy", "Ärendet finns inte", "No such case"),
        ["outcome"] = ("Lopputulos", "Utfall", "Outcome"),

        // Refusals (the workflow's RefusalCode): {0} the event or the subject, {1} the phase.
        ["refusal.NotAllowedInPhase"] = ("Kirjausta ”{0}” ei voi tehdä, kun asian vaihe on ”{1}”.", "”{0}” kan inte registreras när ärendets skede är ”{1}”.", "“{0}” cannot be recorded while the case is at “{1}”."),
        ["refusal.DecideFirst"] = ("Kirjaa ensin päätös aloittaa palvelutarpeen arviointi.", "Registrera först beslutet att inleda bedömningen av servicebehovet.", "Record the decision to start the assessment first."),
        ["refusal.WaitingForBirth"] = ("Asia odottaa lapsen syntymää (LSL 25 c §): kirjaa ensin syntymä.", "Ärendet väntar på födseln (BsL 25 c §): registrera först födseln.", "The case waits for the birth (LSL § 25 c): record the birth first."),
        ["refusal.AlreadyDecided"] = ("Päätös on jo tehty.", "Beslutet är redan fattat.", "The decision has already been made."),
        ["refusal.NotWaitingForBirth"] = ("Syntymän voi kirjata vain ennakolliseen asiaan, joka vielä odottaa syntymää.", "Födseln kan registreras endast i ett föregripande ärende som ännu väntar på den.", "Only a pre-birth case that still waits for the birth can record it."),
        ["refusal.CaseEnded"] = ("Asia on päättynyt: kirjauksia ei voi enää tehdä.", "Ärendet har avslutats: inget mer kan registreras.", "The case has ended: nothing more can be recorded."),
        ["refusal.UnknownEvent"] = ("Tuntematon kirjaus.", "Okänd registrering.", "Unknown event."),
        ["refusal.MissingBeforeNoAssessment"] = ("Jos arviointia ei aloiteta, asia päättyy, ja siitä puuttuu vielä jotain, mitä ennen päättämistä vaaditaan.", "Om ingen bedömning inleds avslutas ärendet, och något som krävs före avslutandet saknas.", "Not starting an assessment closes the case, and something required before closing is missing."),
        ["refusal.MissingBeforeClosing"] = ("Arviointia ei voi vielä päättää: jotain vaadittua puuttuu.", "Bedömningen kan inte avslutas ännu: något som krävs saknas.", "The assessment cannot close yet: something required is missing."),
        ["refusal.NoSuchTeam"] = ("Tiimiä ”{0}” ei ole.", "Teamet ”{0}” finns inte.", "There is no team “{0}”."),
        ["refusal.NoSuchPartnerRequest"] = ("Pyyntöä ”{0}” ei ole.", "Begäran ”{0}” finns inte.", "There is no partner request “{0}”."),
        ["refusal.PartnerRequestAnswered"] = ("Pyyntöön {0} on jo vastattu.", "Begäran {0} har redan besvarats.", "Partner request {0} has already been answered."),
        ["refusal.PartnerRequestWaived"] = ("Pyyntö {0} on jo merkitty tarpeettomaksi.", "Begäran {0} är redan markerad som onödig.", "Partner request {0} is already marked as no longer needed."),
        ["refusal.LinkInvalid"] = ("Yhteistyötahon linkki ei ollut voimassa.", "Samarbetspartens länk var inte giltig.", "The partner's link was not valid."),
        ["refusal.LinkUsed"] = ("Yhteistyötahon linkki oli jo käytetty: vastaus oli saatu.", "Samarbetspartens länk var redan använd: svaret hade kommit.", "The partner's link had been used: the answer was received."),
        ["refusal.LinkNotNeeded"] = ("Yhteistyötahon vastausta ei enää tarvittu.", "Samarbetspartens svar behövdes inte längre.", "The partner's answer was no longer needed."),
        ["refusal.LinkExpired"] = ("Yhteistyötahon linkki oli vanhentunut.", "Samarbetspartens länk hade gått ut.", "The partner's link had expired."),

        // The timeline's details (a history entry's keys; a key without its own entry takes the field's words).
        ["detail.kind"] = ("Laji", "Typ", "Kind"),
        ["detail.notifierType"] = ("Ilmoittaja", "Anmälare", "Notifier"),
        ["detail.children"] = ("Lapsia", "Barn", "Children"),
        ["detail.immediateDanger"] = ("Välitön vaara", "Omedelbar fara", "Immediate danger"),
        ["detail.offenceSuspected"] = ("Rikosepäily", "Misstanke om brott", "Offence suspected"),
        ["detail.receivedAt"] = ("Vastaanotettu", "Mottagen", "Received"),
        ["detail.decisionDue"] = ("Päätös viimeistään", "Beslut senast", "Decision due"),
        ["detail.assessmentDue"] = ("Arviointi valmis viimeistään", "Bedömningen klar senast", "Assessment due"),
        ["detail.due"] = ("Määräaika", "Tidsfrist", "Due"),
        ["detail.urgent"] = ("Kiireellinen", "Brådskande", "Urgent"),
        ["detail.startAssessment"] = ("Arviointi aloitetaan", "Bedömning inleds", "Assessment started"),
        ["detail.namedWorkerNeeded"] = ("Omatyöntekijä tarpeen", "Egen arbetstagare behövs", "Named worker needed"),
        ["detail.caseId"] = ("Asia", "Ärende", "Case"),
        ["detail.email"] = ("Viesti", "Meddelande", "Message"),
        ["detail.organisation"] = ("Organisaatio", "Organisation", "Organisation"),
        ["detail.event"] = ("Kirjaus", "Registrering", "Event"),
        ["detail.code"] = ("Syy", "Orsak", "Why"),
        ["detail.refusal"] = ("Hylkäys", "Avvisning", "Refusal"),
        ["detail.subject"] = ("Kohde", "Gäller", "Concerns"),
        ["detail.worker"] = ("Työntekijä", "Arbetstagare", "Worker"),
        ["NotAllowedNow"] = ("Ei sallittu nyt", "Inte tillåtet nu", "Not allowed now"),
        ["InvalidInput"] = ("Virheellinen", "Ogiltig", "Invalid"),

        // Emails (the kind an EmailQueued entry names).
        ["email.Receipt"] = ("Vastaanottokuittaus ilmoittajalle", "Mottagningskvitto till anmälaren", "Receipt to the notifier"),
        ["email.Urgent"] = ("Kiireellinen hälytys päivystykseen", "Brådskande larm till jouren", "Urgent alert to on-call"),
        ["email.NotifierDecision"] = ("Päätöksen tieto ilmoittajalle", "Besked om beslutet till anmälaren", "Decision told to the notifier"),
        ["email.PartnerRequest"] = ("Pyyntö yhteistyötaholle", "Begäran till samarbetspart", "Request to a partner"),
        ["email.PartnerReminder"] = ("Muistutus yhteistyötaholle", "Påminnelse till samarbetspart", "Reminder to a partner"),
        ["email.DecisionReminder"] = ("Muistutus: päätös erääntyy", "Påminnelse: beslutet ska fattas", "Reminder: decision due"),
        ["email.DecisionEscalation"] = ("Eskalointi: päätös puuttuu", "Eskalering: beslut saknas", "Escalation: no decision"),
        ["email.NotifierContactReminder"] = ("Muistutus: ota yhteyttä ilmoittajaan", "Påminnelse: kontakta anmälaren", "Reminder: contact the notifier"),
        ["email.InformFamilyReminder"] = ("Muistutus: kerro lapselle ja huoltajille", "Påminnelse: informera barnet och vårdnadshavarna", "Reminder: tell the child and guardians"),
        ["email.AssessmentReminder"] = ("Muistutus: arviointi erääntyy", "Påminnelse: bedömningen ska bli klar", "Reminder: assessment due"),
        ["email.AssessmentEscalation"] = ("Eskalointi: arviointi myöhässä", "Eskalering: bedömningen försenad", "Escalation: assessment overdue"),
        ["email.PartnerNotAnswering"] = ("Yhteistyötaho ei ole vastannut", "Samarbetsparten har inte svarat", "A partner has not answered"),

        // Phases.
        ["AwaitingBirth"] = ("Odottaa syntymää", "Väntar på födseln", "Awaiting the birth"),
        ["AwaitingDecision"] = ("Odottaa päätöstä", "Väntar på beslut", "Awaiting the decision"),
        ["Assessing"] = ("Arviointi käynnissä", "Bedömning pågår", "Assessment under way"),
        ["ReadyToClose"] = ("Valmis päätettäväksi", "Klar att avslutas", "Ready to close"),
        ["Closed"] = ("Päättynyt", "Avslutat", "Closed"),
        ["Running"] = ("Avoin", "Öppet", "Open"),
        ["Completed"] = ("Päättynyt", "Avslutat", "Completed"),
        ["Terminated"] = ("Keskeytetty", "Avbrutet", "Terminated"),

        // Events (the forms' titles and the timeline).
        ["NotificationReceived"] = ("Ilmoitus vastaanotettu", "Anmälan mottagen", "Notification received"),
        ["NotificationRegistered"] = ("Ilmoitus kirjattu jälkikäteen", "Anmälan registrerad i efterhand", "Notification registered afterwards"),
        ["RoutedToTeam"] = ("Ohjattu tiimille", "Styrd till team", "Routed to team"),
        ["UrgencyAssessed"] = ("Kiireellisyys arvioitu (LSL 26 § 1 mom.)", "Brådskande behov bedömt (BsL 26 § 1 mom.)", "Urgency assessed (LSL § 26(1))"),
        ["NotifierContacted"] = ("Ilmoittajaan oltu yhteydessä", "Kontakt med anmälaren", "Notifier contacted"),
        ["NotifierContactImpossible"] = ("Ilmoittajaan ei voi olla yhteydessä", "Anmälaren kan inte kontaktas", "Notifier cannot be contacted"),
        ["ChildAndGuardiansInformed"] = ("Lapselle ja huoltajille kerrottu", "Barnet och vårdnadshavarna informerade", "Child and guardians informed"),
        ["DecisionMade"] = ("Päätös palvelutarpeen arvioinnista (LSL 26 § 5 mom.)", "Beslut om bedömning av servicebehovet (BsL 26 § 5 mom.)", "Decision on the service-need assessment (LSL § 26(5))"),
        ["PartnerInputRequested"] = ("Pyydä yhteistyötahon tietoja (SHL 41 §)", "Begär uppgifter av samarbetspart (SVL 41 §)", "Ask a partner for input (SHL § 41)"),
        ["PartnerInputWaived"] = ("Yhteistyötahon vastaus ei enää tarpeen", "Svar från samarbetspart behövs inte", "Partner's answer no longer needed"),
        ["PartnerInputReceived"] = ("Yhteistyötaho vastasi", "Samarbetsparten svarade", "Partner answered"),
        ["ChildMet"] = ("Lapsi tavattu (LSL 29 §)", "Barnet träffat (BsL 29 §)", "Child met (LSL § 29)"),
        ["ChildNotMet"] = ("Lasta ei tavattu", "Barnet inte träffat", "Child not met"),
        ["ChildViewsRecorded"] = ("Lapsen näkemys kirjattu (SHL 36 § 4 mom.)", "Barnets åsikt registrerad (SVL 36 § 4 mom.)", "Child's views recorded (SHL § 36(4))"),
        ["GuardiansHeard"] = ("Huoltajia kuultu", "Vårdnadshavarna hörda", "Guardians heard"),
        ["OffenceSuspected"] = ("Rikosepäily (LSL 25 § 3 mom.)", "Misstanke om brott (BsL 25 § 3 mom.)", "Offence suspected (LSL § 25(3))"),
        ["PoliceReportFiled"] = ("Ilmoitus poliisille tehty", "Anmälan till polisen gjord", "Police report filed"),
        ["Reassigned"] = ("Siirrä asia", "Överför ärendet", "Reassign"),
        ["TransferredOut"] = ("Siirretty toiselle alueelle (LSL 25 d §)", "Överfört till annat område (BsL 25 d §)", "Transferred to another region (LSL § 25 d)"),
        ["AssessmentCompleted"] = ("Arviointi valmis", "Bedömningen klar", "Assessment completed"),
        ["ChildBorn"] = ("Lapsi syntynyt (LSL 25 c §)", "Barnet fött (BsL 25 c §)", "Child born (LSL § 25 c)"),
        ["PreBirthCaseClosed"] = ("Ennakollinen asia päätetty", "Föregripande ärende avslutat", "Pre-birth case closed"),
        ["DeadlinesSet"] = ("Määräajat asetettu", "Tidsfrister satta", "Deadlines set"),
        ["LinkedToOpenCase"] = ("Liitetty saman lapsen avoimeen asiaan", "Kopplat till barnets öppna ärende", "Linked to an open case of the child"),
        ["EmailQueued"] = ("Sähköposti lähtöjonossa", "E-post i kö", "Email queued"),
        ["EmailSent"] = ("Sähköposti lähetetty", "E-post skickad", "Email sent"),
        ["DecisionOverdue"] = ("Päätöksen määräaika ylittyi", "Tidsfristen för beslutet överskreds", "Decision overdue"),
        ["AssessmentOverdue"] = ("Arvioinnin määräaika ylittyi", "Tidsfristen för bedömningen överskreds", "Assessment overdue"),
        ["Terminated"] = ("Asia keskeytetty", "Ärendet avbrutet", "Case terminated"),
        ["RelatedNotificationReceived"] = ("Uusi ilmoitus samasta lapsesta", "Ny anmälan om samma barn", "New notification about the same child"),
        ["EventRefused"] = ("Kirjaus hylätty", "Registrering avvisad", "Event refused"),
        ["CaseTerminated"] = ("Asia keskeytetty", "Ärendet avbrutet", "Case terminated"),
        ["CaseClosed"] = ("Asia päättynyt", "Ärendet avslutat", "Case closed"),

        // Fields.
        ["urgent"] = ("Onko lastensuojelun tarve kiireellinen?", "Är behovet av barnskydd brådskande?", "Is the need for child welfare urgent?"),
        ["note"] = ("Muistiinpano", "Anteckning", "Note"),
        ["how"] = ("Miten", "Hur", "How"),
        ["at"] = ("Milloin", "När", "When"),
        ["reason"] = ("Perustelu", "Motivering", "Reason"),
        ["startAssessment"] = ("Aloitetaanko palvelutarpeen arviointi?", "Inleds en bedömning av servicebehovet?", "Start a service-need assessment?"),
        ["partner.kind"] = ("Yhteistyötaho", "Samarbetspart", "Partner"),
        ["partner.organisation"] = ("Organisaatio", "Organisation", "Organisation"),
        ["partner.name"] = ("Yhteyshenkilö", "Kontaktperson", "Contact person"),
        ["partner.email"] = ("Sähköpostiosoite", "E-postadress", "Email address"),
        ["partner.language"] = ("Kieli", "Språk", "Language"),
        ["question"] = ("Kysymys", "Fråga", "Question"),
        ["partnerRequestId"] = ("Pyyntö", "Begäran", "Request"),
        ["identityCode"] = ("Lapsen henkilötunnus", "Barnets personbeteckning", "The child's identity code"),
        ["region"] = ("Alue", "Område", "Region"),
        ["worker"] = ("Työntekijän sähköposti", "Arbetstagarens e-post", "Worker's email"),
        ["summary.situationAndServiceNeeds"] = ("Tilanne ja palveluntarve", "Situation och servicebehov", "Situation and service needs"),
        ["summary.conclusionOnClientStatus"] = ("Johtopäätös asiakkuudesta", "Slutsats om klientskapet", "Conclusion on client status"),
        ["summary.clientView"] = ("Asiakkaan mielipide", "Klientens åsikt", "The client's view"),
        ["summary.childView"] = ("Lapsen mielipide", "Barnets åsikt", "The child's view"),
        ["summary.namedWorkerNeeded"] = ("Tarvitaanko omatyöntekijä (SHL 42 §)?", "Behövs en egen arbetstagare (SVL 42 §)?", "Is a named worker needed (SHL § 42)?"),

        // Choices.
        ["phone"] = ("Puhelin", "Telefon", "Phone"), ["meeting"] = ("Tapaaminen", "Möte", "Meeting"),
        ["email"] = ("Sähköposti", "E-post", "Email"), ["letter"] = ("Kirje", "Brev", "Letter"),
        ["school"] = ("Koulu", "Skola", "School"), ["daycare"] = ("Varhaiskasvatus", "Småbarnspedagogik", "Day care"),
        ["childHealthClinic"] = ("Neuvola", "Rådgivning", "Child health clinic"), ["healthCare"] = ("Terveydenhuolto", "Hälso- och sjukvård", "Health care"),
        ["mentalHealth"] = ("Mielenterveyspalvelut", "Mentalvårdstjänster", "Mental-health services"), ["substanceServices"] = ("Päihdepalvelut", "Missbrukartjänster", "Substance services"),
        ["familyCounselling"] = ("Perheneuvola", "Familjerådgivning", "Family counselling"), ["police"] = ("Poliisi", "Polisen", "Police"), ["other"] = ("Muu", "Annan", "Other"),
        ["fi"] = ("suomi", "finska", "Finnish"), ["sv"] = ("ruotsi", "svenska", "Swedish"), ["en"] = ("englanti", "engelska", "English"),
        ["childWelfareClient"] = ("Lastensuojelun asiakkuus alkaa", "Klientskap inom barnskyddet", "Child-welfare client"),
        ["socialWelfareServices"] = ("Sosiaalihuollon palvelut", "Socialvårdstjänster", "Social-welfare services"),
        ["noFurtherServices"] = ("Ei jatkotoimia", "Inga fortsatta åtgärder", "No further services"),
        ["childWelfare"] = ("Lastensuojeluilmoitus", "Barnskyddsanmälan", "Child-welfare notification"),
        ["jointContact"] = ("Yhteydenotto yhdessä perheen kanssa", "Kontakt tillsammans med familjen", "Contact together with the family"),
        ["preBirth"] = ("Ennakollinen lastensuojeluilmoitus", "Föregripande barnskyddsanmälan", "Pre-birth notification"),
        ["professional"] = ("Ammattilainen", "Yrkesperson", "Professional"), ["private"] = ("Yksityishenkilö", "Privatperson", "Private person"),

        // Obligations (ClosingRules' codes).
        ["obligation.decision"] = ("Päätös palvelutarpeen arvioinnista 7 arkipäivän kuluessa", "Beslut om bedömning inom 7 vardagar", "Decide on the assessment by the 7th working day"),
        ["obligation.informChildAndGuardians"] = ("Kerro lapselle ja huoltajille ilmoituksesta", "Informera barnet och vårdnadshavarna", "Tell the child and guardians"),
        ["obligation.notifierContact"] = ("Ole yhteydessä ilmoittajaan tai kirjaa, miksi ei voi", "Kontakta anmälaren eller registrera varför inte", "Contact the notifier, or record why not"),
        ["obligation.childMeeting"] = ("Tapaa lapsi tai kirjaa, miksi ei", "Träffa barnet eller registrera varför inte", "Meet the child, or record why not"),
        ["obligation.policeReport"] = ("Tee ilmoitus poliisille", "Gör en anmälan till polisen", "File the police report"),
        ["obligation.partnerInput"] = ("Odottaa yhteistyötahon vastausta", "Väntar på svar från samarbetspart", "Waiting for a partner's answer"),
        ["obligation.childBorn"] = ("Kirjaa syntymä tai päätä asia", "Registrera födseln eller avsluta ärendet", "Record the birth, or close the case"),
    };
}
