namespace LumoFlow.App.Http;

/// <summary>
/// Every HTTP route LumoFlow serves, in one place: the Azure Functions app declares them on its <c>[HttpTrigger]</c>s
/// (with the host's route prefix empty) and the local host maps the same ones, and a test checks that the two agree.
/// </summary>
public static class LumoFlowRoutes
{
    public const string Health = "api/health";
    public const string Notifications = "api/notifications";
    public const string Deadlines = "api/deadlines";
    public const string Case = "api/cases/{id}";
    public const string CaseEvent = "api/cases/{id}/events/{eventName}";
    public const string TerminateCase = "api/cases/{id}/terminate";
    public const string PartnerInput = "partner-input/{token}";

    /// <summary>
    /// The notification form, at the site's root (<c>/</c>). Not <c>""</c>: the Functions host gives an HTTP trigger with
    /// an empty route its function's name instead, and answers <c>/</c> with its own home page; an optional parameter
    /// that must be empty matches exactly <c>/</c> in both hosts (Azure/Azure-Functions#2473).
    /// </summary>
    public const string NotificationForm = "{root:maxlength(0)?}";

    // Administrators: the management API …
    public const string AdminCases = "api/admin/cases";
    public const string AdminCase = "api/admin/cases/{id}";
    public const string AdminCaseEvent = "api/admin/cases/{id}/events/{eventName}";
    public const string AdminTerminate = "api/admin/cases/{id}/terminate";
    public const string AdminSuspend = "api/admin/cases/{id}/suspend";
    public const string AdminResume = "api/admin/cases/{id}/resume";
    public const string AdminPurge = "api/admin/cases/{id}/purge";
    public const string AdminPurgeEnded = "api/admin/purge";
    public const string AdminSummary = "api/admin/summary";
    public const string AdminCompliance = "api/admin/reports/compliance";

    // … and the dashboard over it.
    public const string Dashboard = "admin";
    public const string DashboardCase = "admin/cases/{id}";
    public const string DashboardControl = "admin/cases/{id}/control";
    public const string DashboardCompliance = "admin/reports/compliance";
}
