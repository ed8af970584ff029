namespace LumoFlow.Benchmarks;

/// <summary>
/// Notifications accepted per second through HTTP (the app's whole pipeline, in-process server). One app serves every
/// round, warmed up first, as a running server would be: a new host per round would measure its start-up (the JIT
/// compiling its dependency-injection and serializer code again) instead of intake.
/// </summary>
public sealed class IntakeBench : IAsyncDisposable
{
    public sealed record Result(Load.Result Load, double RequestsPerIntake)
    {
        /// <summary>Runs measured in parts, as one.</summary>
        public static Result Combine(IReadOnlyList<Result> parts)
        {
            var load = Benchmarks.Load.Result.Combine([.. parts.Select(p => p.Load)]);
            return new Result(load, parts.Sum(p => p.RequestsPerIntake * p.Load.Operations) / load.Operations);
        }
    }

    private readonly BenchApp _app;
    private readonly HttpClient _client;
    private int _next = 10_000_000; // notification numbers, so that every child is new

    public IntakeBench(string connectionString)
    {
        _app = new BenchApp(connectionString, TimeProvider.System, poke: false);
        // The test server's own client: WebApplicationFactory's CreateClient adds cookie and redirect handlers, which a
        // notifier's client would run on its own machine, not on the server's.
        _client = _app.Server.CreateClient();
    }

    public async Task WarmUpAsync(int operations) => await RunAsync(operations, 8);

    public async Task<Result> RunAsync(int operations, int concurrency)
    {
        var first = Interlocked.Add(ref _next, operations) - operations;
        // The bodies are prepared before the clock starts, as a load generator replays prepared requests: building
        // them is the notifiers' work, not the server's.
        var bodies = Enumerable.Range(first, operations)
            .Select(n => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Notifications.Create(n), LumoFlow.Engine.EngineJson.Options)).ToList();
        _app.Counter.Reset();
        var load = await Load.RunAsync(operations, concurrency, async i =>
        {
            using var body = new ByteArrayContent(bodies[i]);
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await _client.PostAsync("/api/notifications", body);
            if ((int)response.StatusCode != 202) throw new InvalidOperationException($"intake answered {(int)response.StatusCode}");
        });
        return new Result(load, (double)_app.Counter.Count / operations);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
