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

    private static readonly Phrase RecordedEvent = new("Kirjasi: {0}", "Registrerade: {0}", "Recorded: {0}");

    /// <summary>The action in words: a recorded event (<c>Event:ChildMet</c>) by the event's title; an unknown one as it is.</summary>
    public static string Say(string action, string language) =>
        action.StartsWith("Event:", StringComparison.Ordinal) && StaffEvents.Find(action["Event:".Length..]) is { } recorded
            ? RecordedEvent.In(language, recorded.Title.In(language))
            : Actions.Say(action, language);
}
