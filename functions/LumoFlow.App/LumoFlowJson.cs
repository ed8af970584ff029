using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumoFlow.App;

/// <summary>The one JSON shape used for LumoFlow's stored documents and its HTTP API: camelCase, enums as strings.</summary>
public static class LumoFlowJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Finnish and Swedish text stays readable and small (the default escapes every ä as \u00E4);
            // markup-significant characters are still escaped.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
