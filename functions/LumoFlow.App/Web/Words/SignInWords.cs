using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>What the staff sign-in says (the development sign-in's form, Entra ID's return).</summary>
public static class SignInWords
{
    public static readonly Phrase Title = new("Kirjaudu sisään", "Logga in", "Sign in");
    public static readonly Phrase DevNotice = new(
        "Kehityskäytön kirjautuminen: kerro kuka olet, niin saat allekirjoitetun tunnisteen samoin tiedoin kuin Entra ID:stä. Vain paikalliseen kehitykseen.",
        "Inloggning för utveckling: ange vem du är så får du en signerad token med samma uppgifter som från Entra ID. Endast för lokal utveckling.",
        "Development sign-in: say who you are and get a signed token with the same claims as one from Entra ID. For local development only.");
    public static readonly Phrase Name = new("Nimi", "Namn", "Name");
    public static readonly Phrase Account = new("Käyttäjätunnus (sähköpostiosoite)", "Användarnamn (e-postadress)", "Account (email address)");
    public static readonly Phrase Role = new("Rooli", "Roll", "Role");
    public static readonly Phrase Team = new("Tiimi", "Team", "Team");
    public static readonly Phrase TeamHint = new("Sosiaalityöntekijä ja tiiminvetäjä näkevät vain oman tiiminsä asiat.",
        "Socialarbetare och teamledare ser bara sitt eget teams ärenden.", "A social worker and a team lead see only their own team's cases.");
    public static readonly Phrase NoTeam = new("Ei tiimiä", "Inget team", "No team");
    public static readonly Phrase SignInButton = new("Kirjaudu", "Logga in", "Sign in");
    public static readonly Phrase ErrorsTitle = new("Tarkista seuraavat tiedot", "Kontrollera följande uppgifter", "Check the following");
    public static readonly Phrase NameMissing = new("Kirjoita nimesi.", "Skriv ditt namn.", "Write your name.");
    public static readonly Phrase AccountMissing = new("Anna käyttäjätunnus sähköpostiosoitteena.", "Ange användarnamnet som e-postadress.", "Give the account as an email address.");
    public static readonly Phrase RoleMissing = new("Valitse rooli.", "Välj en roll.", "Choose a role.");
    public static readonly Phrase TeamMissing = new("Valitse tiimi (sosiaalityöntekijällä ja tiiminvetäjällä on tiimi).",
        "Välj ett team (socialarbetare och teamledare har ett team).", "Choose a team (a social worker and a team lead have one).");
    public static readonly Phrase Expired = new("Lomake on vanhentunut. Avaa sivu uudelleen.", "Formuläret har gått ut. Öppna sidan igen.",
        "The form has expired. Open the page again.");
    public static readonly Phrase NotConfigured = new("Kirjautumista ei ole otettu käyttöön.", "Inloggningen har inte tagits i bruk.", "Sign-in has not been set up.");
    public static readonly Phrase Failed = new("Kirjautuminen ei onnistunut", "Inloggningen misslyckades", "Sign-in failed");
    public static readonly Phrase TryAgain = new("Yritä uudelleen.", "Försök igen.", "Try again.");
    public static readonly Phrase SignedIn = new("Kirjauduttu", "Inloggad", "Signed in");
    public static readonly Phrase Continue = new("Jatka", "Fortsätt", "Continue");
    public static readonly Phrase SignedOutTitle = new("Kirjauduttu ulos", "Utloggad", "Signed out");
    public static readonly Phrase SignedOut = new("Olet kirjautunut ulos LumoFlow'sta.", "Du har loggat ut från LumoFlow.",
        "You have signed out of LumoFlow.");
    public static readonly Phrase SignInAgain = new("Kirjaudu uudelleen", "Logga in igen", "Sign in again");

    /// <summary>The app roles (the token's <c>roles</c> claim) in words.</summary>
    public static readonly Vocabulary Roles = new()
    {
        { "Admin", new("Pääkäyttäjä", "Huvudanvändare", "Administrator") },
        { "TeamLead", new("Tiiminvetäjä", "Teamledare", "Team lead") },
        { "SocialWorker", new("Sosiaalityöntekijä", "Socialarbetare", "Social worker") },
        { "System", new("Järjestelmä (LumoFlow itse)", "System (LumoFlow självt)", "System (LumoFlow itself)") },
        { "Integration", new("Integraatio (funktioavain)", "Integration (funktionsnyckel)", "Integration (function key)") },
    };
}
