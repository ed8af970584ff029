using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// Real Azurite (blob, queue and table, in memory) and maildev, started on free ports for the test run and stopped
/// after. The binaries come from the repository's node_modules (installed by ./test.sh from package-lock.json).
/// </summary>
public sealed class DevServices : IAsyncLifetime
{
    private readonly List<Process> _processes = [];

    public AzuriteInstance Azurite { get; private set; } = null!;
    public int SmtpPort { get; private set; }
    public int MailWebPort { get; private set; }
    public MailDev Mail { get; private set; } = null!;

    public string StorageConnectionString => Azurite.ConnectionString;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration these tests were built in, and so the app beside them.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteInstance.StartAsync();
        SmtpPort = FreePort();
        MailWebPort = FreePort();
        _processes.Add(Tool.Start("maildev", $"--smtp {SmtpPort} --web {MailWebPort} --ip 127.0.0.1"));
        await WaitForPortAsync(SmtpPort);
        await WaitForPortAsync(MailWebPort);
        Mail = new MailDev(new Uri($"http://127.0.0.1:{MailWebPort}/"));
    }

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        foreach (var process in _processes) Tool.Stop(process);
        Mail?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitForPortAsync(int port, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LumoFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (LumoFlow.sln).");
    }
}

/// <summary>One Azurite with all three services on free ports; in memory, or on disk when it must survive a restart.</summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    private Process? _process;

    private AzuriteInstance(string? location) => Location = location;

    public string? Location { get; }
    public int BlobPort { get; } = DevServices.FreePort();
    public int QueuePort { get; } = DevServices.FreePort();
    public int TablePort { get; } = DevServices.FreePort();

    /// <summary>Full endpoints: <c>UseDevelopmentStorage=true</c> would mean the default ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="location">A folder to keep the data in (survives <see cref="StopAsync"/>); in memory when null.</param>
    public static async Task<AzuriteInstance> StartAsync(string? location = null)
    {
        var azurite = new AzuriteInstance(location);
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts Azurite again on the same ports (with <see cref="Location"/>, on the same data).</summary>
    public async Task RestartAsync()
    {
        var storage = Location is null ? "--inMemoryPersistence" : $"--location \"{Location}\"";
        _process = Tool.Start("azurite",
            $"{storage} --silent --disableTelemetry --skipApiVersionCheck --blobHost 127.0.0.1 --blobPort {BlobPort} " +
            $"--queueHost 127.0.0.1 --queuePort {QueuePort} --tableHost 127.0.0.1 --tablePort {TablePort}");
        foreach (var port in new[] { BlobPort, QueuePort, TablePort }) await DevServices.WaitForPortAsync(port);
    }

    /// <summary>
    /// Storage goes away: Azurite is stopped as on a shutdown (SIGINT), so that it saves what it holds; killed outright
    /// it can lose its last writes.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        using (var interrupt = Process.Start("kill", $"-INT {_process.Id}")) await interrupt.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { }
        Tool.Stop(_process);
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>The npm tools the tests run, from the repository's node_modules.</summary>
internal static class Tool
{
    public static Process Start(string tool, string arguments)
    {
        var path = Path.Combine(DevServices.RepositoryRoot, "node_modules", ".bin", tool);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run ./test.sh (it installs the npm tools) or 'npm ci'.");
        var process = Process.Start(new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static void Stop(Process process)
    {
        try { process.Kill(entireProcessTree: true); process.WaitForExit(10_000); }
        catch (InvalidOperationException) { }
        process.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DevServicesCollection : ICollectionFixture<DevServices>
{
    public const string Name = "Azurite and maildev";
}
