using System.Text.RegularExpressions;

namespace LumoFlow.App.Web;

/// <summary>
/// The notification validator's messages in Finnish and Swedish. <see cref="LumoFlow.Domain.Notifications.NotificationValidator"/>
/// speaks English (the API's clients read it), and its rules must not be copied into the form just to word them
/// differently; so the form looks each message up here — by its exact English text, or by a pattern for the ones with a
/// number or a list in them — and shows the English one when a message is not known (a test checks that none is missing).
/// </summary>
public static partial class ValidationMessages
{
    private static readonly Dictionary<string, (string Fi, string Sv)> Exact = new(StringComparer.Ordinal)
    {
        ["is required"] = ("pakollinen tieto", "obligatorisk uppgift"),
        ["must be an object"] = ("puuttuu", "saknas"),
        ["a professional (duty-bound) notifier cannot be anonymous"] =
            ("ilmoitusvelvollinen ei voi ilmoittaa nimettömänä", "den som har anmälningsplikt kan inte anmäla anonymt"),
        ["a professional notifier gives a phone number or an email address"] =
            ("ilmoitusvelvollinen antaa puhelinnumeron tai sähköpostiosoitteen", "den som har anmälningsplikt anger telefonnummer eller e-postadress"),
        ["must be 'professional' or 'private'"] =
            ("valitse, ilmoitatko työsi puolesta vai yksityishenkilönä", "välj om du anmäler i ditt arbete eller som privatperson"),
        ["is not a phone number"] = ("ei ole puhelinnumero", "är inte ett telefonnummer"),
        ["is not an email address"] = ("ei ole sähköpostiosoite", "är inte en e-postadress"),
        ["must be 'fi', 'sv' or 'en'"] = ("valitse suomi, ruotsi tai englanti", "välj finska, svenska eller engelska"),
        ["must be 'fi', 'sv' or 'other'"] = ("valitse suomi, ruotsi tai muu", "välj finska, svenska eller annat"),
        ["at least one child is required"] = ("anna ainakin yhden lapsen tiedot", "ange uppgifter om minst ett barn"),
        ["is required for a pre-birth notification"] =
            ("pakollinen ennakollisessa ilmoituksessa", "obligatoriskt i en föregripande anmälan"),
        ["an unborn child has no identity code"] =
            ("syntymättömällä lapsella ei ole henkilötunnusta", "ett ofött barn har ingen personbeteckning"),
        ["does not match the identity code"] = ("ei vastaa henkilötunnusta", "stämmer inte med personbeteckningen"),
        ["give the identity code or, if it is not known, the dateOfBirth"] =
            ("anna henkilötunnus tai, jos sitä ei tiedetä, syntymäaika", "ange personbeteckningen eller, om den inte är känd, födelsedatum"),
        ["cannot be in the future"] = ("ei voi olla tulevaisuudessa", "kan inte vara i framtiden"),
        ["is required: describe the concern in your own words"] =
            ("pakollinen tieto: kerro huolesta omin sanoin", "obligatorisk uppgift: beskriv oron med egna ord"),
        ["a joint contact (LSL § 25 a) is made by a duty-bound professional"] =
            ("yhteydenoton yhdessä perheen kanssa (lastensuojelulaki 25 a §) tekee ilmoitusvelvollinen", "en kontakt tillsammans med familjen (barnskyddslagen 25 a §) görs av den som har anmälningsplikt"),
        ["only staff registering a notification received by phone or in person may set the time of receipt; leave it out"] =
            ("vain sosiaalityöntekijä voi antaa vastaanottoajan", "bara socialarbetaren kan ange mottagningstiden"),
        ["cannot be more than a year in the past"] = ("ei voi olla yli vuoden takaa", "kan inte vara mer än ett år tillbaka"),
        // PersonalIdentityCode.Validate's reasons, which follow "is not a valid Finnish personal identity code: ".
        ["must be 11 characters DDMMYYCZZZQ"] = ("siinä on oltava 11 merkkiä (ppkkvvXnnnT)", "den ska ha 11 tecken (ddmmååXnnnT)"),
        ["unknown century sign"] = ("tuntematon välimerkki", "okänt sekeltecken"),
        ["not a real date"] = ("päivämäärää ei ole olemassa", "datumet finns inte"),
        ["individual number must be 002–899"] = ("yksilönumeron on oltava 002–899", "individnumret ska vara 002–899"),
        ["check character does not match"] = ("tarkistusmerkki ei täsmää", "kontrolltecknet stämmer inte"),
    };

    /// <summary>Messages with a number or a list in them: the English pattern and the translations, <c>{0}</c> for what it captured.</summary>
    private static readonly (Regex English, string Fi, string Sv, bool TranslateCapture)[] Patterns =
    [
        (MustBeAtMost(), "saa olla enintään {0} merkkiä", "får vara högst {0} tecken", false),
        (AtMostChildren(), "enintään {0} lasta yhdessä ilmoituksessa", "högst {0} barn i en anmälan", false),
        (AtMostGuardians(), "enintään {0} huoltajaa", "högst {0} vårdnadshavare", false),
        (MustBeOneOf(), "valitse jokin vaihtoehdoista", "välj ett av alternativen", false),
        (UnknownReason(), "tuntematon huolen aihe", "okänd orsak", false),
        (IsoTime(), "anna aika ISO 8601 -muodossa aikavyöhykkeineen", "ange tiden i ISO 8601-form med tidszon", false),
        (InvalidIdentityCode(), "ei ole kelvollinen henkilötunnus: {0}", "är inte en giltig personbeteckning: {0}", true),
    ];

    /// <summary>The message in <paramref name="language"/> (fi, sv); null when there is no translation (or the language is English).</summary>
    public static string? TryTranslate(string message, string language)
    {
        if (language is not ("fi" or "sv")) return null;
        if (Exact.TryGetValue(message, out var exact)) return language == "fi" ? exact.Fi : exact.Sv;
        foreach (var (english, fi, sv, translateCapture) in Patterns)
        {
            var match = english.Match(message);
            if (!match.Success) continue;
            var captured = match.Groups.Count > 1 ? match.Groups[1].Value : "";
            if (translateCapture)
            {
                // The inner reason must be known too, or the whole message stays English.
                if (TryTranslate(captured, language) is not { } inner) return null;
                captured = inner;
            }
            return string.Format(language == "fi" ? fi : sv, captured);
        }
        return null;
    }

    /// <summary>The message in <paramref name="language"/>, or the English one when no translation is known.</summary>
    public static string Translate(string message, string language) => TryTranslate(message, language) ?? message;

    [GeneratedRegex(@"^must be at most (\d+) characters$")] private static partial Regex MustBeAtMost();
    [GeneratedRegex(@"^at most (\d+) children per notification$")] private static partial Regex AtMostChildren();
    [GeneratedRegex(@"^at most (\d+) guardians$")] private static partial Regex AtMostGuardians();
    [GeneratedRegex(@"^must be one of: (.+)$")] private static partial Regex MustBeOneOf();
    [GeneratedRegex(@"^unknown reason; use one of: (.+)$")] private static partial Regex UnknownReason();
    [GeneratedRegex(@"^must be an ISO 8601 time with an offset, e\.g\. (.+)$")] private static partial Regex IsoTime();
    [GeneratedRegex(@"^is not a valid Finnish personal identity code: (.+)$")] private static partial Regex InvalidIdentityCode();
}
