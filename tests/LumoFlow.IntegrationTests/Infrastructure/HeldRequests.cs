using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// Records each entity request, can hold requests until released (so that others gather behind one in flight),
/// and can fail the next one.
/// </summary>
public sealed class HeldRequests : HttpPipelinePolicy
{
    /// <summary>A new table in the tests' Azurite whose client's requests go through a new <see cref="HeldRequests"/> (no retries).</summary>
    public static async Task<(TableClient Table, HeldRequests Held)> NewTableAsync(DevServices services, string prefix)
    {
        var held = new HeldRequests();
        var options = new TableClientOptions();
        options.AddPolicy(held, HttpPipelinePosition.PerRetry);
        options.Retry.MaxRetries = 0;
        var table = new TableServiceClient(services.StorageConnectionString, options).GetTableClient(prefix + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        held.Requests.Clear(); // the table's creation is not part of what is tested
        return (table, held);
    }

    private TaskCompletionSource _gate = Open();
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _onlyPartition;
    private int _failNext;

    public List<string> Requests { get; } = [];

    /// <summary>Starts <paramref name="write"/> and returns once its request is held in flight, so that others gather behind it.</summary>
    public async Task<Task> WhileHeldAsync(Func<Task> write)
    {
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = write();
        await _held.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return started;
    }


    public void HoldOnly(string partition) => _onlyPartition = partition;
    public void Release() => _gate.TrySetResult();
    public void FailNext() => Interlocked.Exchange(ref _failNext, 1);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        lock (Requests) Requests.Add(path.EndsWith("$batch", StringComparison.Ordinal) ? $"{message.Request.Method} $batch" : message.Request.Method.ToString());
        var fail = Interlocked.Exchange(ref _failNext, 0) == 1; // the next request to arrive, not one already held
        if (_onlyPartition is null || path.Contains($"PartitionKey='{_onlyPartition}'", StringComparison.Ordinal))
        {
            _held.TrySetResult();
            await _gate.Task;
        }
        if (fail) throw new RequestFailedExceptionForTest();
        await ProcessNextAsync(message, pipeline);
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}

internal sealed class RequestFailedExceptionForTest() : Exception("The storage service failed (simulated).");
