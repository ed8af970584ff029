using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// A refusal (<see cref="RefusalCode"/>) in the reader's language. A refusal by phase says which event cannot be
/// recorded in which phase, and for the common cases what to record first; the others say what they are about
/// (<see cref="WorkflowRefusal.Subject"/>: a team, a partner request).
/// </summary>
public static class RefusalWords
{
    /// <summary>{0}: the event, {1}: the phase.</summary>
    private static readonly Phrase NotInPhase = new("Kirjausta ”{0}” ei voi tehdä, kun asian vaihe on ”{1}”.",
        "”{0}” kan inte registreras när ärendets skede är ”{1}”.", "“{0}” cannot be recorded while the case is at “{1}”.");

    /// <summary>What a refusal says; {0} is its subject, where it has one.</summary>
    private static readonly Dictionary<RefusalCode, Phrase> Words = new()
    {
        [RefusalCode.NotAllowedInPhase] = new("", "", ""),
        [RefusalCode.DecideFirst] = new("Kirjaa ensin päätös aloittaa palvelutarpeen arviointi.",
            "Registrera först beslutet att inleda bedömningen av servicebehovet.", "Record the decision to start the assessment first."),
        [RefusalCode.WaitingForBirth] = new("Asia odottaa lapsen syntymää (LSL 25 c §): kirjaa ensin syntymä.",
            "Ärendet väntar på födseln (BsL 25 c §): registrera först födseln.", "The case waits for the birth (LSL § 25 c): record the birth first."),
        [RefusalCode.AlreadyDecided] = new("Päätös on jo tehty.", "Beslutet är redan fattat.", "The decision has already been made."),
        [RefusalCode.UrgencyFirst] = new("Kirjaa ensin kiireellisyyden arvio (LSL 26 § 2 mom.): se tehdään heti, ennen kuin asia ratkaistaan, siirretään tai päätetään.",
            "Registrera först bedömningen av brådskandet (BsL 26 § 2 mom.): den görs genast, innan ärendet avgörs, överförs eller avslutas.",
            "Record the urgency assessment first (LSL § 26(2)): it comes at once, before the case is decided, transferred or closed."),
        [RefusalCode.NoSuchMunicipality] = new("Kunnalle ”{0}” ei ole tiimiä.", "Kommunen ”{0}” har inget team.", "No team takes cases of “{0}”."),
        [RefusalCode.NotWaitingForBirth] = new("Syntymän voi kirjata vain ennakolliseen asiaan, joka vielä odottaa syntymää.",
            "Födseln kan registreras endast i ett föregripande ärende som ännu väntar på den.", "Only a pre-birth case that still waits for the birth can record it."),
        [RefusalCode.CaseEnded] = new("Asia on päättynyt: kirjauksia ei voi enää tehdä.", "Ärendet har avslutats: inget mer kan registreras.",
            "The case has ended: nothing more can be recorded."),
        [RefusalCode.UnknownEvent] = new("Tuntematon kirjaus.", "Okänd registrering.", "Unknown event."),
        [RefusalCode.MissingBeforeClosing] = new("Asiaa ei voi vielä päättää: jotain vaadittua puuttuu.",
            "Ärendet kan inte avslutas ännu: något som krävs saknas.", "The case cannot close yet: something required is missing."),
        [RefusalCode.MissingBeforeTransfer] = new(
            "Asiaa ei voi vielä siirtää (LSL 25 d §): ilmoitus poliisille tai perheelle kertominen on vielä tekemättä.",
            "Ärendet kan inte överföras ännu (BsL 25 d §): anmälan till polisen eller informationen till familjen saknas.",
            "The case cannot be transferred yet (LSL § 25 d): the police report or telling the family is still open."),
        [RefusalCode.NotTransferring] = new("Asiaa ei ole siirretty: kirjaa ensin siirto toiselle alueelle.",
            "Ärendet har inte överförts: registrera först överföringen till ett annat område.",
            "The case is not being transferred: record the transfer to another region first."),
        [RefusalCode.ClientStatusAlreadyStarted] = new("Lastensuojelun asiakkuus on jo alkanut.", "Klientskapet inom barnskyddet har redan börjat.",
            "Child-welfare client status has begun already."),
        [RefusalCode.NotALinkedCase] = new("Asia {0} ei ole saman lapsen avoin asia, johon tämä on liitetty.",
            "Ärendet {0} är inte ett öppet ärende för samma barn som detta är kopplat till.",
            "Case {0} is not an open case of the same child linked to this one."),
        [RefusalCode.NotAnOpenAssessment] = new("Asiassa {0} ei ole käynnissä arviointia, johon tämän voisi ottaa.",
            "Ärendet {0} har ingen pågående bedömning att ta in detta i.", "Case {0} has no assessment under way to take this into."),
        [RefusalCode.BirthDateMismatch] = new("Syntymäpäivä {0} ei vastaa henkilötunnusta.", "Födelsedagen {0} stämmer inte med personbeteckningen.",
            "The day of birth {0} does not match the identity code."),
        [RefusalCode.BornInFuture] = new("Syntymäpäivä {0} on tulevaisuudessa.", "Födelsedagen {0} ligger i framtiden.", "The day of birth {0} is in the future."),
        [RefusalCode.NoSuchTeam] = new("Tiimiä ”{0}” ei ole.", "Teamet ”{0}” finns inte.", "There is no team “{0}”."),
        [RefusalCode.NoSuchPartnerRequest] = new("Pyyntöä ”{0}” ei ole.", "Begäran ”{0}” finns inte.", "There is no partner request “{0}”."),
        [RefusalCode.PartnerRequestAnswered] = new("Pyyntöön {0} on jo vastattu.", "Begäran {0} har redan besvarats.", "Partner request {0} has already been answered."),
        [RefusalCode.PartnerRequestWaived] = new("Pyyntö {0} on jo merkitty tarpeettomaksi.", "Begäran {0} är redan markerad som onödig.",
            "Partner request {0} is already marked as no longer needed."),
        [RefusalCode.LinkInvalid] = new("Yhteistyötahon linkki ei ollut voimassa.", "Samarbetspartens länk var inte giltig.", "The partner's link was not valid."),
        [RefusalCode.LinkUsed] = new("Yhteistyötahon linkki oli jo käytetty: vastaus oli saatu.", "Samarbetspartens länk var redan använd: svaret hade kommit.",
            "The partner's link had been used: the answer was received."),
        [RefusalCode.LinkNotNeeded] = new("Yhteistyötahon vastausta ei enää tarvittu.", "Samarbetspartens svar behövdes inte längre.",
            "The partner's answer was no longer needed."),
        [RefusalCode.LinkExpired] = new("Yhteistyötahon linkki oli vanhentunut.", "Samarbetspartens länk hade gått ut.", "The partner's link had expired."),
    };

    /// <summary>Whether the code has words (a test checks every code).</summary>
    public static bool Has(RefusalCode code) => Words.ContainsKey(code);

    /// <summary>The refusal of <paramref name="eventName"/> in <paramref name="phase"/>, in <paramref name="language"/>.</summary>
    public static string Say(string language, RefusalCode refusal, string? subject, string eventName, CasePhase phase)
    {
        var notInPhase = NotInPhase.In(language, HistoryWords.Entry(eventName)?.In(language) ?? eventName, PhaseWords.Say(phase, language));
        return refusal switch
        {
            RefusalCode.NotAllowedInPhase => notInPhase,
            RefusalCode.DecideFirst or RefusalCode.WaitingForBirth or RefusalCode.AlreadyDecided or RefusalCode.NotWaitingForBirth =>
                $"{notInPhase} {Words[refusal].In(language)}",
            _ => Words[refusal].In(language, subject ?? ""),
        };
    }
}
