using LumoFlow.App.Http;
using LumoFlow.App.Web;
using Microsoft.DurableTask.Client;

namespace LumoFlow.LocalHost;

/// <summary>
/// The local host's routes: the same paths and methods as the Functions app's <c>[HttpTrigger]</c>s
/// (<see cref="LumoFlowRoutes"/>), each a one-line adapter over the same handler. Staff routes need the function key.
/// </summary>
public static class LocalEndpoints
{
    public static WebApplication MapLumoFlow(this WebApplication app)
    {
        app.MapGet(LumoFlowRoutes.Health, () => Results.Ok(new { status = "ok" }));
        app.MapGet(LumoFlowRoutes.Deadlines, (string? receivedAt, DeadlinesApi api) => api.Get(receivedAt));

        // Public, but a staff member with the key may register a notification received by phone or in person.
        app.MapPost(LumoFlowRoutes.Notifications, (HttpContext http, DurableTaskClient durable, IntakeApi api, FunctionKeys keys, CancellationToken ct) =>
            StaffIdentity.PresentedKey(http.Request) is { } key
                ? keys.Accepts(key) ? api.SubmitAsync(http, durable, Who(http), ct) : Task.FromResult(FunctionKeys.Unauthorized())
                : api.SubmitAsync(http, durable, null, ct));

        var staff = app.MapGroup("").AddEndpointFilter<FunctionKeyFilter>();
        staff.MapGet(LumoFlowRoutes.Case, (string id, bool? showHistory, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.GetStatusAsync(id, showHistory, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.CaseEvent, (string id, string eventName, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.RaiseEventAsync(id, eventName, http, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.TerminateCase, (string id, string? reason, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.TerminateAsync(id, reason, durable, Who(http), ct));

        // Administrators: the management API and the dashboard over it (staff key: header, or ?code= in a browser).
        staff.MapGet(LumoFlowRoutes.AdminCases, (HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ListAsync(http, durable, Who(http), ct));
        staff.MapGet(LumoFlowRoutes.AdminCase, (string id, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.GetAsync(id, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.AdminCaseEvent, (string id, string eventName, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.RaiseEventAsync(id, eventName, http, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.AdminTerminate, (string id, string? reason, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.TerminateAsync(id, reason, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.AdminSuspend, (string id, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ControlAsync(id, "suspend", reason, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.AdminResume, (string id, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ControlAsync(id, "resume", reason, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.AdminPurge, (string id, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ControlAsync(id, "purge", reason, durable, Who(http), ct));
        staff.MapPost(LumoFlowRoutes.AdminPurgeEnded, (string? endedMoreThanDays, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.PurgeEndedAsync(endedMoreThanDays, reason, durable, Who(http), ct));
        staff.MapGet(LumoFlowRoutes.AdminSummary, (HttpContext http, AdminApi api, CancellationToken ct) => api.SummaryAsync(Who(http), ct));
        staff.MapGet(LumoFlowRoutes.AdminCompliance, (HttpContext http, AdminApi api, CancellationToken ct) => api.ComplianceAsync(http, Who(http), ct));
        staff.MapGet(LumoFlowRoutes.Dashboard, (HttpContext http, DurableTaskClient durable, AdminPages pages, CancellationToken ct) =>
            pages.ListAsync(http, durable, Who(http), ct));
        staff.MapGet(LumoFlowRoutes.DashboardCase, (string id, HttpContext http, DurableTaskClient durable, AdminPages pages, CancellationToken ct) =>
            pages.CaseAsync(id, http, durable, Who(http), ct));
        staff.MapMethods(LumoFlowRoutes.DashboardControl, ["GET", "POST"], (string id, HttpContext http, DurableTaskClient durable, AdminPages pages, CancellationToken ct) =>
            pages.ControlAsync(id, http, durable, Who(http), ct)).DisableAntiforgery();
        staff.MapGet(LumoFlowRoutes.DashboardCompliance, (HttpContext http, AdminPages pages, CancellationToken ct) => pages.ComplianceAsync(http, Who(http), ct));

        // The partner's single-use link is the credential.
        app.MapGet(LumoFlowRoutes.PartnerInput, (string token, HttpContext http, PartnerInputPages pages, CancellationToken ct) => pages.ShowAsync(token, http, ct));
        app.MapPost(LumoFlowRoutes.PartnerInput, (string token, HttpContext http, DurableTaskClient durable, PartnerInputPages pages, CancellationToken ct) =>
            pages.AnswerAsync(token, http, durable, ct)).DisableAntiforgery();

        // The public notification form at /; its handler checks the anti-forgery token itself.
        app.MapGet(LumoFlowRoutes.NotificationForm, (HttpContext http, NotificationFormPages form) => form.Show(http));
        app.MapPost(LumoFlowRoutes.NotificationForm, (HttpContext http, DurableTaskClient durable, NotificationFormPages form, CancellationToken ct) =>
            form.SubmitAsync(http, durable, ct)).DisableAntiforgery();
        return app;
    }

    private static StaffIdentity Who(HttpContext http) => StaffIdentity.FromFunctionKey(http.Request);
}
