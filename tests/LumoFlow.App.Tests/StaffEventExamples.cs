using System.Text.Json.Nodes;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Tests;

/// <summary>
/// A valid JSON body for any staff event, made from its catalogue entry: every field with a value of its kind. Tests
/// read every event through it, so a new event is covered by its catalogue entry alone.
/// </summary>
public static class StaffEventExamples
{
    /// <summary>A born child's valid identity code (the domain tests' newborn).</summary>
    public const string IdentityCode = "200326A456R";

    public static JsonObject Body(StaffEvent definition, bool requiredOnly = false)
    {
        var body = new JsonObject();
        foreach (var field in definition.Fields.Where(f => f.Required || !requiredOnly))
        {
            var target = field.Group is { } group ? body[group] as JsonObject ?? (JsonObject)(body[group] = new JsonObject()) : body;
            target[field.Name] = Value(field);
        }
        return body;
    }

    public static JsonNode Value(EventField field) => field.Kind switch
    {
        FieldKind.YesNo => JsonValue.Create(true),
        FieldKind.Choice => JsonValue.Create(field.Choices!.Codes[0]),
        FieldKind.Time => JsonValue.Create("2026-04-02T09:00:00+03:00"),
        FieldKind.Date => JsonValue.Create("2020-03-26"),
        FieldKind.Email => JsonValue.Create("someone@kunta.example.test"),
        FieldKind.IdentityCode => JsonValue.Create(IdentityCode),
        FieldKind.PartnerRequest => JsonValue.Create("P1"),
        FieldKind.Team => JsonValue.Create("north"),
        FieldKind.LongText => JsonValue.Create("A note."),
        _ => JsonValue.Create("text"),
    };
}
