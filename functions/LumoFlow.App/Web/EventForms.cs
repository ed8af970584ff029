using System.Globalization;
using System.Text.Json.Nodes;
using LumoFlow.App.Http;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Web;

/// <summary>
/// The social workers' form for each staff event: which fields it has, and how a posted form becomes the event's JSON
/// body — which then takes exactly the API's path (<see cref="CasesApi.TryRaiseAsync"/>, <see cref="CaseEvents"/>), so
/// the form checks nothing of its own. A field's name is its JSON path (<c>partner.email</c>), as the API's errors name it.
/// </summary>
public static class EventForms
{
    public enum FieldKind { Text, LongText, Email, YesNo, Choice, DateTime, PartnerRequest, Team }

    public sealed record Field(string Path, FieldKind Kind, bool Required, IReadOnlyList<string>? Choices = null);

    /// <summary>Every staff event's form, in the order the case page offers them.</summary>
    public static readonly IReadOnlyList<(string Event, IReadOnlyList<Field> Fields)> All =
    [
        (nameof(UrgencyAssessed), [new("urgent", FieldKind.YesNo, true), new("note", FieldKind.LongText, false)]),
        (nameof(NotifierContacted), [new("how", FieldKind.Choice, true, CaseEvents.ContactChannels), new("at", FieldKind.DateTime, false), new("note", FieldKind.LongText, false)]),
        (nameof(NotifierContactImpossible), [new("reason", FieldKind.LongText, true)]),
        (nameof(ChildAndGuardiansInformed), [new("how", FieldKind.Text, true), new("at", FieldKind.DateTime, false)]),
        (nameof(DecisionMade), [new("startAssessment", FieldKind.YesNo, true), new("reason", FieldKind.LongText, true)]),
        (nameof(PartnerInputRequested), [
            new("partner.kind", FieldKind.Choice, true, CaseEvents.PartnerKinds), new("partner.organisation", FieldKind.Text, true),
            new("partner.name", FieldKind.Text, false), new("partner.email", FieldKind.Email, true),
            new("partner.language", FieldKind.Choice, false, ["fi", "sv", "en"]), new("question", FieldKind.LongText, true)]),
        (nameof(PartnerInputWaived), [new("partnerRequestId", FieldKind.PartnerRequest, true), new("reason", FieldKind.LongText, true)]),
        (nameof(ChildMet), [new("how", FieldKind.Text, true), new("at", FieldKind.DateTime, false), new("note", FieldKind.LongText, false)]),
        (nameof(ChildNotMet), [new("reason", FieldKind.LongText, true)]),
        (nameof(ChildViewsRecorded), [new("note", FieldKind.LongText, true)]),
        (nameof(GuardiansHeard), [new("note", FieldKind.LongText, true)]),
        (nameof(OffenceSuspected), [new("note", FieldKind.LongText, false)]),
        (nameof(PoliceReportFiled), [new("at", FieldKind.DateTime, false)]),
        (nameof(ChildBorn), [new("identityCode", FieldKind.Text, true)]),
        (nameof(PreBirthCaseClosed), [new("reason", FieldKind.LongText, true)]),
        (nameof(TransferredOut), [new("region", FieldKind.Text, true), new("at", FieldKind.DateTime, false)]),
        (nameof(Reassigned), [new("team", FieldKind.Team, false), new("worker", FieldKind.Email, false)]),
        // SHL § 37: the closing summary, its own form on the page.
        (nameof(AssessmentCompleted), [
            new("outcome", FieldKind.Choice, true, CaseEvents.Outcomes),
            new("summary.situationAndServiceNeeds", FieldKind.LongText, true), new("summary.conclusionOnClientStatus", FieldKind.LongText, true),
            new("summary.clientView", FieldKind.LongText, true), new("summary.childView", FieldKind.LongText, true),
            new("summary.namedWorkerNeeded", FieldKind.YesNo, true)]),
    ];

    public static IReadOnlyList<Field>? FieldsOf(string eventName) => All.FirstOrDefault(f => f.Event == eventName).Fields;

    /// <summary>The event's type, for the workflow's phase rule (<see cref="CaseWorkflow.IsAllowed"/>).</summary>
    public static Type TypeOf(string eventName) => typeof(CaseEvent).Assembly.GetType($"{typeof(CaseEvent).Namespace}.{eventName}")!;

    /// <summary>The field's id in the page: unique across the page's forms.</summary>
    public static string Id(string eventName, string path) => $"{eventName}-{path.Replace('.', '-')}";

    /// <summary>
    /// The posted form as the event's JSON body: empty fields left out (the event's own defaults and required checks
    /// apply), yes/no as booleans, a local date and time (Helsinki) as ISO 8601 with its offset.
    /// </summary>
    public static JsonObject ToBody(string eventName, Func<string, string?> posted)
    {
        var body = new JsonObject();
        foreach (var field in FieldsOf(eventName) ?? [])
        {
            var value = posted(field.Path)?.Trim();
            if (string.IsNullOrEmpty(value)) continue;
            JsonNode node = field.Kind switch
            {
                FieldKind.YesNo when value is "true" or "false" => JsonValue.Create(value == "true"),
                FieldKind.DateTime when DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) =>
                    JsonValue.Create(HelsinkiTime.AtLocalTime(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(value),
            };
            var parts = field.Path.Split('.');
            var target = body;
            foreach (var part in parts[..^1])
                target = target[part] as JsonObject ?? (JsonObject)(target[part] = new JsonObject());
            target[parts[^1]] = node;
        }
        return body;
    }
}
