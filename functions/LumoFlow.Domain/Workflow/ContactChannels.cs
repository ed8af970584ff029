using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>How staff reached the notifier (<see cref="NotifierContacted"/>).</summary>
public static class ContactChannels
{
    public static readonly Vocabulary All = new()
    {
        { "phone", new("Puhelin", "Telefon", "Phone") },
        { "meeting", new("Tapaaminen", "Möte", "Meeting") },
        { "email", new("Sähköposti", "E-post", "Email") },
        { "letter", new("Kirje", "Brev", "Letter") },
    };
}
