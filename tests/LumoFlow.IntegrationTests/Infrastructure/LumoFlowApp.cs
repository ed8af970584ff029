using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (Program) in-process, against the fixture's Azurite and maildev. Each app gets its own
/// table prefix unless one is given, so tests don't see each other's cases; two apps with the same
/// prefix share storage, which is how the restart test starts the app "again".
/// </summary>
public sealed class LumoFlowApp(DevServices services, string? tablePrefix = null, TimeProvider? time = null,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string FunctionKey = "integration-test-key";

    public string TablePrefix { get; } = tablePrefix ?? NewPrefix();

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public TableClient Table(string name) =>
        new TableServiceClient(services.StorageConnectionString).GetTableClient(TablePrefix + name);

    /// <summary>Submits a notification as a notifier would; the answer must be 202. Returns the new case's id.</summary>
    public async Task<string> SubmitAsync(JsonObject notification)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public HttpClient StaffClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        client.DefaultRequestHeaders.Add("x-lumoflow-user", "test.worker");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = services.StorageConnectionString,
            ["DevFunctionKey"] = FunctionKey,
            ["LumoFlow:Storage:TablePrefix"] = TablePrefix,
            ["LumoFlow:Email:Provider"] = "smtp",
            ["LumoFlow:Email:SmtpHost"] = "127.0.0.1",
            ["LumoFlow:Email:SmtpPort"] = services.SmtpPort.ToString(),
            ["LumoFlow:Engine:SweepIntervalSeconds"] = "0.5",
            ["LumoFlow:Engine:SendRetryDelaySeconds"] = "1",
            ["LumoFlow:PublicBaseUrl"] = "https://lumoflow.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(values));
        if (time is not null)
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(time)));
    }
}
