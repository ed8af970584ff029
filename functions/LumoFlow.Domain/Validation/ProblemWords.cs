using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Validation;

/// <summary>
/// Every problem's words, in Finnish, Swedish and English. The English is the API's message, word for word what clients
/// have always been answered; <c>{0}</c> is the problem's argument (a number, a list, an example).
/// </summary>
public static class ProblemWords
{
    private static readonly Phrase IdentityCodePrefix = new("ei ole kelvollinen henkilötunnus: ", "är inte en giltig personbeteckning: ",
        "is not a valid Finnish personal identity code: ");

    /// <summary>What is wrong with an identity code, on its own (<see cref="Notifications.PersonalIdentityCode.Validate"/>).</summary>
    public static readonly IReadOnlyDictionary<ProblemCode, Phrase> IdentityCodeReasons = new Dictionary<ProblemCode, Phrase>
    {
        [ProblemCode.IdentityCodeLength] = new("siinä on oltava 11 merkkiä (ppkkvvXnnnT)", "den ska ha 11 tecken (ddmmååXnnnT)", "must be 11 characters DDMMYYCZZZQ"),
        [ProblemCode.IdentityCodeCenturySign] = new("tuntematon välimerkki", "okänt sekeltecken", "unknown century sign"),
        [ProblemCode.IdentityCodeDate] = new("päivämäärää ei ole olemassa", "datumet finns inte", "not a real date"),
        [ProblemCode.IdentityCodeIndividualNumber] = new("yksilönumeron on oltava 002–899", "individnumret ska vara 002–899", "individual number must be 002–899"),
        [ProblemCode.IdentityCodeCheckCharacter] = new("tarkistusmerkki ei täsmää", "kontrolltecknet stämmer inte", "check character does not match"),
        [ProblemCode.IdentityCodeControlCharacters] = new("siinä on näkymättömiä ohjaus- tai muotoilumerkkejä (esim. sarkain tai nollalevyinen väli)",
            "den innehåller osynliga styr- eller formateringstecken (t.ex. tabb eller nollbreddsmellanslag)",
            "contains invisible control or format characters (such as a tab, a zero-width space or a direction mark)"),
    };

    private static readonly Dictionary<ProblemCode, Phrase> Words = new()
    {
        [ProblemCode.Required] = new("pakollinen tieto", "obligatorisk uppgift", "is required"),
        [ProblemCode.RequiredYesNo] = new("valitse kyllä tai ei", "välj ja eller nej", "is required (true or false)"),
        [ProblemCode.MustBeString] = new("anna teksti", "ange en text", "must be a string"),
        [ProblemCode.MustBeTrueOrFalse] = new("valitse kyllä tai ei", "välj ja eller nej", "must be true or false"),
        [ProblemCode.MustBeObject] = new("puuttuu", "saknas", "must be an object"),
        [ProblemCode.TooLong] = new("saa olla enintään {0} merkkiä", "får vara högst {0} tecken", "must be at most {0} characters"),
        [ProblemCode.MustBeOneOf] = new("valitse jokin vaihtoehdoista", "välj ett av alternativen", "must be one of: {0}"),
        [ProblemCode.NotIsoTime] = new("anna aika ISO 8601 -muodossa aikavyöhykkeineen", "ange tiden i ISO 8601-form med tidszon",
            "must be an ISO 8601 time with an offset, e.g. {0}"),
        [ProblemCode.InFuture] = new("ei voi olla tulevaisuudessa", "kan inte vara i framtiden", "cannot be in the future"),
        [ProblemCode.NotAPhoneNumber] = new("ei ole puhelinnumero", "är inte ett telefonnummer", "is not a phone number"),
        [ProblemCode.NotAnEmailAddress] = new("ei ole sähköpostiosoite", "är inte en e-postadress", "is not an email address"),
        [ProblemCode.NotADate] = new("ei ole päivämäärä (muodossa p.k.vvvv)", "är inte ett datum (i formen d.m.åååå)", "is not a date (d.m.yyyy)"),
        [ProblemCode.NotAnIsoDate] = new("ei ole päivämäärä", "är inte ett datum", "{0} is a date, yyyy-MM-dd"),

        [ProblemCode.NotifierType] = new("valitse, ilmoitatko työsi puolesta vai yksityishenkilönä", "välj om du anmäler i ditt arbete eller som privatperson",
            "must be 'professional' or 'private'"),
        [ProblemCode.ProfessionalNotAnonymous] = new("ilmoitusvelvollinen ei voi ilmoittaa nimettömänä", "den som har anmälningsplikt kan inte anmäla anonymt",
            "a professional (duty-bound) notifier cannot be anonymous"),
        [ProblemCode.ProfessionalGivesContact] = new("ilmoitusvelvollinen antaa puhelinnumeron tai sähköpostiosoitteen",
            "den som har anmälningsplikt anger telefonnummer eller e-postadress", "a professional notifier gives a phone number or an email address"),
        [ProblemCode.NotALanguage] = new("valitse suomi, ruotsi tai englanti", "välj finska, svenska eller engelska", "must be 'fi', 'sv' or 'en'"),
        [ProblemCode.NotAChildLanguage] = new("valitse suomi, ruotsi tai muu", "välj finska, svenska eller annat", "must be 'fi', 'sv' or 'other'"),
        [ProblemCode.ChildRequired] = new("anna ainakin yhden lapsen tiedot", "ange uppgifter om minst ett barn", "at least one child is required"),
        [ProblemCode.TooManyChildren] = new("enintään {0} lasta yhdessä ilmoituksessa", "högst {0} barn i en anmälan", "at most {0} children per notification"),
        [ProblemCode.TooManyGuardians] = new("enintään {0} huoltajaa", "högst {0} vårdnadshavare", "at most {0} guardians"),
        [ProblemCode.RequiredForPreBirth] = new("pakollinen ennakollisessa ilmoituksessa", "obligatoriskt i en föregripande anmälan",
            "is required for a pre-birth notification"),
        [ProblemCode.UnbornHasNoIdentityCode] = new("syntymättömällä lapsella ei ole henkilötunnusta", "ett ofött barn har ingen personbeteckning",
            "an unborn child has no identity code"),
        [ProblemCode.DateOfBirthMismatch] = new("ei vastaa henkilötunnusta", "stämmer inte med personbeteckningen", "does not match the identity code"),
        [ProblemCode.IdentityCodeOrDateOfBirth] = new("anna henkilötunnus tai, jos sitä ei tiedetä, syntymäaika",
            "ange personbeteckningen eller, om den inte är känd, födelsedatum", "give the identity code or, if it is not known, the dateOfBirth"),
        [ProblemCode.ConcernRequired] = new("pakollinen tieto: kerro huolesta omin sanoin", "obligatorisk uppgift: beskriv oron med egna ord",
            "is required: describe the concern in your own words"),
        [ProblemCode.UnknownReason] = new("tuntematon huolen aihe", "okänd orsak", "unknown reason; use one of: {0}"),
        [ProblemCode.JointContactByProfessional] = new("yhteydenoton yhdessä perheen kanssa (lastensuojelulaki 25 a §) tekee ilmoitusvelvollinen",
            "en kontakt tillsammans med familjen (barnskyddslagen 25 a §) görs av den som har anmälningsplikt",
            "a joint contact (LSL § 25 a) is made by a duty-bound professional"),
        [ProblemCode.ReceivedAtStaffOnly] = new("vain sosiaalityöntekijä voi antaa vastaanottoajan", "bara socialarbetaren kan ange mottagningstiden",
            "only staff registering a notification received by phone or in person may set the time of receipt; leave it out"),
        [ProblemCode.ReceivedAtTooOld] = new("ei voi olla yli vuoden takaa", "kan inte vara mer än ett år tillbaka", "cannot be more than a year in the past"),

        [ProblemCode.GiveOne] = new("anna ainakin yksi tieto", "ange minst en uppgift", "give at least one of the fields"),
        [ProblemCode.MeasureOnlyWhenUrgent] = new("kiireellinen toimenpide kirjataan vain, kun tarve on kiireellinen",
            "en brådskande åtgärd registreras endast när behovet är brådskande", "an urgent measure is recorded only when the need is urgent"),
        [ProblemCode.ChildNotIdentified] = new("kerro jotain, mistä lapsi tunnistetaan: nimi, ikä tai syntymäaika, henkilötunnus tai missä lapsi asuu tai nähtiin",
            "ange något som identifierar barnet: namn, ålder eller födelsedatum, personbeteckning eller var barnet bor eller sågs",
            "give something that identifies the child: a name, an age or date of birth, an identity code, or where the child lives or was seen"),
        [ProblemCode.NotAChildsAge] = new("ikä ei ole lapsen ikä (0–17 vuotta)", "åldern är inte ett barns ålder (0–17 år)", "is not a child's age (0–17 years)"),
        [ProblemCode.TeamOrWorker] = new("anna tiimi, työntekijän sähköpostiosoite tai molemmat", "ange ett team, arbetstagarens e-postadress eller båda",
            "give a team, a worker (email address), or both"),
        [ProblemCode.ReasonRequired] = new("kirjoita syy (enintään {0} merkkiä)", "skriv orsaken (högst {0} tecken)", "give the reason (at most {0} characters)"),
        [ProblemCode.TerminationReasonRequired] = new("kirjoita keskeyttämisen syy (enintään {0} merkkiä)", "skriv orsaken till avbrottet (högst {0} tecken)",
            "give the reason for terminating (at most {0} characters)"),
        [ProblemCode.EventDetailsNotObject] = new("kirjauksen tietojen on oltava JSON-objekti", "registreringens uppgifter ska vara ett JSON-objekt",
            "the event's details must be a JSON object"),

        // The administrators' list and THL's report: the API's English names the parameter ({0}) and what it may be.
        [ProblemCode.NotARuntimeStatus] = new("tuntematon tila", "okänd status", "'{0}' is not a runtime status: {1}"),
        [ProblemCode.NotAPhase] = new("tuntematon vaihe", "okänt skede", "'{0}' is not a phase: {1}"),
        [ProblemCode.NotAnOverdueKind] = new("valitse päätös, arviointi tai mikä tahansa", "välj beslut, bedömning eller vilken som helst",
            "overdue is decision, assessment or any"),
        [ProblemCode.EndsBeforeStart] = new("loppupäivä on ennen alkupäivää", "slutdatumet är före startdatumet", "{0} is before {1}"),
        [ProblemCode.NotACaseIdStart] = new("anna asian tunnus tai sen alku (kirjaimia ja numeroita)", "ange ärendets id eller dess början (bokstäver och siffror)",
            "q is a case id or the start of one (letters and digits)"),
        [ProblemCode.NotAnOrder] = new("tuntematon järjestys", "okänd ordning", "orderBy is {0} or {1}"),
        [ProblemCode.NotAPageSize] = new("anna kokonaisluku 1–{0}", "ange ett heltal 1–{0}", "top is a whole number from 1 to {0}"),
        [ProblemCode.NotAContinuationToken] = new("sivutus ei enää kelpaa: avaa lista uudelleen", "bläddringen gäller inte längre: öppna listan igen",
            "not a continuation token of this list (was the order changed?)"),
        [ProblemCode.NotATeam] = new("anna tiimin tunnus", "ange teamets id", "team is a team id"),
        [ProblemCode.PeriodMissing] = new("valitse jakso", "välj en period", "Give a period: {0}."),
        [ProblemCode.NotAPeriod] = new("jakso ei kelpaa", "perioden duger inte", "'{0}' is not a period: use {1}."),
        [ProblemCode.PeriodDatesNotReal] = new("jakson päivämäärät eivät ole todellisia päiviä", "periodens datum är inte verkliga datum",
            "'{0}' is not a period: the dates must be real dates written YYYY-MM-DD ({1})."),
        [ProblemCode.PeriodEndsBeforeStart] = new("jakso päättyy ennen kuin se alkaa", "perioden slutar innan den börjar", "The period '{0}' ends before it begins."),
        [ProblemCode.PeriodTooLong] = new("jakso on pidempi kuin {1} päivää", "perioden är längre än {1} dagar", "The period '{0}' is longer than {1} days."),
    };

    /// <summary>The words for <paramref name="code"/>.</summary>
    public static Phrase For(ProblemCode code) =>
        IdentityCodeReasons.TryGetValue(code, out var reason)
            ? new(IdentityCodePrefix.Fi + reason.Fi, IdentityCodePrefix.Sv + reason.Sv, IdentityCodePrefix.En + reason.En)
            : Words[code];

    /// <summary>Whether every code has its words (a test checks it; <see cref="For"/> throws for one without).</summary>
    public static bool Has(ProblemCode code) => IdentityCodeReasons.ContainsKey(code) || Words.ContainsKey(code);
}
