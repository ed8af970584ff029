using System.Diagnostics;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// The local host as its own OS process (as ./run.sh starts it), for what an in-process app cannot show: being killed
/// with SIGKILL, and two processes sharing one task hub. Its output goes to a log file beside the test output.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int port, string log)
    {
        _process = process;
        Port = port;
        Log = log;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }
    public string Log { get; }
    public HttpClient Http { get; }

    /// <summary>A machine client with the function key: it reads cases and raises their events as <c>key:default</c>.</summary>
    public HttpClient StaffClient()
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", TestSettings.FunctionKey);
        return client;
    }

    /// <param name="workerId">Durable's worker id: the same id after a restart takes the partitions back at once.</param>
    public static async Task<AppProcess> StartAsync(DevServices services, string hub, string workerId,
        IReadOnlyDictionary<string, string?>? settings = null, string? storage = null)
    {
        var dll = Path.Combine(DevServices.RepositoryRoot, "functions", "LumoFlow.LocalHost", "bin", DevServices.Configuration, "net10.0", "LumoFlow.LocalHost.dll");
        var port = DevServices.FreePort();
        var logs = Path.Combine(AppContext.BaseDirectory, "app-logs");
        Directory.CreateDirectory(logs);
        var log = Path.Combine(logs, $"{hub}-{workerId}-{DateTime.UtcNow:HHmmssfff}.log");
        // As ./run.sh starts it: in the Development environment, where the development sign-in runs.
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port} --environment Development")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var values = TestSettings.For(services, hub, workerId, storage);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        foreach (var (key, value) in values) start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, port, log);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited at start; see {log}");
            try
            {
                if ((await app.Http.GetAsync("api/health")).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The app did not answer in 90 s; see {log}");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, whatever it was doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
