namespace LumoFlow.Benchmarks;

/// <summary>
/// One LumoFlow lifecycle, the README's walk-through: a notification with the notifier's email (a receipt goes out), then
/// NotifierContacted, DecisionMade (the professional notifier is told), ChildAndGuardiansInformed,
/// PartnerInputRequested (the partner gets a link), the partner's answer, ChildMet and AssessmentCompleted. Each step is
/// what a staff member (or the partner) does over HTTP; the case closes at the end.
/// </summary>
public static class Walkthrough
{
    public sealed record Step(string What, Func<BenchApp, HttpClient, string, Task> Run);

    public static string PartnerEmail(string id) => $"school-{id.ToLowerInvariant()}@koulu.example.test";

    public static readonly IReadOnlyList<Step> Events =
    [
        new("NotifierContacted", (_, staff, id) => LumoFlowDriver.RaiseAsync(staff, id, "NotifierContacted", new { how = "phone", note = "Kerrottu jatkosta." })),
        new("DecisionMade (+ notifier email)", (_, staff, id) => LumoFlowDriver.RaiseAsync(staff, id, "DecisionMade", new { startAssessment = true, reason = "Huoli vaatii selvittämistä." })),
        new("ChildAndGuardiansInformed", (_, staff, id) => LumoFlowDriver.RaiseAsync(staff, id, "ChildAndGuardiansInformed", new { how = "letter" })),
        new("PartnerInputRequested (+ partner email)", (_, staff, id) => LumoFlowDriver.RaiseAsync(staff, id, "PartnerInputRequested", new
        {
            partner = new { kind = "school", organisation = "Kuopion Keskuskoulu", name = "Rehtori", email = PartnerEmail(id) },
            question = "Miten lapsi on voinut koulussa tänä syksynä?",
        })),
        new("PartnerInputReceived (the partner's form)", (app, _, id) => LumoFlowDriver.AnswerPartnerAsync(app, id, PartnerEmail(id))),
        new("ChildMet", (_, staff, id) => LumoFlowDriver.RaiseAsync(staff, id, "ChildMet", new { how = "home visit", note = "Lapsi kertoi koulusta." })),
        new("AssessmentCompleted", (_, staff, id) => LumoFlowDriver.RaiseAsync(staff, id, "AssessmentCompleted", new
        {
            outcome = "socialWelfareServices",
            summary = new
            {
                situationAndServiceNeeds = "Perhe tarvitsee tukea arkeen.",
                conclusionOnClientStatus = "Lastensuojelun asiakkuus ei ole tarpeen; sosiaalihuollon palvelut riittävät.",
                clientView = "Vanhemmat ottavat tuen vastaan.",
                childView = "Lapsi toivoo apua läksyihin.",
                namedWorkerNeeded = true,
            },
        })),
    ];
}
