using DurableTask.AzureStorage;
using LumoFlow.App.Activities;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;

namespace LumoFlow.LocalHost;

/// <summary>
/// The local host's Durable Task wiring: Durable's Azure Storage backend on the app's storage account (Azurite), the
/// sidecar over it (<see cref="DurableTaskSidecar"/>), and the SDK's worker — which runs the case orchestration and its
/// activities, the same classes the Functions app runs — and client. Settings under <c>LumoFlow:Durable</c>.
/// </summary>
public static class LocalDurableTask
{
    /// <summary>Durable Functions' default task hub name here: the Functions app uses the same one (host.json).</summary>
    public const string DefaultTaskHub = "LumoFlow";

    /// <summary>
    /// Long timers are chained as hops of at most this long: Azure queues hide a message for at most 7 days, and a
    /// longer hop (8 days, tried) made its episode retry forever.
    /// </summary>
    public static readonly TimeSpan MaximumTimerInterval = TimeSpan.FromDays(6);

    /// <summary>
    /// How long a fetched work item or control-queue message stays hidden: after a crash, how soon the dead process's
    /// work comes back (Durable's default, 5 minutes, held an email cut off mid-send for 302 s). An activity's work item
    /// is renewed while the activity runs (<see cref="RenewedActivityLocks"/>), so a slow one is not run twice. host.json
    /// sets the same for Azure.
    /// </summary>
    public static readonly TimeSpan WorkItemVisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The control queues' counterpart of <see cref="WorkItemVisibilityTimeout"/>: orchestration episodes take milliseconds.</summary>
    public static readonly TimeSpan ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an orchestration's session is kept in memory after an episode, waiting for its next messages
    /// (<see cref="ExtendedSessions"/>; Durable's default, and the Functions host's). 0 turns extended sessions off.
    /// </summary>
    public static readonly TimeSpan ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>At most this many sessions are kept waiting at once (a few tens of kilobytes each).</summary>
    public const int MaxExtendedSessions = 1000;

    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services)
    {
        var socketPath = DurableTaskSidecar.NewSocketPath();
        var channel = DurableTaskSidecar.ChannelTo(socketPath);

        services.AddSingleton(sp => new AzureStorageOrchestrationService(BackendSettings(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetService<StorageAccountClientProvider>())));
        // The backend as the sidecar runs it: activities' work items renewed while they run, orchestrations' sessions
        // kept between episodes (each class says why).
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new ExtendedSessions(new RenewedActivityLocks(sp.GetRequiredService<AzureStorageOrchestrationService>(),
                ActivityLockRenewal(configuration)), configuration.GetSection("LumoFlow:Durable").GetValue("MaxExtendedSessions", MaxExtendedSessions),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<ExtendedSessions>());
        });
        // Registered before the worker: started first, stopped last.
        services.AddHostedService(sp => new DurableTaskSidecar(sp.GetRequiredService<ExtendedSessions>(),
            sp.GetRequiredService<AzureStorageOrchestrationService>(), socketPath, sp.GetRequiredService<ILoggerFactory>()));

        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(o =>
            {
                o.Channel = channel;
                // The sidecar sends no health pings; with the SDK's default the worker reconnects after 120 s of silence,
                // and work items fetched across that reconnect were lost (the experiment: 4 of 200).
                o.SetSilentDisconnectTimeout(TimeSpan.Zero);
                // The served sidecar loses the events an orchestration keeps across its ContinueAsNew: see the class.
                o.Interceptors.Add(new CarryOverOwnEvents());
            });
            worker.Configure(o =>
            {
                o.MaximumTimerInterval = MaximumTimerInterval;
                o.Versioning = new DurableTaskWorkerOptions.VersioningOptions
                {
                    Version = CaseOrchestration.Version,
                    DefaultVersion = CaseOrchestration.Version,
                    MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
                    FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
                };
            });
            // The same orchestration and activity classes the Functions app runs, built from this app's services.
            worker.Services.AddOptions<DurableTaskRegistry>(worker.Name).Configure<IServiceProvider>((tasks, services) =>
            {
                tasks.AddOrchestrator(CaseOrchestration.Name, () => services.GetRequiredService<CaseOrchestration>());
                tasks.AddActivity(CaseActivities.RecordCase,
                    Activity<RecordCase, CaseRecordUpdate, RecordedCase>(services, (a, input) => a.RunAsync(input, CancellationToken.None)));
                tasks.AddActivity(CaseActivities.SendEmail,
                    Activity<SendEmail, SendEmailInput, bool>(services, (a, input) => a.RunAsync(input, CancellationToken.None)));
                tasks.AddActivity(CaseActivities.LinkChildren,
                    Activity<LinkChildren, LinkChildrenInput, IReadOnlyList<string>>(services, (a, input) => a.RunAsync(input, CancellationToken.None)));
            });
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        return services;
    }

    /// <summary>
    /// The settings the experiment found necessary (docs/orchestration.md): queue polling capped at 1 s by default
    /// (Durable's 30 s makes events and timers up to 30 s late), a fixed worker id (a restarted process takes its
    /// partitions back at once instead of waiting out the old leases), fetched messages hidden for 30 s (a crashed
    /// process's work comes back within that; a running activity's is renewed), no app lease (one app uses this task hub),
    /// and extended sessions (<see cref="ExtendedSessions"/>).
    /// </summary>
    internal static AzureStorageOrchestrationServiceSettings BackendSettings(IConfiguration configuration, ILoggerFactory loggers,
        StorageAccountClientProvider? storage = null)
    {
        var durable = configuration.GetSection("LumoFlow:Durable");
        var sessionIdle = TimeSpan.FromSeconds(durable.GetValue("ExtendedSessionIdleTimeoutSeconds", ExtendedSessionIdleTimeout.TotalSeconds));
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = storage ?? new StorageAccountClientProvider(
                configuration["AzureWebJobsStorage"] ?? throw new InvalidOperationException("Configuration setting 'AzureWebJobsStorage' is missing.")),
            TaskHubName = durable["TaskHub"] ?? DefaultTaskHub,
            WorkerId = durable["WorkerId"] ?? Environment.MachineName,
            PartitionCount = durable.GetValue("PartitionCount", 4),
            MaxQueuePollingInterval = TimeSpan.FromSeconds(durable.GetValue("MaxQueuePollingIntervalSeconds", 1.0)),
            WorkItemQueueVisibilityTimeout = WorkItemVisibility(configuration),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(
                durable.GetValue("ControlQueueVisibilityTimeoutSeconds", ControlQueueVisibilityTimeout.TotalSeconds)),
            MaxConcurrentTaskActivityWorkItems = durable.GetValue("MaxConcurrentActivities", 32),
            MaxConcurrentTaskOrchestrationWorkItems = durable.GetValue("MaxConcurrentOrchestrations", 100),
            UseAppLease = false,
            ExtendedSessionsEnabled = sessionIdle > TimeSpan.Zero,
            ExtendedSessionIdleTimeout = sessionIdle > TimeSpan.Zero ? sessionIdle : ExtendedSessionIdleTimeout,
            // Starting a case over an existing one is refused loudly, not skipped silently (intake relies on it).
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggers,
        };
    }

    private static TimeSpan WorkItemVisibility(IConfiguration configuration) => TimeSpan.FromSeconds(
        configuration.GetSection("LumoFlow:Durable").GetValue("WorkItemVisibilityTimeoutSeconds", WorkItemVisibilityTimeout.TotalSeconds));

    /// <summary>A running activity's work item is renewed three times per visibility timeout: a late renewal still comes in time.</summary>
    internal static TimeSpan ActivityLockRenewal(IConfiguration configuration) => WorkItemVisibility(configuration) / 3;

    private static ITaskActivity Activity<TActivity, TInput, TOutput>(IServiceProvider services, Func<TActivity, TInput, Task<TOutput>> run)
        where TActivity : notnull =>
        new ActivityAdapter<TInput, TOutput>(input => run(services.GetRequiredService<TActivity>(), input));

    /// <summary>An activity class of LumoFlow.App as the SDK's worker wants it (the Functions app has a one-line [Function] each).</summary>
    private sealed class ActivityAdapter<TInput, TOutput>(Func<TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(input);
    }
}
