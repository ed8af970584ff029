using System.Net.Http.Json;

namespace LumoFlow.Benchmarks;

/// <summary>Notifications accepted per second through HTTP (the app's whole pipeline, in-process server).</summary>
public static class IntakeBench
{
    public sealed record Result(Load.Result Load, double RequestsPerIntake);

    public static async Task<Result> RunAsync(string connectionString, int operations, int concurrency, int offset)
    {
        await using var app = new BenchApp(connectionString, TimeProvider.System, poke: false);
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/notifications", Notifications.Json(offset + operations + 1))).EnsureSuccessStatusCode(); // warm-up
        app.Counter.Reset();
        var load = await Load.RunAsync(operations, concurrency, async i =>
        {
            var response = await client.PostAsJsonAsync("/api/notifications", Notifications.Json(offset + i));
            if ((int)response.StatusCode != 202) throw new InvalidOperationException($"intake answered {(int)response.StatusCode}");
        });
        return new Result(load, (double)app.Counter.Count / operations);
    }
}
