using System.Collections;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LumoFlow.App.Hosting;

/// <summary>
/// A partner's link carries its secret in the path, <c>/partner-input/{caseId}.{requestId}.{secret}</c> (an email link
/// has nowhere else to put it that works without script). The path must never reach a log or telemetry, where whoever
/// reads the logs could answer for the partner. This is where it is cut out: <see cref="Redact"/> for any text, and
/// <see cref="AddSecretPathRedaction"/>, which puts every logger of the process behind it — ASP.NET Core's hosting
/// diagnostics ("Request starting … /partner-input/…"), the <c>RequestPath</c> of every request's log scope, the
/// exception handler, and LumoFlow's own logs. <see cref="ScrubActivity"/> does the same for the request's trace.
/// </summary>
public static partial class SecretPaths
{
    /// <summary>What stands in the log for a secret part of a path.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>The secret part: what follows <c>partner-input/</c> up to the next <c>/</c>, <c>?</c>, <c>#</c>, quote or space.</summary>
    [GeneratedRegex("""(?<=partner-input(?:/|%2F))[^/?#\s"'<>]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();

    /// <summary>Whether <paramref name="text"/> may hold a secret path (a cheap test before <see cref="Redact"/>).</summary>
    public static bool MayContain(string? text) => text is not null && text.Contains("partner-input", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="text"/> with every partner link's secret replaced by <see cref="Redacted"/>.</summary>
    public static string Redact(string text) => MayContain(text) ? Secret().Replace(text, Redacted) : text;

    /// <summary>
    /// Puts every logger the process makes behind the redaction: the host's <see cref="ILoggerFactory"/> is wrapped, so
    /// whichever providers are added (console, Application Insights, OpenTelemetry), before or after this call, see
    /// only redacted messages, values, scopes and exceptions.
    /// </summary>
    public static IServiceCollection AddSecretPathRedaction(this IServiceCollection services)
    {
        services.AddLogging();
        if (services.Any(d => d.ServiceType == typeof(RedactingLoggerFactory))) return services;
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<RedactingLoggerFactory>();
        services.AddSingleton<ILoggerFactory>(sp => sp.GetRequiredService<RedactingLoggerFactory>());
        return services;
    }

    /// <summary>
    /// The request's trace (<see cref="Activity.Current"/>, which an OpenTelemetry or Application Insights exporter
    /// sends on) with the secret cut out of its path and URL tags and its name. Run first on every request.
    /// </summary>
    public static void ScrubActivity(Activity? activity)
    {
        if (activity is null) return;
        if (MayContain(activity.DisplayName)) activity.DisplayName = Redact(activity.DisplayName);
        foreach (var (key, value) in activity.TagObjects.ToList())
            if (value is string text && MayContain(text))
                activity.SetTag(key, Redact(text));
    }

    internal static object? RedactValue(object? value) => value switch
    {
        null => null,
        string text => Redact(text),
        _ when value.GetType().IsPrimitive || value is Enum or DateTimeOffset or DateTime or TimeSpan or Guid or decimal => value,
        _ when value.ToString() is { } text && MayContain(text) => Redact(text),
        _ => value,
    };

    internal static bool NeedsRedaction(object? value) => value switch
    {
        null => false,
        string text => MayContain(text),
        _ when value.GetType().IsPrimitive || value is Enum or DateTimeOffset or DateTime or TimeSpan or Guid or decimal => false,
        _ => MayContain(value.ToString()),
    };
}

/// <summary>The process's logger factory, each of its loggers behind <see cref="SecretPaths"/>.</summary>
public sealed class RedactingLoggerFactory : ILoggerFactory
{
    private readonly LoggerFactory _inner;

    public RedactingLoggerFactory(IEnumerable<ILoggerProvider> providers, IOptionsMonitor<LoggerFilterOptions> filters,
        IOptions<LoggerFactoryOptions>? options = null, IExternalScopeProvider? scopeProvider = null) =>
        _inner = new LoggerFactory(providers, filters, options, scopeProvider);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose() => _inner.Dispose();
}

/// <summary>A logger that passes on only what <see cref="SecretPaths.Redact"/> has seen.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        RedactedLogState.Of(state, state.ToString()) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        var redactedException = exception is not null && SecretPaths.MayContain(exception.ToString()) ? new RedactedException(exception) : exception;
        if (RedactedLogState.Of(state, formatter(state, exception)) is { } redacted)
            inner.Log(logLevel, eventId, redacted, redactedException, static (s, _) => s.ToString());
        else
            inner.Log(logLevel, eventId, state, redactedException, formatter);
    }
}

/// <summary>A log entry's or scope's state with its values and its text redacted; its template is kept.</summary>
internal sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string text) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The redacted state, or null when nothing in <paramref name="state"/> or its <paramref name="text"/> needs it.</summary>
    public static RedactedLogState? Of<TState>(TState state, string? text)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>>;
        var needs = SecretPaths.MayContain(text) || (values?.Any(v => SecretPaths.NeedsRedaction(v.Value)) ?? false);
        if (!needs) return null;
        var redacted = values?.Select(v => new KeyValuePair<string, object?>(v.Key,
            v.Key == "{OriginalFormat}" ? v.Value : SecretPaths.RedactValue(v.Value))).ToList() ?? [];
        return new RedactedLogState(redacted, SecretPaths.Redact(text ?? ""));
    }

    public KeyValuePair<string, object?> this[int index] => values[index];
    public int Count => values.Count;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => text;
}

/// <summary>An exception whose text named a secret path: its type, message and stack, redacted.</summary>
public sealed class RedactedException(Exception original)
    : Exception(SecretPaths.Redact($"{original.GetType().FullName}: {original.Message}"))
{
    public override string? StackTrace => original.StackTrace;
    public override string ToString() => SecretPaths.Redact(original.ToString());
}
