using System.Globalization;
using System.Net.Mail;
using System.Text.Json;

namespace LumoFlow.App.Http;

/// <summary>
/// Reads the fields of one event body, collecting a message per bad field (named by its JSON path)
/// so a 400 lists everything at once.
/// </summary>
public sealed class EventRequest(JsonElement body)
{
    public const int MaxText = 10_000;
    public Dictionary<string, string[]> Errors { get; } = new();

    public string? Text(string name, bool required, int max = MaxText, IReadOnlyCollection<string>? oneOf = null)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Error(name, "is required");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String) { Error(name, "must be a string"); return null; }
        var text = value.GetString()!.Trim();
        if (required && text.Length == 0) { Error(name, "is required"); return null; }
        if (text.Length > max) { Error(name, $"must be at most {max} characters"); return null; }
        if (oneOf is not null && !oneOf.Contains(text)) { Error(name, $"must be one of: {string.Join(", ", oneOf)}"); return null; }
        return text.Length == 0 ? null : text;
    }

    public bool? Bool(string name, bool required)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Error(name, "is required (true or false)");
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Error(name, "must be true or false");
        return null;
    }

    /// <summary>An ISO 8601 timestamp with an offset; <paramref name="fallback"/> when absent.</summary>
    public DateTimeOffset Time(string name, DateTimeOffset fallback, DateTimeOffset now)
    {
        var text = Text(name, required: false, max: 40);
        if (text is null) return fallback;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) || !HasOffset(text))
        {
            Error(name, "must be an ISO 8601 timestamp with an offset, e.g. 2026-11-24T10:00:00+02:00");
            return fallback;
        }
        if (at > now.AddMinutes(5)) Error(name, "cannot be in the future");
        return at;
    }

    public string? Email(string name, bool required)
    {
        var text = Text(name, required, max: 254);
        if (text is not null && (!MailAddress.TryCreate(text, out var parsed) || parsed.Address != text || !parsed.Host.Contains('.')))
        {
            Error(name, "is not an email address");
            return null;
        }
        return text;
    }

    public EventRequest? Object(string name, bool required)
    {
        if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
            return new EventRequest(value);
        if (required || (body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null))
            Error(name, "must be an object");
        return null;
    }

    /// <summary>Takes over a nested object's errors under its name.</summary>
    public void Absorb(string name, EventRequest? inner)
    {
        if (inner is null) return;
        foreach (var (key, messages) in inner.Errors) Errors[$"{name}.{key}"] = messages;
    }

    public void Error(string name, string message) =>
        Errors[name] = Errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
