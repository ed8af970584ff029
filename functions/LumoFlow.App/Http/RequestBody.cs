using System.Text.Json;
using System.Text.Unicode;
using LumoFlow.App;

namespace LumoFlow.App.Http;

/// <summary>
/// Reads a JSON request body with a size cap, turning every way it can be wrong into a clear 4xx problem:
/// too large (413), not JSON (415), malformed or a wrong type (400, naming the field).
/// </summary>
public static class RequestBody
{
    public sealed record Read<T>(T? Value, IResult? Problem);

    public static async Task<Read<T>> ReadJsonAsync<T>(HttpContext http, int maxBytes, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes) return TooLarge<T>(maxBytes);
        if (!(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false)
            && !(request.ContentType?.Contains("+json", StringComparison.OrdinalIgnoreCase) ?? false))
            return new(default, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the body as JSON with 'Content-Type: application/json'."));

        // Read at most maxBytes + 1 so a body without a (truthful) Content-Length is capped too.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return TooLarge<T>(maxBytes);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // A JsonElement keeps its strings as bytes and decodes them only when read: invalid UTF-8, or an escaped lone
        // surrogate ("\uD800"), would throw there, deep in a handler (a 500, found by FuzzTests). Refused here instead.
        if (!Utf8.IsValid(bytes)) return NotText<T>("The request body is not valid UTF-8.");
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, LumoFlowJson.Options);
            if (value is JsonElement element && !AllTextReadable(element)) return NotText<T>("A string in the body is not valid Unicode text.");
            return value is null
                ? new(default, Results.Problem(statusCode: 400, title: "Empty body", detail: "The request body must be a JSON object."))
                : new(value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.');
            return new(default, Results.ValidationProblem(
                new Dictionary<string, string[]> { [field] = ["has the wrong type or is not valid JSON here"] },
                title: "The request body is not valid JSON of the expected shape", detail: "Nothing was stored."));
        }
    }

    /// <summary>Whether every property name and string in <paramref name="element"/> decodes to valid UTF-16.</summary>
    private static bool AllTextReadable(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        if (property.Name is null || !AllTextReadable(property.Value)) return false;
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        if (!AllTextReadable(item)) return false;
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Read<T> NotText<T>(string detail) =>
        new(default, Results.Problem(statusCode: 400, title: "The request body is not valid JSON text", detail: detail + " Nothing was stored."));

    private static Read<T> TooLarge<T>(int maxBytes) =>
        new(default, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"The body may be at most {maxBytes / 1024} KiB."));
}
