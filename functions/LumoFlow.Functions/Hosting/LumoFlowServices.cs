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
    /// <summary>
    /// Registers everything. Settings are read when a service is first built, not here, so that a host
    /// (or a test) can still add configuration after this call.
    /// </summary>
    public static IServiceCollection AddLumoFlow(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        
        // Storage: a connection string locally (Azurite), the table endpoint with managed identity in Azure.
        services.AddSingleton(sp => new TableSet(
            CreateTableService(sp.GetRequiredService<IConfiguration>(), sp.GetService<TableClientOptions>() ?? new TableClientOptions()),
            Section(sp)["Storage:TablePrefix"] ?? ""));
        services.AddSingleton(sp => new AlarmIndex(sp.GetRequiredService<TableSet>().Alarms));
        services.AddSingleton(sp => new CaseStore(sp.GetRequiredService<TableSet>().Cases, sp.GetRequiredService<AlarmIndex>()));
        services.AddSingleton(sp => new ChildIndex(sp.GetRequiredService<TableSet>().ChildIndex,
            System.Text.Encoding.UTF8.GetBytes(Section(sp)["ChildIndexKey"] ?? throw Missing("LumoFlow:ChildIndexKey"))));
        services.AddSingleton(sp => new AccessLog(sp.GetRequiredService<TableSet>().AccessLog, sp.GetRequiredService<TimeProvider>()));

        // The pure rules and their settings.
        services.AddSingleton(sp => new WorkingDayCalendar(new CalendarOptions
        {
            EvesAreWorkingDays = Section(sp).GetValue("Calendar:EvesAreWorkingDays", false),
        }));
        services.AddSingleton<DeadlineRules>();
        services.AddSingleton(sp => new WorkflowOptions(Section(sp)["PublicBaseUrl"] ?? "http://localhost:7071")
        {
            Reminders = Section(sp).GetSection("Reminders").Get<ReminderSchedule>() ?? new ReminderSchedule(),
        });
        services.AddSingleton<CaseWorkflow>();
        services.AddSingleton(sp => ReadRouting(Section(sp).GetSection("Routing")));

        services.AddSingleton(sp =>
        {
            var engine = Section(sp).GetSection("Engine");
            return new EngineOptions
            {
                // Under the Functions host the Sweep timer trigger drives the sweep instead of the in-process loop.
                RunSweeper = engine.GetValue("RunSweeper", Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is null),
                PokeAfterChange = engine.GetValue("PokeAfterChange", true),
                SweepInterval = TimeSpan.FromSeconds(engine.GetValue("SweepIntervalSeconds", 15.0)),
                SendRetryDelay = TimeSpan.FromSeconds(engine.GetValue("SendRetryDelaySeconds", 60.0)),
                InlineSendTimeout = TimeSpan.FromSeconds(engine.GetValue("InlineSendTimeoutSeconds", 3.0)),
                SweepParallelism = engine.GetValue("SweepParallelism", new EngineOptions().SweepParallelism),
            };
        });
        services.AddSingleton<CasePokes>();
        services.AddSingleton<CaseLocks>();
        services.AddSingleton(sp => new CaseCache(Section(sp).GetValue("Engine:CacheCapacity", 20_000)));
        services.AddSingleton<CaseEngine>();
        services.AddSingleton<Sweeper>();
        services.AddSingleton<DigestSender>();
        services.AddHostedService<SweeperService>();

        services.AddSingleton<IEmailSender>(sp => CreateEmailSender(Section(sp).GetSection("Email"), sp));
        return services;
    }

    private static IConfigurationSection Section(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetSection("LumoFlow");

    /// <param name="options">Client options; the benchmark registers its own to count storage requests.</param>
    private static TableServiceClient CreateTableService(IConfiguration configuration, TableClientOptions options)
    {
        if (configuration["LumoFlow:Storage:TableEndpoint"] is { Length: > 0 } endpoint)
            return new TableServiceClient(new Uri(endpoint), new DefaultAzureCredential(), options);
        var connectionString = configuration["AzureWebJobsStorage"] ?? throw Missing("AzureWebJobsStorage");
        return new TableServiceClient(connectionString, options);
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
