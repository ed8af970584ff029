using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Counts every HTTP request an app sends to storage — each one a billed storage transaction — by sitting in the Azure
/// SDK client pipelines after retries (a retried request counts again, as it is billed again): LumoFlow's own tables
/// and Durable's queues, tables and blobs alike. Each request gets a kind, e.g. <c>durable queue GET control messages</c>,
/// <c>lumoflow table POST $batch</c>, with the task hub's name taken out. A queue read that found no message is an
/// <i>empty poll</i> (kind ending in "(empty)"): what Durable spends waiting, however little there is to do.
/// </summary>
public sealed partial class StorageRequestCounter(string hub)
{
    private readonly ConcurrentDictionary<string, long> _byKind = new();
    private long _count;
    private long _lastWorkTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();

    public long Count => Interlocked.Read(ref _count);

    /// <summary>When the last request that was not background (<see cref="IsBackground"/>) was sent.</summary>
    public long LastWorkTimestamp => Interlocked.Read(ref _lastWorkTimestamp);

    /// <summary>A copy of the counts by kind, to subtract from a later one.</summary>
    public Dictionary<string, long> Snapshot() => new(_byKind);

    /// <summary>The requests sent since <paramref name="before"/> (a <see cref="Snapshot"/>), by kind; kinds with none left out.</summary>
    public Dictionary<string, long> Since(Dictionary<string, long> before) =>
        Snapshot().Select(k => (k.Key, Value: k.Value - before.GetValueOrDefault(k.Key))).Where(k => k.Value > 0).ToDictionary(k => k.Key, k => k.Value);

    /// <summary>The work among <paramref name="requests"/>: every kind but the background ones (<see cref="IsBackground"/>).</summary>
    public static Dictionary<string, long> Work(Dictionary<string, long> requests) =>
        requests.Where(k => !IsBackground(k.Key)).ToDictionary();

    /// <summary>The pipeline policy for one client: <paramref name="source"/> is e.g. "durable queue" or "lumoflow table".</summary>
    public HttpPipelinePolicy For(string source) => new Policy(this, source);

    /// <summary>
    /// What an app does however little there is to do: empty polls, and the partition and lease bookkeeping that keeps
    /// this worker the owner of its task hub's partitions (the Partitions table, lease blobs). Any other request is work.
    /// </summary>
    public static bool IsBackground(string kind) =>
        kind.EndsWith("(empty)", StringComparison.Ordinal) || kind.Contains(" Partitions", StringComparison.Ordinal)
        || (kind.StartsWith("durable blob", StringComparison.Ordinal) && kind.Contains("lease", StringComparison.OrdinalIgnoreCase));

    private void Record(string kind)
    {
        Interlocked.Increment(ref _count);
        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (!IsBackground(kind)) Interlocked.Exchange(ref _lastWorkTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    /// <summary>"GET Instances(entity)", "POST $batch", "GET History (query)", "GET control messages", "PUT leases/… (lease renew)".</summary>
    private string Resource(Request request)
    {
        var path = Uri.UnescapeDataString(request.Uri.Path);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray(); // after the account name
        if (parts.Length == 0) return "(service)";
        var name = parts[0];
        var entity = name.Contains('(') && !name.Contains("()", StringComparison.Ordinal);
        name = name.Split('(')[0];
        if (name.StartsWith(hub, StringComparison.OrdinalIgnoreCase)) name = name[hub.Length..].TrimStart('-');
        name = PartitionNumber().Replace(name, "");
        // Below the queue or container: "messages" (a message's id dropped), or a blob's name without the hub.
        var rest = parts.Length switch
        {
            1 => "",
            _ when parts[1] == "messages" => "/messages",
            _ => "/" + PartitionNumber().Replace(string.Join('/', parts.Skip(1)).Replace(hub, "", StringComparison.OrdinalIgnoreCase).Trim('-'), ""),
        };
        var query = request.Uri.Query;
        var detail = entity ? "(entity)" : query.Contains("$filter", StringComparison.Ordinal) || query.Contains("%24filter", StringComparison.Ordinal) ? " (query)" : "";
        if (query.Contains("comp=lease", StringComparison.Ordinal) && request.Headers.TryGetValue("x-ms-lease-action", out var action)) detail += $" (lease {action})";
        return $"{name}{rest}{detail}";
    }

    private sealed class Policy(StorageRequestCounter counter, string source) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try { ProcessNext(message, pipeline); }
            finally { counter.Record(Kind(message)); }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try { await ProcessNextAsync(message, pipeline); }
            finally { counter.Record(Kind(message)); }
        }

        private string Kind(HttpMessage message)
        {
            var kind = $"{source} {message.Request.Method} {counter.Resource(message.Request)}";
            return IsEmptyQueueRead(message) ? kind + " (empty)" : kind;
        }

        /// <summary>A dequeue (GET …/messages, not a peek) answered with an empty message list.</summary>
        private static bool IsEmptyQueueRead(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Get || !message.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal)
                || message.Request.Uri.Query.Contains("peekonly", StringComparison.OrdinalIgnoreCase) || !message.HasResponse || message.Response.Status != 200)
                return false;
            try
            {
                return message.Response.Content.ToMemory().Span.IndexOf("<QueueMessage>"u8) < 0;
            }
            catch (InvalidOperationException)
            {
                return false; // not buffered: cannot tell, count it as work
            }
        }
    }

    [GeneratedRegex(@"-\d{2}\b")]
    private static partial Regex PartitionNumber();
}
