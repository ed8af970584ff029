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
        { "informChildAndGuardians", new("Kerro lapselle ja huoltajille ilmoituksesta", "Informera barnet och vårdnadshavarna",
            "Tell the child and guardians") },
        { "notifierContact", new("Ole yhteydessä ilmoittajaan tai kirjaa, miksi ei voi", "Kontakta anmälaren eller registrera varför inte",
            "Contact the notifier, or record why not") },
        { "childMeeting", new("Tapaa lapsi tai kirjaa, miksi ei", "Träffa barnet eller registrera varför inte", "Meet the child, or record why not") },
        { "policeReport", new("Tee ilmoitus poliisille", "Gör en anmälan till polisen", "File the police report") },
        { "partnerInput", new("Odottaa yhteistyötahon vastausta", "Väntar på svar från samarbetspart", "Waiting for a partner's answer") },
        { "childBorn", new("Kirjaa syntymä tai päätä asia", "Registrera födseln eller avsluta ärendet", "Record the birth, or close the case") },
    };

    /// <summary>The obligation's kind: its code without a request's id (<c>partnerInput:P1</c> → <c>partnerInput</c>).</summary>
    public static string KindOf(string code) => code.Split(':')[0];

    /// <summary>The request's id of a partner's obligation (<c>partnerInput:P1</c> → <c>P1</c>); null for the others.</summary>
    public static string? RequestOf(string code) => code.IndexOf(':') is var i and >= 0 ? code[(i + 1)..] : null;

    public static string Say(string code, string language) => All.Say(KindOf(code), language);
}
