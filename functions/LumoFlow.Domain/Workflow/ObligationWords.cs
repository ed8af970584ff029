using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// What each open obligation (<see cref="ClosingRules"/>' codes) asks staff to do. A partner's obligation is coded
/// <c>partnerInput:P1</c>; its words are those of <c>partnerInput</c>.
/// </summary>
public static class ObligationWords
{
    public static readonly Vocabulary All = new()
    {
        { "urgencyAssessment", new("Arvioi heti, tarvitseeko lapsi kiireellisesti lastensuojelua (LSL 26 § 2 mom.)",
            "Bedöm genast om barnet är i brådskande behov av barnskydd (BsL 26 § 2 mom.)", "Assess at once whether the child urgently needs child welfare (LSL § 26(2))") },
        { "identifyChild", new("Selvitä lapsen henkilötunnus", "Ta reda på barnets personbeteckning", "Find out the child's identity code") },
        { "confirmHomeMunicipality", new("Selvitä lapsen kotikunta (asia ohjattiin oletustiimille)", "Ta reda på barnets hemkommun (ärendet styrdes till standardteamet)",
            "Find out the child's home municipality (the case went to the default team)") },
        { "decision", new("Päätös palvelutarpeen arvioinnista 7 arkipäivän kuluessa", "Beslut om bedömning inom 7 vardagar",
            "Decide on the assessment by the 7th working day") },
        { "informChildAndGuardians", new("Kerro ilmoituksesta lapselle ja jokaiselle huoltajalle tai kirjaa laillinen syy, miksi ei",
            "Informera barnet och varje vårdnadshavare om anmälan eller registrera det lagliga skälet till att inte göra det",
            "Tell the child and each guardian of the notification, or record the lawful reason why not") },
        { "clientStatusNotice", new("Kerro asiakkuuden alkamisesta heti lapselle ja huoltajille (LSL 27 § 3 mom.)",
            "Informera genast barnet och vårdnadshavarna om att klientskapet börjat (BsL 27 § 3 mom.)",
            "Tell the child and the guardians at once that client status began (LSL § 27(3))") },
        { "transferDocuments", new("Lähetä asiakirjat uudelle alueelle viipymättä (LSL 25 d §)", "Skicka handlingarna till det nya området utan dröjsmål (BsL 25 d §)",
            "Send the documents to the new region without delay (LSL § 25 d)") },
        { "notifierContact", new("Ole yhteydessä ilmoittajaan tai kirjaa, miksi ei voi", "Kontakta anmälaren eller registrera varför inte",
            "Contact the notifier, or record why not") },
        { "childMeeting", new("Tapaa lapsi tai kirjaa, miksi ei", "Träffa barnet eller registrera varför inte", "Meet the child, or record why not") },
        { "policeReport", new("Tee ilmoitus poliisille heti tai kirjaa, että poliisi jo tietää (LSL 25 § 3 mom.)",
            "Gör genast en anmälan till polisen eller registrera att polisen redan vet (BsL 25 § 3 mom.)",
            "Report to the police at once, or record that they already know (LSL § 25(3))") },
        { "partnerInput", new("Odottaa yhteistyötahon vastausta", "Väntar på svar från samarbetspart", "Waiting for a partner's answer") },
        { "childBorn", new("Kirjaa syntymä tai päätä asia", "Registrera födseln eller avsluta ärendet", "Record the birth, or close the case") },
    };

    /// <summary>The obligation's kind: its code without a request's id (<c>partnerInput:P1</c> → <c>partnerInput</c>).</summary>
    public static string KindOf(string code) => code.Split(':')[0];

    /// <summary>The request's id of a partner's obligation (<c>partnerInput:P1</c> → <c>P1</c>); null for the others.</summary>
    public static string? RequestOf(string code) => code.IndexOf(':') is var i and >= 0 ? code[(i + 1)..] : null;

    public static string Say(string code, string language) => All.Say(KindOf(code), language);
}
