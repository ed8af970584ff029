using System.Diagnostics;
using LumoFlow.App.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Tests.Hosting;

/// <summary>
/// A partner link's secret is cut out of every log (issue 22, Partner links): the text, the structured values, the
/// scopes and the exceptions a provider is given. The integration test (PartnerLinkSecrecyTests) proves it on the real
/// host; these pin the pieces.
/// </summary>
public sealed class SecretPathsTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private const string Path = "/partner-input/LF1.P1." + Secret;

    [Theory]
    [InlineData(Path, "/partner-input/[redacted]")]
    [InlineData("GET http://x:80/partner-input/LF1.P1.abc?lang=sv - -", "GET http://x:80/partner-input/[redacted]?lang=sv - -")]
    [InlineData("/PARTNER-INPUT/LF1.P1.abc/more", "/PARTNER-INPUT/[redacted]/more")]
    [InlineData("'/partner-input/a.b.c' and \"/partner-input/d.e.f\"", "'/partner-input/[redacted]' and \"/partner-input/[redacted]\"")]
    [InlineData("/partner-input%2Fa.b.c", "/partner-input%2F[redacted]")]
    [InlineData("/api/cases/LF1", "/api/cases/LF1")]
    [InlineData("/partner-input/", "/partner-input/")]
    public void The_secret_part_of_a_path_is_cut_out_wherever_it_stands(string text, string redacted) =>
        Assert.Equal(redacted, SecretPaths.Redact(text));

    [Fact]
    public void Messages_values_scopes_and_exceptions_reach_a_provider_redacted()
    {
        var (factory, provider) = Factory();
        var logger = factory.CreateLogger("test");

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = Path, ["RequestId"] = "r1" }))
        using (logger.BeginScope("plain scope " + Path))
        {
            logger.LogWarning("Request starting {Method} {Path}", "GET", Path);
            logger.LogError(new InvalidOperationException($"Could not read {Path}"), "The page failed");
            logger.Log(LogLevel.Information, default, Path, null, (s, _) => s);
        }

        var text = string.Join("\n", provider.Entries);
        Assert.DoesNotContain(Secret, text);
        Assert.Contains("Request starting GET /partner-input/[redacted]", text);
        Assert.Contains("Path=/partner-input/[redacted]", text);
        Assert.Contains("{OriginalFormat}=Request starting {Method} {Path}", text); // the template is kept for structured logs
        Assert.Contains("RequestPath=/partner-input/[redacted]", text);
        Assert.Contains("RequestId=r1", text);
        Assert.Contains("plain scope /partner-input/[redacted]", text);
        Assert.Contains("System.InvalidOperationException: Could not read /partner-input/[redacted]", text);
    }

    [Fact]
    public void A_log_without_a_secret_reaches_the_provider_as_it_was()
    {
        var (factory, provider) = Factory();
        var exception = new InvalidOperationException("nothing secret");

        factory.CreateLogger("test").LogError(exception, "Case {CaseId} failed", "LF1");

        Assert.Same(exception, provider.Exceptions.Single());
        Assert.Equal("Case LF1 failed", provider.Messages.Single());
        Assert.DoesNotContain(provider.States, s => s.GetType().Name == "RedactedLogState");
    }

    [Fact]
    public void Every_logger_of_the_process_is_behind_it_including_providers_added_later()
    {
        var services = new ServiceCollection().AddLogging().AddSecretPathRedaction().AddSecretPathRedaction();
        var provider = new Capture();
        services.AddLogging(logging => logging.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        using var built = services.BuildServiceProvider();

        Assert.IsType<RedactingLoggerFactory>(built.GetRequiredService<ILoggerFactory>());
        built.GetRequiredService<ILogger<SecretPathsTests>>().LogInformation("Opened {Path}", Path);
        Assert.Equal("Opened /partner-input/[redacted]", provider.Messages.Single());
    }

    [Fact]
    public void A_trace_is_scrubbed_of_the_secret_in_its_name_and_tags()
    {
        using var activity = new Activity("GET " + Path);
        activity.SetTag("url.path", Path);
        activity.SetTag("url.full", "https://lumoflow.example" + Path + "?lang=fi");
        activity.SetTag("http.request.method", "GET");

        SecretPaths.ScrubActivity(activity);

        Assert.Equal("GET /partner-input/[redacted]", activity.DisplayName);
        Assert.Equal("/partner-input/[redacted]", activity.GetTagItem("url.path"));
        Assert.Equal("https://lumoflow.example/partner-input/[redacted]?lang=fi", activity.GetTagItem("url.full"));
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
    }

    private static (ILoggerFactory, Capture) Factory()
    {
        var provider = new Capture();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(provider).SetMinimumLevel(LogLevel.Trace)).AddSecretPathRedaction();
        return (services.BuildServiceProvider().GetRequiredService<ILoggerFactory>(), provider);
    }

    /// <summary>A provider that keeps what it is given, scopes included (as console and Application Insights read them).</summary>
    private sealed class Capture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public List<string> Entries { get; } = [];
        public List<string> Messages { get; } = [];
        public List<object> States { get; } = [];
        public List<Exception> Exceptions { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public void Dispose() { }

        private sealed class Logger(Capture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                capture.Messages.Add(message);
                capture.States.Add(state!);
                if (exception is not null) capture.Exceptions.Add(exception);
                var entry = new List<string> { message };
                if (state is IEnumerable<KeyValuePair<string, object?>> values) entry.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
                capture._scopes.ForEachScope((scope, list) =>
                {
                    list.Add($"scope {scope}");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> scoped) list.AddRange(scoped.Select(v => $"{v.Key}={v.Value}"));
                }, entry);
                if (exception is not null) entry.Add(exception.ToString());
                capture.Entries.Add(string.Join(" | ", entry));
            }
        }
    }
}
