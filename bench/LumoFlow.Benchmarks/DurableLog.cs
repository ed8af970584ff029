using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Counts what Durable's backend warns about, by event: on an Azurite kept busy, its partition manager's table
/// operations can exceed their 2-second timeout (and a worker that cannot renew its partition leases loses them and
/// stops taking work until it claims them again), and a start message read before its instance row was written is put
/// back for a moment. Neither is an error, but both move the figures, so each part reports them. The console shows
/// only Durable's errors.
/// </summary>
public sealed class DurableLog : ILoggerProvider
{
    public ConcurrentDictionary<string, int> Warnings { get; } = new();

    /// <summary>The first message of each kind that is neither of the two above, to say what it was.</summary>
    private readonly ConcurrentDictionary<string, string> _examples = new();

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("DurableTask", StringComparison.Ordinal) ? new Counter(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose() { }

    /// <summary>"partition-table timeout 3, start message put back 120, …" (the most frequent first).</summary>
    public string Describe() => Warnings.IsEmpty ? "none" : string.Join(", ", Warnings.OrderByDescending(w => w.Value).Select(w =>
        $"{w.Key} {w.Value}" + (_examples.TryGetValue(w.Key, out var example) ? $" (\"{example}\")" : "")));

    private static string KindOf(EventId id, string message) => message switch
    {
        _ when message.Contains("exceeded the 2-second timeout", StringComparison.Ordinal) => "partition-table operation over its 2 s timeout",
        _ when message.StartsWith("Abandoning", StringComparison.Ordinal) || message.Contains(": Abandoning", StringComparison.Ordinal) => "message put back (abandoned)",
        _ => id.Name ?? $"event {id.Id}",
    };

    private sealed class Counter(DurableLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Warning) return;
            var message = formatter(state, exception);
            var kind = KindOf(eventId, message);
            log.Warnings.AddOrUpdate(kind, 1, (_, n) => n + 1);
            if (!kind.Contains(' ')) log._examples.TryAdd(kind, message.Length > 160 ? message[..160] + "…" : message);
        }
    }
}
