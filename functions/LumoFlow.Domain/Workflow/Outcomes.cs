using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>How a case ends (<see cref="CaseState.Outcome"/>).</summary>
public static class Outcomes
{
    public const string ChildWelfareClient = "childWelfareClient";
    public const string NoAssessment = "noAssessment";
    public const string Transferred = "transferred";
    public const string HandledInOpenAssessment = "handledInOpenAssessment";

    /// <summary>SHL § 37: what the completed service-need assessment concludes (<see cref="AssessmentCompleted"/>).</summary>
    public static readonly Vocabulary OfAssessment = new()
    {
        { "childWelfareClient", new("Lastensuojelun asiakkuus alkaa", "Klientskap inom barnskyddet", "Child-welfare client") },
        { "socialWelfareServices", new("Sosiaalihuollon palvelut", "Socialvårdstjänster", "Social-welfare services") },
        { "noFurtherServices", new("Ei jatkotoimia", "Inga fortsatta åtgärder", "No further services") },
    };

    /// <summary>Every way a case can end: an assessment's outcome, or one of the other ends.</summary>
    public static readonly Vocabulary OfCase = new()
    {
        { "childWelfareClient", OfAssessment.WordsFor("childWelfareClient")! },
        { "socialWelfareServices", OfAssessment.WordsFor("socialWelfareServices")! },
        { "noFurtherServices", OfAssessment.WordsFor("noFurtherServices")! },
        { "noAssessment", new("Arviointia ei aloitettu", "Ingen bedömning inleddes", "No assessment started") },
        { "transferred", new("Siirretty toiselle alueelle", "Överfört till ett annat område", "Transferred to another region") },
        { "handledInOpenAssessment", new("Käsitelty lapsen avoimessa arvioinnissa", "Behandlad i barnets pågående bedömning", "Handled in the child's open assessment") },
        { "closedBeforeBirth", new("Päätetty ennen syntymää", "Avslutat före födseln", "Closed before the birth") },
        { "terminated", new("Keskeytetty", "Avbrutet", "Terminated") },
    };
}
