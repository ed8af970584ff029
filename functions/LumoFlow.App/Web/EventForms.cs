using System.Globalization;
using System.Text.Json.Nodes;
using LumoFlow.App.Http;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Web;

/// <summary>
/// A staff event's form on the case page, posted, becomes the event's JSON body — which then takes exactly the API's
/// path (<see cref="CasesApi.TryRaiseAsync"/>, <see cref="EventReader"/>), so the form checks nothing of its own. The
/// fields are the catalogue's (<see cref="StaffEvents"/>); a field's name in the form is its JSON path.
/// </summary>
public static class EventForms
{
    /// <summary>The field's id in the page: unique across the page's forms.</summary>
    public static string Id(string eventName, string path) => $"{eventName}-{path.Replace('.', '-')}";

    /// <summary>
    /// The posted form as the event's JSON body: empty fields left out (the event's own defaults and required checks
    /// apply), yes/no as booleans, a local date and time (Helsinki) as ISO 8601 with its offset.
    /// </summary>
    public static JsonObject ToBody(StaffEvent definition, Func<string, string?> posted)
    {
        var body = new JsonObject();
        foreach (var field in definition.Fields)
        {
            var value = posted(field.Path)?.Trim();
            if (string.IsNullOrEmpty(value)) continue;
            JsonNode node = field.Kind switch
            {
                FieldKind.YesNo when value is "true" or "false" => JsonValue.Create(value == "true"),
                FieldKind.Time when DateTime.TryParseExact(
                        value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) =>
                    JsonValue.Create(HelsinkiTime.AtLocalTime(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
                        .ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(value),
            };
            var target = body;
            if (field.Group is { } group)
                target = body[group] as JsonObject ?? (JsonObject)(body[group] = new JsonObject());
            target[field.Name] = node;
        }
        return body;
    }

    /// <summary>The field a problem is shown at: its own, or, for a group's (<c>partner</c>), the group's first.</summary>
    public static EventField? FieldOf(StaffEvent definition, string path) =>
        definition.Field(path) ?? definition.Fields.FirstOrDefault(f => f.Group == path);
}
