using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>The words for where a case stands: its phase (<see cref="CasePhase"/>) and its runtime status.</summary>
public static class PhaseWords
{
    public static readonly Vocabulary Phases = new()
    {
        { nameof(CasePhase.AwaitingBirth), new("Odottaa syntymää", "Väntar på födseln", "Awaiting the birth") },
        { nameof(CasePhase.AwaitingDecision), new("Odottaa päätöstä", "Väntar på beslut", "Awaiting the decision") },
        { nameof(CasePhase.Assessing), new("Arviointi käynnissä", "Bedömning pågår", "Assessment under way") },
        { nameof(CasePhase.ReadyToClose), new("Valmis päätettäväksi", "Klar att avslutas", "Ready to close") },
        { nameof(CasePhase.Closing), new("Päättymässä: jäljellä lain velvoitteet", "Avslutas: lagens skyldigheter återstår", "Closing: the law's remaining duties") },
        { nameof(CasePhase.Closed), new("Päättynyt", "Avslutat", "Closed") },
    };

    /// <summary>Durable's runtime statuses as the pages show them (the engine's Suspended and Failed included).</summary>
    public static readonly Vocabulary RuntimeStatuses = new()
    {
        { "Running", new("Avoin", "Öppet", "Running") },
        { "Completed", new("Päättynyt", "Avslutat", "Completed") },
        { "Terminated", new("Keskeytetty", "Avbrutet", "Terminated") },
        { "Suspended", new("Pysäytetty", "Pausat", "Suspended") },
        { "Failed", new("Virhe moottorissa", "Fel i motorn", "Failed") },
    };

    public static string Say(CasePhase phase, string language) => Phases.Say(phase.ToString(), language);
}
