using Azure.Core;
using Azure.Core.Pipeline;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Counts every HTTP request the Azure SDK sends to Table Storage — each one a billed storage transaction —
/// by sitting in the client pipeline after retries (a retried request counts again, as it is billed again).
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long _count;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _byKind = new();

    public long Count => Interlocked.Read(ref _count);
    public IReadOnlyDictionary<string, long> ByKind => _byKind;

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _byKind.Clear();
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        _byKind.AddOrUpdate(Kind(message.Request), 1, (_, n) => n + 1);
    }

    /// <summary>"POST $batch", "GET CaseAlarms", … — the table name without the per-run prefix.</summary>
    private static string Kind(Request request)
    {
        var path = request.Uri.Path;
        var last = path[(path.LastIndexOf('/') + 1)..];
        var table = last.Split('(')[0];
        foreach (var name in new[] { "CaseAlarms", "ChildIndex", "AccessLog", "TeamDigests", "Cases" })
            if (table.EndsWith(name, StringComparison.Ordinal)) { table = name; break; }
        var query = request.Uri.Query.Contains("filter", StringComparison.Ordinal) ? " (query)" : "";
        return $"{request.Method} {table}{query}";
    }
}
