using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using LumoFlow.Engine;
using LumoFlow.Engine.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LumoFlow.Benchmarks;

/// <summary>
/// The real LumoFlow app, in-process, against the benchmark's Azurite: every storage request goes through
/// <see cref="StorageRequestCounter"/>, emails go to <see cref="EmailProbe"/> (delivery is not what is measured),
/// and the clock is the given one. Each app gets its own tables.
/// </summary>
public sealed class BenchApp(string connectionString, TimeProvider time, bool poke) : WebApplicationFactory<Program>
{
    static BenchApp()
    {
        // WebApplicationFactory finds the app's content root (appsettings.json with the routing table) from the
        // working directory; the benchmark runs from the repository root, so point it there explicitly.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LumoFlow.sln"))) root = root.Parent;
        if (root is not null)
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LUMOFLOW_FUNCTIONS", Path.Combine(root.FullName, "functions", "LumoFlow.Functions"));
    }

    public StorageRequestCounter Counter { get; } = new();
    public EmailProbe Emails { get; } = new();

    public CaseEngine Engine => Services.GetRequiredService<CaseEngine>();
    public Sweeper Sweeper => Services.GetRequiredService<Sweeper>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As deployed: WebApplicationFactory's default, Development, adds the developer exception page to every request.
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["LumoFlow:Storage:TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["LumoFlow:Engine:RunSweeper"] = "false",
            ["LumoFlow:Engine:PokeAfterChange"] = poke ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(s =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(Counter, HttpPipelinePosition.PerRetry);
            s.AddSingleton(options);
            s.Replace(ServiceDescriptor.Singleton(time));
            s.Replace(ServiceDescriptor.Singleton<IEmailSender>(Emails));
        });
    }
}

/// <summary>Records what would have been sent, and when (the sweep benchmark's firing-delay probe).</summary>
public sealed class EmailProbe : IEmailSender
{
    public ConcurrentQueue<(LumoFlow.Domain.Messaging.Email Email, long Timestamp)> Sent { get; } = new();

    public Task SendAsync(LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken)
    {
        Sent.Enqueue((email, System.Diagnostics.Stopwatch.GetTimestamp()));
        return Task.CompletedTask;
    }
}
