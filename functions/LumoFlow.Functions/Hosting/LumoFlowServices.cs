using Azure.Data.Tables;
using Azure.Identity;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using LumoFlow.Engine;
using LumoFlow.Engine.Children;
using LumoFlow.Engine.Email;
using LumoFlow.Engine.Storage;
using LumoFlow.Functions.Access;
using LumoFlow.Functions.Email;

namespace LumoFlow.Functions.Hosting;

/// <summary>The one place that wires the app: configuration in, services out.</summary>
public static class LumoFlowServices
{
    public static IServiceCollection AddLumoFlow(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("LumoFlow");
        services.AddSingleton(TimeProvider.System);

        // Storage: a connection string locally (Azurite), the table endpoint with managed identity in Azure.
        services.AddSingleton(_ => new TableSet(CreateTableService(configuration), section["Storage:TablePrefix"] ?? ""));
        services.AddSingleton(sp => new AlarmIndex(sp.GetRequiredService<TableSet>().Alarms));
        services.AddSingleton(sp => new CaseStore(sp.GetRequiredService<TableSet>().Cases, sp.GetRequiredService<AlarmIndex>()));
        services.AddSingleton(sp => new ChildIndex(sp.GetRequiredService<TableSet>().ChildIndex,
            System.Text.Encoding.UTF8.GetBytes(section["ChildIndexKey"] ?? throw Missing("LumoFlow:ChildIndexKey"))));
        services.AddSingleton(sp => new AccessLog(sp.GetRequiredService<TableSet>().AccessLog, sp.GetRequiredService<TimeProvider>()));

        // The pure rules and their settings.
        var calendar = new WorkingDayCalendar(new CalendarOptions { EvesAreWorkingDays = section.GetValue("Calendar:EvesAreWorkingDays", false) });
        services.AddSingleton(calendar);
        services.AddSingleton(new DeadlineRules(calendar));
        services.AddSingleton(new WorkflowOptions(section["PublicBaseUrl"] ?? "http://localhost:7071"));
        services.AddSingleton<CaseWorkflow>();
        services.AddSingleton(ReadRouting(section.GetSection("Routing")));

        services.AddSingleton(new EngineOptions
        {
            RunSweeper = section.GetValue("Engine:RunSweeper", Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is null),
            PokeAfterChange = section.GetValue("Engine:PokeAfterChange", true),
            SweepInterval = TimeSpan.FromSeconds(section.GetValue("Engine:SweepIntervalSeconds", 15.0)),
        });
        services.AddSingleton<CasePokes>();
        services.AddSingleton<CaseEngine>();
        services.AddSingleton<Sweeper>();
        services.AddHostedService<SweeperService>();

        services.AddSingleton<IEmailSender>(sp => CreateEmailSender(section.GetSection("Email"), sp));
        return services;
    }

    private static TableServiceClient CreateTableService(IConfiguration configuration)
    {
        if (configuration["LumoFlow:Storage:TableEndpoint"] is { Length: > 0 } endpoint)
            return new TableServiceClient(new Uri(endpoint), new DefaultAzureCredential());
        var connectionString = configuration["AzureWebJobsStorage"] ?? throw Missing("AzureWebJobsStorage");
        return new TableServiceClient(connectionString);
    }

    private static IEmailSender CreateEmailSender(IConfiguration email, IServiceProvider services)
    {
        var sender = email["SenderAddress"] ?? "lumoflow@example.test";
        return email["Provider"] switch
        {
            "acs" => new AcsEmailSender(new HttpClient(),
                email["AcsConnectionString"] is { Length: > 0 } connectionString
                    ? AcsEmailOptions.FromConnectionString(connectionString, sender)
                    : new AcsEmailOptions(email["AcsEndpoint"] ?? throw Missing("LumoFlow:Email:AcsEndpoint"), null, sender),
                services.GetRequiredService<TimeProvider>(),
                email["AcsConnectionString"] is { Length: > 0 } ? null : new DefaultAzureCredential()),
            _ => new SmtpEmailSender(email["SmtpHost"] ?? "127.0.0.1", email.GetValue("SmtpPort", 1025), sender),
        };
    }

    /// <summary>
    /// The routing table from configuration: <c>Routing:Teams:{id}</c> with names and mailboxes,
    /// <c>Routing:Municipalities:{name or code}</c> = team id, <c>Routing:DefaultTeam</c> for everything else.
    /// </summary>
    public static RoutingTable ReadRouting(IConfiguration routing)
    {
        var teams = routing.GetSection("Teams").GetChildren().Select(t => new Team(
            t.Key,
            t["Name"] ?? t.Key,
            t["OnCallEmail"] ?? throw Missing($"Routing:Teams:{t.Key}:OnCallEmail"),
            t["WorkerEmail"] ?? throw Missing($"Routing:Teams:{t.Key}:WorkerEmail"),
            t["LeadEmail"] ?? throw Missing($"Routing:Teams:{t.Key}:LeadEmail"),
            t["Language"] ?? "fi")).ToList();
        var defaultId = routing["DefaultTeam"] ?? throw Missing("Routing:DefaultTeam");
        var defaultTeam = teams.FirstOrDefault(t => t.Id == defaultId) ?? throw Missing($"Routing:Teams:{defaultId}");
        var municipalities = routing.GetSection("Municipalities").GetChildren().ToDictionary(m => m.Key, m => m.Value!);
        return new RoutingTable(defaultTeam, teams, municipalities);
    }

    private static InvalidOperationException Missing(string setting) => new($"Configuration setting '{setting}' is missing.");
}
