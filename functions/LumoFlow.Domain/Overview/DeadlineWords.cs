using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Overview;

/// <summary>The words for a case's next deadline (<see cref="NextDeadline.Kind"/>) and its red/amber/green marker.</summary>
public static class DeadlineWords
{
    public static readonly Vocabulary Kinds = new()
    {
        { NextDeadline.Decision, new("Päätös arvioinnin aloittamisesta", "Beslut om bedömning", "the decision on the assessment") },
        { NextDeadline.Assessment, new("Arviointi valmis", "Bedömningen klar", "the assessment complete") },
        { "informFamily", new("Lapselle ja huoltajille kertominen", "Informationen till barnet och vårdnadshavarna", "telling the child and guardians") },
    };

    public static readonly Vocabulary Signals = new()
    {
        { nameof(Rag.Red), new("Myöhässä", "Försenad", "Overdue") },
        { nameof(Rag.Amber), new("Lähestyy", "Närmar sig", "Due soon") },
        { nameof(Rag.Green), new("Ajallaan", "I tid", "On track") },
    };
}
