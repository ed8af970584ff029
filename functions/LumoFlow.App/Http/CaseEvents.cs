using System.Security.Cryptography;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Http;

/// <summary>
/// The events staff can raise (<c>POST /api/cases/{id}/events/{eventName}</c>) and how each body becomes a domain event.
/// The rules about when an event is allowed and what it causes are the workflow's (<see cref="CaseWorkflow"/>).
/// </summary>
public static class CaseEvents
{
    public static readonly string[] ContactChannels = ["phone", "meeting", "email", "letter"];
    public static readonly string[] PartnerKinds =
        ["school", "daycare", "childHealthClinic", "healthCare", "mentalHealth", "substanceServices", "familyCounselling", "police", "other"];
    public static readonly string[] Outcomes = ["childWelfareClient", "socialWelfareServices", "noFurtherServices"];

    private delegate CaseEvent? Parse(EventRequest body, DateTimeOffset now);

    private static readonly Dictionary<string, Parse> Parsers = new(StringComparer.Ordinal)
    {
        [nameof(UrgencyAssessed)] = (b, _) => Build(b, () => new UrgencyAssessed(b.Bool("urgent", true) ?? false, b.Text("note", false))),
        [nameof(NotifierContacted)] = (b, now) => Build(b, () => new NotifierContacted(b.Text("how", true, oneOf: ContactChannels)!, b.Time("at", now, now), b.Text("note", false))),
        [nameof(NotifierContactImpossible)] = (b, _) => Build(b, () => new NotifierContactImpossible(b.Text("reason", true, 1000)!)),
        [nameof(DecisionMade)] = (b, _) => Build(b, () => new DecisionMade(b.Bool("startAssessment", true) ?? false, b.Text("reason", true)!)),
        [nameof(ChildAndGuardiansInformed)] = (b, now) => Build(b, () => new ChildAndGuardiansInformed(b.Time("at", now, now), b.Text("how", true, 100)!)),
        [nameof(PartnerInputRequested)] = (b, _) => Build(b, () =>
        {
            var partner = b.Object("partner", true);
            var result = partner is null ? null : new Partner(
                partner.Text("kind", true, oneOf: PartnerKinds)!,
                partner.Text("organisation", true, 200)!,
                partner.Text("name", false, 200),
                partner.Email("email", true)!,
                partner.Text("language", false, oneOf: ["fi", "sv", "en"]));
            b.Absorb("partner", partner);
            // The single-use link's secret: 256 random bits, drawn here because the workflow does no I/O.
            return new PartnerInputRequested(result!, b.Text("question", true)!, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant());
        }),
        [nameof(PartnerInputWaived)] = (b, _) => Build(b, () => new PartnerInputWaived(b.Text("partnerRequestId", true, 20)!, b.Text("reason", true, 1000)!)),
        [nameof(ChildMet)] = (b, now) => Build(b, () => new ChildMet(b.Time("at", now, now), b.Text("how", true, 100)!, b.Text("note", false))),
        [nameof(ChildNotMet)] = (b, _) => Build(b, () => new ChildNotMet(b.Text("reason", true, 2000)!)),
        [nameof(ChildViewsRecorded)] = (b, _) => Build(b, () => new ChildViewsRecorded(b.Text("note", true)!)),
        [nameof(GuardiansHeard)] = (b, _) => Build(b, () => new GuardiansHeard(b.Text("note", true)!)),
        [nameof(OffenceSuspected)] = (b, _) => Build(b, () => new OffenceSuspected(b.Text("note", false))),
        [nameof(PoliceReportFiled)] = (b, now) => Build(b, () => new PoliceReportFiled(b.Time("at", now, now))),
        [nameof(Reassigned)] = (b, _) => Build(b, () =>
        {
            var team = b.Text("team", false, 100);
            var worker = b.Email("worker", false);
            if (team is null && worker is null && b.Errors.Count == 0) b.Error("team", "give a team, a worker (email address), or both");
            return new Reassigned(team, worker);
        }),
        [nameof(TransferredOut)] = (b, now) => Build(b, () => new TransferredOut(b.Text("region", true, 200)!, b.Time("at", now, now))),
        [nameof(AssessmentCompleted)] = (b, _) => Build(b, () =>
        {
            var outcome = b.Text("outcome", true, oneOf: Outcomes);
            var s = b.Object("summary", true);
            var summary = s is null ? null : new AssessmentSummary(
                s.Text("situationAndServiceNeeds", true)!,
                s.Text("conclusionOnClientStatus", true)!,
                s.Text("clientView", true)!,
                s.Text("childView", true)!,
                s.Bool("namedWorkerNeeded", true) ?? false);
            b.Absorb("summary", s);
            return new AssessmentCompleted(outcome!, summary!);
        }),
        [nameof(ChildBorn)] = (b, _) => Build(b, () =>
        {
            var code = b.Text("identityCode", true, 11);
            if (code is not null && PersonalIdentityCode.Validate(code) is { } problem) b.Error("identityCode", $"is not a valid Finnish personal identity code: {problem}");
            return new ChildBorn(code!);
        }),
        [nameof(PreBirthCaseClosed)] = (b, _) => Build(b, () => new PreBirthCaseClosed(b.Text("reason", true, 2000)!)),
    };

    public static IReadOnlyCollection<string> Names => Parsers.Keys;

    /// <summary>The domain event for <paramref name="eventName"/>, or the field errors; null event and no errors for an unknown name.</summary>
    public static (CaseEvent? Event, IReadOnlyDictionary<string, string[]> Errors) Read(string eventName, System.Text.Json.JsonElement body, string actor, DateTimeOffset now)
    {
        if (!Parsers.TryGetValue(eventName, out var parse)) return (null, new Dictionary<string, string[]>());
        var request = new EventRequest(body);
        var caseEvent = parse(request, now);
        return request.Errors.Count > 0 ? (null, request.Errors) : (caseEvent! with { Actor = actor }, request.Errors);
    }

    /// <summary>Builds the event, unless a field was bad (then the half-built values are never used).</summary>
    private static CaseEvent? Build(EventRequest body, Func<CaseEvent> build)
    {
        var built = build();
        return body.Errors.Count > 0 ? null : built;
    }
}
