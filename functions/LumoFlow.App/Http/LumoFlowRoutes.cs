using LumoFlow.App.Auth;

namespace LumoFlow.App.Http;

/// <summary>
/// Every HTTP route LumoFlow serves, in one place: the Azure Functions app declares them on its <c>[HttpTrigger]</c>s
/// (with the host's route prefix empty) and the local host maps the same ones, and a test checks that the two agree.
/// <see cref="Endpoints"/> says who may call each: both hosts refuse to start a route missing from it, and the
/// authorization test is generated from it.
/// </summary>
public static class LumoFlowRoutes
{
    public const string Health = "api/health";
    public const string Notifications = "api/notifications";
    public const string Deadlines = "api/deadlines";
    public const string Case = "api/cases/{id}";
    public const string CaseEvent = "api/cases/{id}/events/{eventName}";
    public const string TerminateCase = "api/cases/{id}/terminate";
    /// <summary>LSL § 25 d: what the new region needs to continue (<see cref="Cases.TransferPackages"/>).</summary>
    public const string CaseTransferPackage = "api/cases/{id}/transfer-package";
    public const string PartnerInput = "partner-input/{token}";

    /// <summary>The pages' one stylesheet, under its fingerprinted name (<see cref="Web.Stylesheet"/>).</summary>
    public const string Asset = "assets/{file}";

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
    /// <summary>The daily deadline check, on demand (<see cref="Checks.DeadlineChecks"/>).</summary>
    public const string AdminDeadlineCheck = "api/admin/checks/deadlines";
    /// <summary>Recomputes the access log's hash chains and compares them with the anchors (<see cref="Records.AccessLogAnchors"/>).</summary>
    public const string AdminVerifyAccessLog = "api/admin/access-log/verify";

    // … and the dashboard over it.
    public const string Dashboard = "admin";
    public const string DashboardCase = "admin/cases/{id}";
    public const string DashboardControl = "admin/cases/{id}/control";
    public const string DashboardCompliance = "admin/reports/compliance";

    // Social workers' pages.
    public const string StaffCases = "staff";
    public const string StaffCase = "staff/cases/{id}";
    public const string StaffCaseEvent = "staff/cases/{id}/events/{eventName}";
    public const string StaffTransferPackage = "staff/cases/{id}/transfer-package";

    // Staff sign-in: Entra ID in Azure, the development sign-in locally.
    public const string SignIn = "signin";
    public const string SignInCallback = "signin/callback";
    public const string SignOut = "signout";
    public const string DevToken = "signin/dev-token";

    /// <summary>One route and method, and what it asks of its caller.</summary>
    public sealed record Endpoint(string Method, string Route, RouteAccess Access);

    public static readonly IReadOnlyList<Endpoint> Endpoints =
    [
        new("GET", Health, RouteAccess.Public),
        new("GET", Asset, RouteAccess.Public),
        new("GET", NotificationForm, RouteAccess.Public),
        new("POST", NotificationForm, RouteAccess.Public),
        new("GET", Deadlines, RouteAccess.Public),
        new("POST", Notifications, RouteAccess.Public), // a staff credential makes it a registration (receivedAt allowed)
        new("GET", PartnerInput, RouteAccess.Public),    // the single-use link is the credential
        new("POST", PartnerInput, RouteAccess.Public),
        new("GET", SignIn, RouteAccess.Public),
        new("POST", SignIn, RouteAccess.Public),
        new("POST", SignInCallback, RouteAccess.Public),
        new("POST", SignOut, RouteAccess.Public),
        new("POST", DevToken, RouteAccess.Public),

        new("GET", Case, RouteAccess.Staff),
        new("POST", CaseEvent, RouteAccess.Staff),       // Reassigned only for a team lead: CasesApi
        new("POST", TerminateCase, RouteAccess.TeamLead),
        new("GET", CaseTransferPackage, RouteAccess.Staff),
        new("GET", StaffCases, RouteAccess.Staff),
        new("GET", StaffCase, RouteAccess.Staff),
        new("POST", StaffCaseEvent, RouteAccess.Staff),
        new("GET", StaffTransferPackage, RouteAccess.Staff),

        new("GET", AdminCases, RouteAccess.Admin),
        new("GET", AdminCase, RouteAccess.Admin),
        new("POST", AdminCaseEvent, RouteAccess.Admin),
        new("POST", AdminTerminate, RouteAccess.Admin),
        new("POST", AdminSuspend, RouteAccess.Admin),
        new("POST", AdminResume, RouteAccess.Admin),
        new("POST", AdminPurge, RouteAccess.Admin),
        new("POST", AdminPurgeEnded, RouteAccess.Admin),
        new("GET", AdminSummary, RouteAccess.Admin),
        new("GET", AdminCompliance, RouteAccess.Admin),
        new("POST", AdminDeadlineCheck, RouteAccess.Admin),
        new("GET", AdminVerifyAccessLog, RouteAccess.Admin),
        new("GET", Dashboard, RouteAccess.Admin),
        new("GET", DashboardCase, RouteAccess.Admin),
        new("GET", DashboardControl, RouteAccess.Admin),
        new("POST", DashboardControl, RouteAccess.Admin),
        new("GET", DashboardCompliance, RouteAccess.Admin),
    ];

    private static readonly Dictionary<string, RouteAccess> ByKey =
        Endpoints.ToDictionary(e => Key(e.Method, e.Route), e => e.Access, StringComparer.OrdinalIgnoreCase);

    private static string Key(string method, string route) => $"{method.ToUpperInvariant()} /{route.Trim('/')}";

    /// <summary>What the endpoint asks; null for a route and method not in <see cref="Endpoints"/> (the hosts refuse those).</summary>
    public static RouteAccess? AccessOf(string method, string route) =>
        ByKey.TryGetValue(Key(HttpMethods.IsHead(method) ? "GET" : method, route), out var access) ? access : null;
}
