using System.Text.Json;

namespace LumoFlow.LocalHost;

/// <summary>
/// Reads <c>local.settings.json</c> in the Azure Functions format (<c>{"Values": {...}}</c>) so the same settings
/// drive the app standalone and under the Functions host, where they arrive as environment variables.
/// <c>__</c> in a name means a configuration section, as in environment variables (<c>LumoFlow__Email__SmtpPort</c>).
/// Falls back to <c>local.settings.sample.json</c>; looks in the working directory, the content root and their parents.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    public static string? Find(params string[] startDirectories)
    {
        foreach (var name in new[] { FileName, SampleFileName })
            foreach (var start in startDirectories)
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var path = Path.Combine(dir.FullName, name);
                    if (File.Exists(path)) return path;
                }
        return null;
    }

    public static IEnumerable<KeyValuePair<string, string?>> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("Values", out var values)) yield break;
        foreach (var value in values.EnumerateObject())
            yield return new(value.Name.Replace("__", ":"), value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText());
    }

    /// <summary>Adds the file's values below environment variables and the command line, which still win.</summary>
    public static void AddTo(IConfigurationManager configuration, string contentRoot, string[] args)
    {
        var path = Environment.GetEnvironmentVariable("LUMOFLOW_SETTINGS") ?? Find(Directory.GetCurrentDirectory(), contentRoot);
        if (path is null) return;
        configuration.AddInMemoryCollection(ReadValues(path));
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }
}
