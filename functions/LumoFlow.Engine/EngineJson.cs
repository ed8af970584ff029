using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumoFlow.Engine;

/// <summary>The one JSON shape used for stored documents and the HTTP API: camelCase, enums as strings.</summary>
public static class EngineJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
