using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>What every page's frame says (the layout, the field components), and the error pages.</summary>
public static class CommonWords
{
    public static readonly Phrase Skip = new("Siirry sisältöön", "Till innehållet", "Skip to content");
    public static readonly Phrase Navigation = new("Päävalikko", "Huvudmeny", "Main menu");
    public static readonly Phrase LanguageSwitch = new("Kieli", "Språk", "Language");
    public static readonly Phrase SignOut = new("Kirjaudu ulos", "Logga ut", "Sign out");
    public static readonly Phrase MyCases = new("Oman tiimin asiat", "Teamets ärenden", "My team's cases");
    public static readonly Phrase AllCases = new("Kaikki avoimet asiat", "Alla öppna ärenden", "All open cases");
    public static readonly Phrase Dashboard = new("Hallinta", "Administration", "Dashboard");
    public static readonly Phrase Compliance = new("Määräaikojen noudattaminen", "Tidsfristerna", "Deadline compliance");
    public static readonly Phrase Yes = new("Kyllä", "Ja", "Yes");
    public static readonly Phrase No = new("Ei", "Nej", "No");
    public static readonly Phrase Optional = new("(vapaaehtoinen)", "(frivilligt)", "(optional)");
    public static readonly Phrase Choose = new("Valitse", "Välj", "Choose");
    public static readonly Phrase None = new("ei mitään", "inget", "none");

    // The staff gate's pages (401, 403) and the others a person may land on.
    public static readonly Phrase SignInTitle = new("Kirjaudu sisään", "Logga in", "Sign in");
    public static readonly Phrase SignInNeeded = new("Tämä sivu on työntekijöille. Kirjaudu sisään jatkaaksesi.",
        "Sidan är för personalen. Logga in för att fortsätta.", "This page is for staff. Sign in to go on.");
    public static readonly Phrase ForbiddenTitle = new("Ei käyttöoikeutta", "Ingen behörighet", "Not allowed");
    public static readonly Phrase Forbidden = new("Sinulla ei ole oikeutta tähän sivuun tai asiaan.", "Du har inte behörighet till den här sidan eller ärendet.",
        "You may not see this page or this case.");
    public static readonly Phrase FormExpiredTitle = new("Lomake on vanhentunut", "Formuläret har gått ut", "The form has expired");
    public static readonly Phrase FormExpired = new("Avaa sivu uudelleen ja lähetä lomake siltä.", "Öppna sidan igen och skicka formuläret därifrån.",
        "Open the page again and send the form from it.");
    public static readonly Phrase NotFoundTitle = new("Sivua ei löydy", "Sidan finns inte", "Page not found");
    public static readonly Phrase NotFound = new("Tässä osoitteessa ei ole sivua. Tarkista osoite.", "Det finns ingen sida på den här adressen. Kontrollera adressen.",
        "There is no page at this address. Check the address.");
    public static readonly Phrase FrontPage = new("Lastensuojeluilmoitus", "Barnskyddsanmälan", "The notification form");
    public static readonly Phrase NoSuchCaseTitle = new("Asiaa ei löydy", "Ärendet finns inte", "No such case");
    public static readonly Phrase NoSuchCase = new("Asiaa {0} ei ole.", "Ärendet {0} finns inte.", "There is no case {0}.");
    public static readonly Phrase ErrorTitle = new("Jotain meni vikaan", "Något gick fel", "Something went wrong");
    public static readonly Phrase Error = new("Pyyntöä ei voitu käsitellä, eikä mitään tallennettu puolittain. Yritä hetken kuluttua uudelleen.",
        "Begäran kunde inte behandlas och inget sparades till hälften. Försök igen om en stund.",
        "The request could not be handled, and nothing was half-stored. Try again in a moment.");
    public static readonly Phrase UnreadableTitle = new("Lomaketta ei voitu lukea", "Formuläret kunde inte läsas", "The form could not be read");
    public static readonly Phrase Unreadable = new("Mitään ei tallennettu. Avaa sivu uudelleen ja lähetä lomake siltä.",
        "Inget sparades. Öppna sidan igen och skicka formuläret därifrån.", "Nothing was stored. Open the page again and send the form from it.");
    public static readonly Phrase TooLargeTitle = new("Lomake on liian suuri", "Formuläret är för stort", "The form is too large");
    public static readonly Phrase TooLarge = new("Lomakkeessa voi lähettää enintään {0} kilotavua. Lyhennä tekstiä ja lähetä uudelleen.",
        "Formuläret får vara högst {0} kilobyte. Korta texten och skicka igen.", "A form may hold at most {0} kilobytes. Shorten the text and send it again.");
    public static readonly Phrase StorageTitle = new("Tallennus ei ole juuri nyt käytettävissä", "Lagringen är inte tillgänglig just nu", "Storage is unavailable right now");
    public static readonly Phrase Storage = new("Mitään ei tallennettu. Lähetä uudelleen {0} sekunnin kuluttua.", "Inget sparades. Skicka igen om {0} sekunder.",
        "Nothing was stored. Send it again in {0} seconds.");
}
