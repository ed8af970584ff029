using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Http;

/// <summary>
/// Reads a staff event's JSON body (<c>POST /api/cases/{id}/events/{eventName}</c>, or a page's form turned into the
/// same JSON) by its catalogue entry (<see cref="StaffEvents"/>): each field by its kind, every problem named by the
/// field's JSON path so that a 400 lists them all at once. The rules about when an event is allowed and what it causes
/// are the workflow's.
/// </summary>
public static class EventReader
{
    /// <summary>The event, or the problems with its fields (then no event).</summary>
    /// <param name="childKeyOf">The child index's key of a valid identity code (<see cref="Records.ChildIndex.KeyOf"/>).</param>
    public static (CaseEvent? Event, FieldProblems Problems) Read(StaffEvent definition, JsonElement body, string actor, DateTimeOffset now,
        Func<PersonalIdentityCode, string> childKeyOf)
    {
        var problems = new FieldProblems();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in definition.Fields.GroupBy(f => f.Group))
        {
            var source = body;
            if (group.Key is { } name)
            {
                var present = body.TryGetProperty(name, out source) && source.ValueKind != JsonValueKind.Null;
                if (present && source.ValueKind != JsonValueKind.Object || !present && group.Any(f => f.Required))
                {
                    problems.Add(name, ProblemCode.MustBeObject);
                    continue;
                }
                if (!present) continue;
            }
            foreach (var field in group)
                if (ReadField(field, source, now, problems) is { } value) values[field.Path] = value;
        }

        var read = new EventValues(values, now, () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            identityCode => PersonalIdentityCode.TryParse(identityCode, out var code) && code is not null ? childKeyOf(code) : null);
        if (problems.Count == 0 && definition.Check?.Invoke(read) is { } failed) problems.Add(failed.Field, failed.Problem);
        return problems.Count > 0 ? (null, problems) : (definition.Build(read) with { Actor = actor }, problems);
    }

    private static object? ReadField(EventField field, JsonElement source, DateTimeOffset now, FieldProblems problems)
    {
        var present = source.TryGetProperty(field.Name, out var value) && value.ValueKind != JsonValueKind.Null;
        if (field.Kind == FieldKind.YesNo)
        {
            if (!present)
            {
                if (field.Required) problems.Add(field.Path, ProblemCode.RequiredYesNo);
                return null;
            }
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            problems.Add(field.Path, ProblemCode.MustBeTrueOrFalse);
            return null;
        }

        if (!present)
        {
            if (field.Required) problems.Add(field.Path, ProblemCode.Required);
            return null;
        }
        if (value.ValueKind != JsonValueKind.String) { problems.Add(field.Path, ProblemCode.MustBeString); return null; }
        // An identity code must be exact: one with a control or format character in it is refused. Other text has them
        // taken out (a right-to-left override, a zero-width space); a note keeps its lines.
        var sent = value.GetString()!;
        if (field.Kind == FieldKind.IdentityCode && FreeText.HasControls(sent))
        {
            problems.Add(field.Path, ProblemCode.IdentityCodeControlCharacters);
            return null;
        }
        var text = (field.Kind == FieldKind.LongText ? FreeText.Note(sent) : FreeText.Line(sent))!.Trim();
        if (text.Length == 0)
        {
            if (field.Required) problems.Add(field.Path, ProblemCode.Required);
            return null;
        }
        if (text.Length > field.Limit) { problems.Add(field.Path, ProblemCode.TooLong, field.Limit.ToString(CultureInfo.InvariantCulture)); return null; }

        var problem = field.Kind switch
        {
            FieldKind.Choice when field.Choices is { } choices && !choices.Contains(text) =>
                new FieldProblem(ProblemCode.MustBeOneOf, string.Join(", ", choices.Codes)),
            FieldKind.Email when !IsEmailAddress(text) => new FieldProblem(ProblemCode.NotAnEmailAddress),
            FieldKind.IdentityCode when PersonalIdentityCode.ProblemOf(text) is { } invalid => new FieldProblem(invalid),
            FieldKind.Time when !IsoTimestamp.TryParse(text, out _) => new FieldProblem(ProblemCode.NotIsoTime, IsoTimestamp.Example),
            FieldKind.Time when IsoTimestamp.TryParse(text, out var at) && at > now + EventField.ClockSkew => new FieldProblem(ProblemCode.InFuture),
            FieldKind.Date when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                new FieldProblem(ProblemCode.NotAnIsoDate, field.Path),
            FieldKind.Date when DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) > HelsinkiTime.LocalDate(now) =>
                new FieldProblem(ProblemCode.InFuture),
            _ => null,
        };
        if (problem is not null) { problems.Add(field.Path, problem); return null; }
        return field.Kind switch
        {
            FieldKind.Time when IsoTimestamp.TryParse(text, out var time) => time,
            FieldKind.Date => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    private static bool IsEmailAddress(string text) =>
        MailAddress.TryCreate(text, out var parsed) && parsed.Address == text && parsed.Host.Contains('.');
}
