using System.Globalization;
namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// The settings a test's LumoFlow runs with: the tests' Azurite and maildev, a task hub and tables of its own (so tests
/// don't see each other's cases), and Durable polling fast enough that a test waits a fraction of a second, not 30.
/// </summary>
public static class TestSettings
{
    public const string FunctionKey = "integration-test-key";

    public static string NewHub() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static Dictionary<string, string?> For(DevServices services, string hub, string workerId, string? storage = null) => new()
    {
        ["AzureWebJobsStorage"] = storage ?? services.StorageConnectionString,
        ["DevFunctionKey"] = FunctionKey,
        ["LumoFlow:Storage:TablePrefix"] = hub,
        ["LumoFlow:Durable:TaskHub"] = hub,
        ["LumoFlow:Durable:WorkerId"] = workerId,
        ["LumoFlow:Durable:MaxQueuePollingIntervalSeconds"] = "0.5",
        ["LumoFlow:Digest:IntervalSeconds"] = "0",
        // The daily deadline check runs when a test asks (POST /api/admin/checks/deadlines), not on its own.
        ["LumoFlow:Checks:IntervalSeconds"] = "0",
        // On-call's hourly summaries are sent when a test asks (OnCallAlerts.SendDueSummariesAsync), not on their own.
        ["LumoFlow:Urgency:OnCallSummaryIntervalSeconds"] = "0",
        ["LumoFlow:Email:Provider"] = "smtp",
        ["LumoFlow:Email:SmtpHost"] = "127.0.0.1",
        ["LumoFlow:Email:SmtpPort"] = services.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["LumoFlow:PublicBaseUrl"] = "https://lumoflow.test",
        ["LumoFlow:ChildIndexKey"] = "integration-test-child-index-key",
        ["LumoFlow:Auth:DevSignIn:Enabled"] = "true",
        ["LumoFlow:Auth:DevSignIn:SigningKey"] = "integration-test-signing-key-of-32-bytes-or-more",
        // The tests submit hundreds of notifications from one address; the rate limit's own test sets a low one.
        ["LumoFlow:Intake:SubmissionsPerClientPerHour"] = "0",
    };
}
