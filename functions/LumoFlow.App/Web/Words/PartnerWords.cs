using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>What the partner's page says (SHL § 41: a partner answers through the single-use link).</summary>
public static class PartnerWords
{
    public static readonly Phrase Title = new("Pyyntö osallistua palvelutarpeen arviointiin", "Begäran om att delta i en bedömning av servicebehovet",
        "Request to take part in a service-need assessment");
    public static readonly Phrase Intro = new(
        "Sosiaalityöntekijä pyytää tietojanne palvelutarpeen arviointiin (sosiaalihuoltolaki 41 §). Linkki on kertakäyttöinen.",
        "Socialarbetaren ber om era uppgifter till bedömningen av servicebehovet (socialvårdslagen 41 §). Länken kan användas en gång.",
        "The social worker asks for your input to a service-need assessment (Social Welfare Act § 41). The link works once.");
    public static readonly Phrase Reference = new("Viite", "Referens", "Reference");
    public static readonly Phrase Organisation = new("Organisaatio", "Organisation", "Organisation");
    public static readonly Phrase AnswerBy = new("Vastaa viimeistään", "Svara senast", "Answer by");
    public static readonly Phrase Question = new("Kysymys", "Fråga", "Question");
    public static readonly Phrase Answer = new("Vastauksenne", "Ert svar", "Your answer");
    public static readonly Phrase Respondent = new("Vastaajan nimi (vapaaehtoinen)", "Namn (frivilligt)", "Your name (optional)");
    public static readonly Phrase Send = new("Lähetä vastaus", "Skicka svaret", "Send the answer");
    public static readonly Phrase AnswerMissing = new("Kirjoita vastaus (enintään 10 000 merkkiä).", "Skriv ett svar (högst 10 000 tecken).",
        "Write an answer (at most 10,000 characters).");
    public static readonly Phrase ThanksTitle = new("Kiitos", "Tack", "Thank you");
    public static readonly Phrase Thanks = new("Vastauksenne on vastaanotettu. Linkki ei ole enää käytössä.", "Ert svar har tagits emot. Länken kan inte användas igen.",
        "Your answer has been received. The link can no longer be used.");
    public static readonly Phrase ClosedTitle = new("Linkki ei ole enää käytössä", "Länken används inte längre", "This link is no longer in use");
    public static readonly Phrase Used = new("Tähän pyyntöön on jo vastattu. Linkki toimii vain kerran.", "Begäran har redan besvarats. Länken fungerar bara en gång.",
        "This request has already been answered. The link works only once.");
    public static readonly Phrase Waived = new("Sosiaalityöntekijä ei enää tarvitse vastausta tähän pyyntöön.", "Socialarbetaren behöver inte längre ett svar på denna begäran.",
        "The social worker no longer needs an answer to this request.");
    public static readonly Phrase Expired = new("Linkin voimassaolo on päättynyt. Ota tarvittaessa yhteyttä sosiaalityöntekijään.",
        "Länken har gått ut. Kontakta vid behov socialarbetaren.", "This link has expired. Contact the social worker if needed.");
    public static readonly Phrase CaseClosed = new("Arviointi on päättynyt, eikä vastauksia enää oteta vastaan.", "Bedömningen har avslutats och svar tas inte längre emot.",
        "The assessment has been closed and answers are no longer accepted.");
    public static readonly Phrase InvalidTitle = new("Linkki ei kelpaa", "Ogiltig länk", "Invalid link");
    public static readonly Phrase Invalid = new("Linkki on virheellinen. Tarkista, että kopioit sen kokonaan.", "Länken är felaktig. Kontrollera att du kopierade hela länken.",
        "The link is not valid. Check that you copied all of it.");
    public static readonly Phrase SendTheForm = new("Lähetä lomake sivulta.", "Skicka formuläret från sidan.", "Send the form from the page.");
}
