using Azure.Data.Tables;
using DurableTask.AzureStorage;
using LumoFlow.App.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LumoFlow.Benchmarks;

/// <summary>
/// The real local host (Program of functions/LumoFlow.LocalHost) in-process on the benchmark's Azurite, with a task hub
/// and tables of its own: its HTTP routes through the in-memory test server, its case orchestrations on Durable's Azure
/// Storage backend through the sidecar. Three things are added, nothing else changed: every storage request is counted
/// (<see cref="StorageRequestCounter"/>), emails go to <see cref="EmailProbe"/>, and the worker also runs the peer
/// (<see cref="PeerOrchestration"/>) — so the peer has the very backend settings, sidecar and worker options LumoFlow has.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string FunctionKey = "bench-function-key";
    private readonly BenchStorage _storage;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private bool _started;

    static BenchApp()
    {
        // WebApplicationFactory looks for the app's content root from the working directory; name it explicitly.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LumoFlow.sln"))) root = root.Parent;
        if (root is not null)
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LUMOFLOW_LOCALHOST", Path.Combine(root.FullName, "functions", "LumoFlow.LocalHost"));
    }

    public BenchApp(BenchStorage storage, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _storage = storage;
        _settings = settings ?? new Dictionary<string, string?>();
        Hub = "b" + Guid.NewGuid().ToString("N")[..10];
        Counter = new StorageRequestCounter(Hub);
    }

    /// <summary>The task hub, and the prefix of LumoFlow's tables.</summary>
    public string Hub { get; }
    public string StorageConnectionString => _storage.ConnectionString;
    public StorageRequestCounter Counter { get; }
    public EmailProbe Emails { get; } = new();
    public PeerProbe Peer { get; } = new();
    public DurableLog DurableLog { get; } = new();

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The test server's own client: no cookie or redirect handlers, which a caller runs on its own machine.</summary>
    public HttpClient Http() => Server.CreateClient();

    /// <summary>A staff member's client: the function key and who they are.</summary>
    public HttpClient Staff()
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        client.DefaultRequestHeaders.Add("x-lumoflow-user", "bench.worker");
        return client;
    }

    /// <summary>Starts the app and waits until its worker owns the task hub's partitions (a first orchestration has run).</summary>
    public async Task StartAsync()
    {
        _ = Server;
        _started = true;
        await PeerDriver.RunOneAsync(this);
        await QuietAsync();
    }

    /// <summary>
    /// Waits until the app has had nothing to do for <paramref name="seconds"/>: no storage request but background ones
    /// (<see cref="StorageRequestCounter.IsBackground"/>). Longer than the queue polling interval, so that a message just
    /// sent has been picked up.
    /// </summary>
    public async Task QuietAsync(double seconds = 2.5)
    {
        while (System.Diagnostics.Stopwatch.GetElapsedTime(Counter.LastWorkTimestamp).TotalSeconds < seconds)
            await Task.Delay(100);
    }

    /// <summary>
    /// Stops the app, and then Durable's backend: the sidecar (TaskHubGrpcServer) stops its dispatchers and the backend
    /// from an <c>async void</c> handler nobody waits for, and the backend's partition manager was seen still renewing
    /// this hub's partitions after the app had gone — in a process that hosts one app after another that is load (and,
    /// once the hub is deleted, errors) left behind for the next part.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        var backend = _started ? Services.GetRequiredService<AzureStorageOrchestrationService>() : null;
        await base.DisposeAsync();
        if (backend is not null) await backend.StopAsync(isForced: true);
    }

    /// <summary>Deletes the task hub and LumoFlow's tables, so that the next part starts on an Azurite as empty as this one did.</summary>
    public async Task DeleteStorageAsync()
    {
        var durable = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(_storage.ConnectionString),
            TaskHubName = Hub,
        });
        await durable.DeleteAsync();
        var tables = new TableServiceClient(_storage.ConnectionString);
        await foreach (var table in tables.QueryAsync(filter: $"TableName ge '{Hub}' and TableName lt '{Hub}~'"))
            await tables.DeleteTableAsync(table.Name);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As deployed: WebApplicationFactory's default, Development, adds the developer exception page to every request.
        builder.UseEnvironment("Production");
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _storage.ConnectionString,
            ["DevFunctionKey"] = FunctionKey,
            ["LumoFlow:Storage:TablePrefix"] = Hub,
            ["LumoFlow:Durable:TaskHub"] = Hub,
            ["LumoFlow:Durable:WorkerId"] = "bench-" + Hub,
            // The digest loop is measured apart (IdleBench): here it would only add a run at start.
            ["LumoFlow:Digest:IntervalSeconds"] = "0",
            ["LumoFlow:PublicBaseUrl"] = "https://lumoflow.bench",
            ["LumoFlow:ChildIndexKey"] = "benchmark-only-child-index-key-of-32-bytes-or-more",
            ["LumoFlow:Intake:SubmissionsPerClientPerHour"] = "0", // the benchmark is one client sending thousands
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in _settings) values[key] = value;
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
        builder.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Warning);
            // Durable's warnings are counted (DurableLog), not printed; its errors still show.
            l.AddFilter<ConsoleLoggerProvider>("DurableTask", LogLevel.Error);
            l.AddProvider(DurableLog);
            l.AddFilter<DurableLog>(null, LogLevel.Warning);
        });
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton(CountedStorage.Durable(_storage.ConnectionString, Counter));
            s.AddSingleton(CountedStorage.LumoFlowTables(Counter));
            s.Replace(ServiceDescriptor.Singleton<IEmailSender>(Emails));
            // The peer, in the same worker (the local host's worker has the default name).
            s.Configure<DurableTaskRegistry>(Options.DefaultName, tasks => PeerOrchestration.Register(tasks, Peer));
        });
    }
}
