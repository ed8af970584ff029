using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using LumoFlow.App.Orchestration;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// <c>./publish.sh</c> makes the package Azure runs: a zip whose root holds what the Functions host reads — host.json,
/// worker.config.json, and functions.metadata listing every function with its trigger (and, for HTTP, its route).
/// </summary>
public sealed class PublishPackageTests
{
    [Fact]
    public async Task Publish_makes_a_Functions_package_with_every_function_its_trigger_and_its_route()
    {
        var script = Path.Combine(DevServices.RepositoryRoot, "publish.sh");
        var publish = Process.Start(new ProcessStartInfo(script) { WorkingDirectory = DevServices.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(8)).Token);
        Assert.True(publish.ExitCode == 0, $"publish.sh failed:\n{await output}\n{await errors}");

        var zip = Path.Combine(DevServices.RepositoryRoot, "out", "lumoflow-functions.zip");
        using var archive = ZipFile.OpenRead(zip);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var file in new[] { "host.json", "worker.config.json", "functions.metadata", "LumoFlow.Functions.dll", "routing.json" })
            Assert.Contains(file, entries);

        var host = JsonNode.Parse(Read(archive, "host.json"))!;
        Assert.Equal("2.0", (string)host["version"]!);
        Assert.Equal("", (string)host["extensions"]!["http"]!["routePrefix"]!);
        Assert.Equal(CaseOrchestration.Version, (string)host["extensions"]!["durableTask"]!["defaultVersion"]!);
        var worker = JsonNode.Parse(Read(archive, "worker.config.json"))!;
        Assert.Contains("LumoFlow.Functions", worker.ToJsonString());

        var functions = JsonNode.Parse(Read(archive, "functions.metadata"))!.AsArray()
            .ToDictionary(f => (string)f!["name"]!, f => f!["bindings"]!.AsArray().Select(b => b!).ToList());
        string Trigger(string name) => (string)functions[name].Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal))["type"]!;
        Assert.Equal("orchestrationTrigger", Trigger(CaseOrchestration.Name));
        foreach (var activity in new[] { CaseActivities.RecordCase, CaseActivities.SendEmail, CaseActivities.LinkChildren })
            Assert.Equal("activityTrigger", Trigger(activity));
        Assert.Equal("timerTrigger", Trigger("WeeklyDigest"));
        var routes = functions.Values.SelectMany(b => b).Where(b => (string)b["type"]! == "httpTrigger")
            .SelectMany(b => b["methods"]!.AsArray().Select(m => $"{((string)m!).ToUpperInvariant()} /{(string)b["route"]!}"))
            .ToHashSet();
        Assert.Equal(HostParityTests.FunctionsRoutes().Order(), routes.Order());
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
