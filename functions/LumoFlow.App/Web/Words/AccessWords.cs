using LumoFlow.Domain.Workflow;
using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>What an access-log entry's action (<see cref="Records.AccessLog"/>) was, in words for the dashboard.</summary>
public static class AccessWords
{
    public static readonly Vocabulary Actions = new()
    {
        { "ReadStatus", new("Luki asian tilan", "Läste ärendets status", "Read the case's status") },
        { "ReadStatusAndHistory", new("Luki asian tilan ja tapahtumat", "Läste ärendets status och händelser", "Read the case's status and history") },
        { "ReadCasePage", new("Avasi asian sivun", "Öppnade ärendets sida", "Opened the case page") },
        { "ReadAdminDetail", new("Avasi asian hallinnassa", "Öppnade ärendet i administrationen", "Opened the case on the dashboard") },
        { "Terminate", new("Keskeytti asian", "Avbröt ärendet", "Terminated the case") },
        { "Suspend", new("Pysäytti asian", "Pausade ärendet", "Suspended the case") },
        { "Resume", new("Jatkoi asiaa", "Återupptog ärendet", "Resumed the case") },
        { "PurgeEngineHistory", new("Poisti moottorin historian", "Rensade motorns historik", "Purged the engine history") },
        { "ListCases", new("Listasi asiat", "Listade ärendena", "Listed the cases") },
        { "ReadSummary", new("Luki työtilanteen", "Läste arbetsläget", "Read the workload") },
        { "Refused", new("Pääsy evätty", "Åtkomst nekad", "Access refused") },
        { "SignInFailed", new("Kirjautuminen epäonnistui", "Inloggningen misslyckades", "Sign-in failed") },
        { "VerifyAccessLog", new("Tarkisti käyttölokin eheyden", "Kontrollerade åtkomstloggens integritet", "Verified the access log") },
    };

    /// <summary>How an entry's caller proved who they were (the access log's <c>Credential</c>).</summary>
    public static readonly Vocabulary Credentials = new()
    {
        { "session", new("Kirjautunut selaimella", "Inloggad i webbläsaren", "Signed in, browser") },
        { "token", new("Tunniste (bearer)", "Token (bearer)", "Bearer token") },
        { "function-key", new("Funktioavain (kone)", "Funktionsnyckel (maskin)", "Function key (machine)") },
        { "system", new("LumoFlow itse", "LumoFlow självt", "LumoFlow itself") },
        { "none", new("Ei tunnistetta", "Ingen identifiering", "No credential") },
        { "entra", new("Entra ID -kirjautuminen", "Inloggning med Entra ID", "Entra ID sign-in") },
        { "dev-sign-in", new("Kehityskäytön kirjautuminen", "Inloggning för utveckling", "Development sign-in") },
    };

    private static readonly Phrase RecordedEvent = new("Kirjasi: {0}", "Registrerade: {0}", "Recorded: {0}");

    /// <summary>The action in words: a recorded event (<c>Event:ChildMet</c>) by the event's title; an unknown one as it is.</summary>
    public static string Say(string action, string language) =>
        action.StartsWith("Event:", StringComparison.Ordinal) && StaffEvents.Find(action["Event:".Length..]) is { } recorded
            ? RecordedEvent.In(language, recorded.Title.In(language))
            : Actions.Say(action, language);
}
