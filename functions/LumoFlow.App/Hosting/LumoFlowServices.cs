using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using LumoFlow.App.Activities;
using LumoFlow.App.Admin;
using LumoFlow.App.Auth;
using LumoFlow.App.Web;
using LumoFlow.App.Cases;
using LumoFlow.App.Checks;
using LumoFlow.App.Digest;
using LumoFlow.App.Email;
using LumoFlow.App.Http;
using LumoFlow.App.Intake;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LumoFlow.App.Hosting;

/// <summary>
/// The one place that wires what both hosts run: configuration in, services out. The hosts add only what is theirs —
/// the Durable worker and client (the Functions host's, or the local sidecar's) and how a staff key is checked.
/// </summary>
public static class LumoFlowServices
{
    public const string RoutingFile = "routing.json";

    /// <summary>
    /// The routing table (teams and municipalities), shipped beside the app, as the lowest source: app settings and
    /// environment variables override any of it.
    /// </summary>
    public static IConfigurationBuilder AddLumoFlowRouting(this IConfigurationBuilder configuration)
    {
        var routing = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, RoutingFile), Optional = false };
        routing.ResolveFileProvider();
        configuration.Sources.Insert(0, routing);
        return configuration;
    }

    /// <summary>
    /// Registers everything. Settings are read when a service is first built, not here, so that a host (or a test) can
    /// still add configuration after this call.
    /// </summary>
    public static IServiceCollection AddLumoFlow(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // A partner's link is a secret in the path: no logger of the process ever sees it.
        services.AddSecretPathRedaction();

        // LumoFlow's own records: a connection string locally (Azurite), the table endpoint with managed identity in Azure.
        services.AddSingleton(sp => new LumoFlowTables(
            CreateTableService(sp.GetRequiredService<IConfiguration>(), sp.GetService<TableClientOptions>() ?? new TableClientOptions()),
            Section(sp)["Storage:TablePrefix"] ?? ""));
        services.AddSingleton(sp => new CaseIndex(sp.GetRequiredService<LumoFlowTables>().CaseIndex));
        services.AddSingleton<CaseRecords>();
        services.AddSingleton(sp => new ChildIndex(sp.GetRequiredService<LumoFlowTables>().ChildIndex, ChildIndexKey(Section(sp))));
        services.AddSingleton(sp => new AccessLog(sp.GetRequiredService<LumoFlowTables>().AccessLog, sp.GetRequiredService<TimeProvider>()));
        // The access log's daily anchors, in a blob container that is immutable in Azure (infra/main.bicep).
        services.AddSingleton(sp => new AccessLogAnchors(sp.GetRequiredService<AccessLog>(),
            CreateBlobService(sp.GetRequiredService<IConfiguration>()).GetBlobContainerClient(AnchorContainer(Section(sp))),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AccessLogAnchors>>()));

        // The pure rules and their settings.
        services.AddSingleton(sp => new WorkingDayCalendar(new CalendarOptions
        {
            EvesAreWorkingDays = Section(sp).GetValue("Calendar:EvesAreWorkingDays", false),
        }));
        services.AddSingleton<DeadlineRules>();
        services.AddSingleton(sp => new WorkflowOptions(Section(sp)["PublicBaseUrl"] ?? "http://localhost:7071")
        {
            Reminders = Section(sp).GetSection("Reminders").Get<ReminderSchedule>() ?? new ReminderSchedule(),
            Urgency = ReadUrgency(Section(sp).GetSection("Urgency")),
            // Off unless legal advice says otherwise: the outcome is information about a social-welfare client.
            FeedbackTellsOutcome = Section(sp).GetValue("Feedback:TellOutcome", false),
        });
        services.AddSingleton<CaseWorkflow>();
        services.AddSingleton(sp => ReadRouting(Section(sp).GetSection("Routing")));

        // Email.
        // Every send measured by kind (failures, escalations): LumoFlowTelemetry.
        services.AddSingleton<IEmailSender>(sp => new MeasuredEmailSender(CreateEmailSender(Section(sp).GetSection("Email"), sp)));
        services.AddSingleton<EmailDelivery>();
        // On-call's hourly cap on URGENT emails (LumoFlow:Urgency:OnCallEmailsPerHour), counted across cases in a table.
        services.AddSingleton(sp => OnCallAlerts.Read(Section(sp)));
        services.AddSingleton<OnCallAlerts>();

        // The case orchestration and its activities (each host registers them with its Durable worker).
        services.AddTransient<CaseOrchestration>();
        services.AddSingleton<RecordCase>();
        services.AddSingleton<SendEmail>();
        services.AddSingleton<LinkChildren>();

        // Staff sign-in and who may call what (both hosts put StaffGate in front of every route).
        // The anti-forgery cookie as the session's: __Host-, HttpOnly, SameSite=Strict, no expiry. Secure is added to every
        // __Host- cookie as the answer starts (AnswerHeaders): the worker sees plain HTTP behind Azure's front end, and
        // locally it is http://localhost, where a SecurePolicy of Always would refuse to make a token at all.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AnswerHeaders.AntiforgeryCookie;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.None;
        });
        // The anti-forgery tokens' key ring in LumoFlow's own table, the same for every instance.
        services.AddDataProtection().SetApplicationName("LumoFlow");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new TableKeyRepository(sp.GetRequiredService<LumoFlowTables>().DataProtectionKeys)));
        services.AddSingleton(sp => ReadStaffAuth(Section(sp), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new StaffTokens(sp.GetRequiredService<StaffAuthOptions>(), sp.GetRequiredService<TimeProvider>()));
        // Sessions on the server, LumoFlow:Auth:Session (idle 30 minutes, absolute 10 hours).
        services.AddSingleton(sp => SessionOptions.Read(Section(sp)));
        services.AddSingleton(sp => new StaffSessions(sp.GetRequiredService<LumoFlowTables>().StaffSessions,
            sp.GetRequiredService<SessionOptions>(), sp.GetRequiredService<TimeProvider>()));
        // HSTS in Azure only (App Service, not Development): locally the site is http://localhost.
        services.AddSingleton(sp => new AnswerHeaders.Policy(AnswerHeaders.SendsHsts(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().EnvironmentName)));
        services.AddSingleton<StaffGate>();
        services.AddSingleton<SignInPages>();
        services.AddSingleton<StaffPages>();

        // What the HTTP endpoints do, and the weekly digest.
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<CaseLookup>();
        services.AddSingleton<CaseEventGate>();
        services.AddSingleton<CaseTermination>();
        services.AddSingleton<TransferPackages>();
        services.AddSingleton<IntakeApi>();
        services.AddSingleton<CasesApi>();
        services.AddSingleton<DeadlinesApi>();
        services.AddSingleton<PartnerInputPages>();
        // The public form (its anti-forgery tokens are registered with the sign-in's above), and the bound on submissions per client.
        services.AddSingleton(sp => SubmissionRateLimit.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<NotificationFormPages>();
        services.AddSingleton(sp => new EngineHistory(sp.GetRequiredService<LumoFlowTables>().Service,
            Section(sp)["Durable:TaskHub"] ?? EngineHistory.DefaultTaskHub));
        services.AddSingleton<AdminCases>();
        services.AddSingleton<AdminApi>();
        services.AddSingleton<AdminPages>();
        services.AddSingleton<WeeklyDigest>();
        // The daily deadline check: its rules are the domain's, its settings LumoFlow:Checks.
        services.AddSingleton(sp => new DailyCheck(sp.GetRequiredService<WorkflowOptions>().Urgency, sp.GetRequiredService<WorkingDayCalendar>()));
        services.AddSingleton(sp => Section(sp).GetSection("Checks").Get<CheckOptions>() ?? new CheckOptions());
        services.AddSingleton<DeadlineChecks>();
        // The gauges of open cases overdue, urgency unassessed and failed orchestrations (LumoFlowTelemetry).
        services.AddSingleton<CaseGauges>();
        // The engine-history retention: the daily purge of ended cases' Durable history, LumoFlow:Retention.
        services.AddSingleton(sp => (Section(sp).GetSection("Retention").Get<RetentionOptions>() ?? new RetentionOptions()).Checked());
        services.AddSingleton<EngineRetention>();
        return services;
    }

    /// <summary>
    /// The secret of the child index's keyed hash. It must never change once cases exist (links would be lost), so a
    /// key that is obviously not the real one is refused at once rather than used: App Service passes an unresolved
    /// Key Vault reference through as its literal text.
    /// </summary>
    private static byte[] ChildIndexKey(IConfiguration settings)
    {
        var key = settings["ChildIndexKey"] ?? throw Missing("LumoFlow:ChildIndexKey");
        if (key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("LumoFlow:ChildIndexKey is an unresolved Key Vault reference; check the app's access to the vault.");
        var bytes = System.Text.Encoding.UTF8.GetBytes(key);
        if (bytes.Length < MinChildIndexKeyBytes)
            throw new InvalidOperationException($"LumoFlow:ChildIndexKey must be at least {MinChildIndexKeyBytes} bytes.");
        return bytes;
    }

    private const int MinChildIndexKeyBytes = 32;

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

    /// <summary>The storage account's blob service: the endpoint with managed identity in Azure, the connection string locally.</summary>
    private static BlobServiceClient CreateBlobService(IConfiguration configuration)
    {
        if (configuration["LumoFlow:Storage:BlobEndpoint"] is { Length: > 0 } endpoint)
            return new BlobServiceClient(new Uri(endpoint), new DefaultAzureCredential());
        return new BlobServiceClient(configuration["AzureWebJobsStorage"] ?? throw Missing("AzureWebJobsStorage"));
    }

    /// <summary>
    /// <c>LumoFlow:AccessLog:AnchorContainer</c> (default <c>access-log-anchors</c>); with a table prefix (the tests'), the
    /// prefix before it, so that each test's app has its own.
    /// </summary>
    private static string AnchorContainer(IConfiguration settings)
    {
        var name = settings["AccessLog:AnchorContainer"] ?? AccessLogAnchors.DefaultContainer;
        return settings["Storage:TablePrefix"] is { Length: > 0 } prefix ? $"{prefix.ToLowerInvariant()}-{name}" : name;
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
    /// Staff sign-in (<see cref="StaffAuthOptions"/>). The development sign-in runs only in the Development environment:
    /// enabled in settings elsewhere (the sample settings enable it, and a run without <c>--environment Development</c>
    /// picks them up), it stays off, and the log says why.
    /// </summary>
    private static StaffAuthOptions ReadStaffAuth(IConfiguration lumoFlow, IHostEnvironment environment, ILoggerFactory logs)
    {
        var options = StaffAuthOptions.Read(lumoFlow, environment.EnvironmentName);
        if (lumoFlow.GetValue("Auth:DevSignIn:Enabled", false) && !options.DevSignInEnabled)
            logs.CreateLogger(typeof(StaffAuthOptions)).LogWarning(
                "The development sign-in is enabled in the settings but stays off: it runs only in the Development environment, not in {Environment}",
                environment.EnvironmentName);
        return options;
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

    /// <summary>
    /// <c>LumoFlow:Urgency</c>: office hours, the lead's and on-call's hours and the red-flag reasons. A list given in
    /// settings replaces the default list (configuration binding would otherwise add to it).
    /// </summary>
    public static UrgencySchedule ReadUrgency(IConfiguration urgency)
    {
        var schedule = urgency.Get<UrgencySchedule>() ?? new UrgencySchedule();
        var reasons = urgency.GetSection("RedFlagReasons").GetChildren().Select(r => r.Value).OfType<string>().ToList();
        if (reasons.Count > 0) schedule = schedule with { RedFlagReasons = reasons };
        var unknown = schedule.RedFlagReasons.Where(r => !ConcernReasons.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"LumoFlow:Urgency:RedFlagReasons names reasons the form does not have: {string.Join(", ", unknown)}.");
        if (schedule.OfficeEnd <= schedule.OfficeStart || schedule.LeadAfterHours <= 0 || schedule.OnCallAfterHours < schedule.LeadAfterHours)
            throw new InvalidOperationException("LumoFlow:Urgency: office hours must end after they start, and 0 < LeadAfterHours <= OnCallAfterHours.");
        return schedule;
    }

    private static InvalidOperationException Missing(string setting) => new($"Configuration setting '{setting}' is missing.");
}
