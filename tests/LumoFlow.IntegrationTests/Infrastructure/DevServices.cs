using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// Real Azurite (Table service, in memory) and maildev, started on free ports for the test run and stopped after.
/// The binaries come from the repository's node_modules (installed by ./test.sh from package-lock.json).
/// </summary>
public sealed class DevServices : IAsyncLifetime
{
    private readonly List<Process> _processes = [];

    public int TablePort { get; private set; }
    public int SmtpPort { get; private set; }
    public int MailWebPort { get; private set; }
    public MailDev Mail { get; private set; } = null!;

    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        TablePort = FreePort();
        SmtpPort = FreePort();
        MailWebPort = FreePort();
        Start("azurite-table", $"--inMemoryPersistence --tableHost 127.0.0.1 --tablePort {TablePort} --disableTelemetry");
        Start("maildev", $"--smtp {SmtpPort} --web {MailWebPort} --ip 127.0.0.1");
        await WaitForPortAsync(TablePort);
        await WaitForPortAsync(SmtpPort);
        await WaitForPortAsync(MailWebPort);
        Mail = new MailDev(new Uri($"http://127.0.0.1:{MailWebPort}/"));
    }

    public Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try { process.Kill(entireProcessTree: true); process.WaitForExit(5000); }
            catch (InvalidOperationException) { }
            process.Dispose();
        }
        Mail?.Dispose();
        return Task.CompletedTask;
    }

    private void Start(string tool, string arguments)
    {
        var path = Path.Combine(RepositoryRoot, "node_modules", ".bin", tool);
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
        _processes.Add(process);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
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

[CollectionDefinition(Name)]
public sealed class DevServicesCollection : ICollectionFixture<DevServices>
{
    public const string Name = "Azurite and maildev";
}
