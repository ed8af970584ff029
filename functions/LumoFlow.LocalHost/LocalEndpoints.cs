using LumoFlow.App.Http;
using LumoFlow.App.Auth;
using LumoFlow.App.Web;
using Microsoft.DurableTask.Client;

namespace LumoFlow.LocalHost;

/// <summary>
/// The local host's routes: the same paths and methods as the Functions app's <c>[HttpTrigger]</c>s
/// (<see cref="LumoFlowRoutes"/>), each a one-line adapter over the same handler. Who may call which:
/// <see cref="LumoFlowRoutes.Endpoints"/>, checked by <see cref="StaffGateMiddleware"/>.
/// </summary>
public static class LocalEndpoints
{
    public static WebApplication MapLumoFlow(this WebApplication app)
    {
        app.MapGet(LumoFlowRoutes.Health, () => Results.Ok(new { status = "ok" }));
        app.MapGet(LumoFlowRoutes.Asset, (string file) => Stylesheet.Serve(file));
        app.MapGet(LumoFlowRoutes.Deadlines, (string? receivedAt, DeadlinesApi api) => api.Get(receivedAt));

        // Public, but a staff member with the key may register a notification received by phone or in person.
        app.MapPost(LumoFlowRoutes.Notifications, (HttpContext http, DurableTaskClient durable, IntakeApi api, CancellationToken ct) =>
            api.SubmitAsync(http, durable, StaffGate.Caller(http), ct));

        app.MapGet(LumoFlowRoutes.Case, (string id, bool? showHistory, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.GetStatusAsync(id, showHistory, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.CaseEvent, (string id, string eventName, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.RaiseEventAsync(id, eventName, http, durable, Who(http), ct));
        app.MapGet(LumoFlowRoutes.CaseTransferPackage, (string id, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
            api.TransferPackageAsync(id, http, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.TerminateCase,
            (string id, string? reason, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
                api.TerminateAsync(id, reason, durable, Who(http), ct));

        // Administrators: the management API and the dashboard over it (a signed-in Admin).
        app.MapGet(LumoFlowRoutes.AdminCases, (HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ListAsync(http, durable, Who(http), ct));
        app.MapGet(LumoFlowRoutes.AdminCase, (string id, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.GetAsync(id, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.AdminCaseEvent,
            (string id, string eventName, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
                api.RaiseEventAsync(id, eventName, http, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.AdminTerminate,
            (string id, string? reason, HttpContext http, DurableTaskClient durable, CasesApi api, CancellationToken ct) =>
                api.TerminateAsync(id, reason, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.AdminSuspend, (string id, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ControlAsync(id, "suspend", reason, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.AdminResume, (string id, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ControlAsync(id, "resume", reason, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.AdminPurge, (string id, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.ControlAsync(id, "purge", reason, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.AdminPurgeEnded,
            (string? endedMoreThanDays, string? reason, HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
                api.PurgeEndedAsync(endedMoreThanDays, reason, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.AdminDeadlineCheck, (HttpContext http, DurableTaskClient durable, AdminApi api, CancellationToken ct) =>
            api.DeadlineCheckAsync(durable, Who(http), ct));
        app.MapGet(LumoFlowRoutes.AdminVerifyAccessLog, (string? caseId, HttpContext http, AdminApi api, CancellationToken ct) =>
            api.VerifyAccessLogAsync(caseId, Who(http), ct));
        app.MapGet(LumoFlowRoutes.AdminSummary, (HttpContext http, AdminApi api, CancellationToken ct) => api.SummaryAsync(Who(http), ct));
        app.MapGet(LumoFlowRoutes.AdminCompliance, (HttpContext http, AdminApi api, CancellationToken ct) => api.ComplianceAsync(http, Who(http), ct));
        app.MapGet(LumoFlowRoutes.Dashboard, (HttpContext http, DurableTaskClient durable, AdminPages pages, CancellationToken ct) =>
            pages.ListAsync(http, durable, Who(http), ct));
        app.MapGet(LumoFlowRoutes.DashboardCase, (string id, HttpContext http, DurableTaskClient durable, AdminPages pages, CancellationToken ct) =>
            pages.CaseAsync(id, http, durable, Who(http), ct));
        app.MapMethods(LumoFlowRoutes.DashboardControl, ["GET", "POST"],
            (string id, HttpContext http, DurableTaskClient durable, AdminPages pages, CancellationToken ct) =>
                pages.ControlAsync(id, http, durable, Who(http), ct)).DisableAntiforgery();
        app.MapGet(LumoFlowRoutes.DashboardCompliance, (HttpContext http, AdminPages pages, CancellationToken ct) =>
            pages.ComplianceAsync(http, Who(http), ct));

        // Social workers' pages.
        app.MapGet(LumoFlowRoutes.StaffCases, (HttpContext http, DurableTaskClient durable, StaffPages pages, CancellationToken ct) =>
            pages.ListAsync(http, durable, Who(http), ct));
        app.MapGet(LumoFlowRoutes.StaffCase, (string id, HttpContext http, DurableTaskClient durable, StaffPages pages, CancellationToken ct) =>
            pages.CaseAsync(id, http, durable, Who(http), ct));
        app.MapGet(LumoFlowRoutes.StaffTransferPackage, (string id, HttpContext http, DurableTaskClient durable, StaffPages pages, CancellationToken ct) =>
            pages.TransferPackageAsync(id, http, durable, Who(http), ct));
        app.MapPost(LumoFlowRoutes.StaffCaseEvent,
            (string id, string eventName, HttpContext http, DurableTaskClient durable, StaffPages pages, CancellationToken ct) =>
                pages.EventAsync(id, eventName, http, durable, Who(http), ct)).DisableAntiforgery();

        // Staff sign-in (the gate checked the anti-forgery token of a cookie's form; the sign-in form checks its own).
        app.MapGet(LumoFlowRoutes.SignIn, (HttpContext http, SignInPages pages) => pages.ShowAsync(http));
        app.MapPost(LumoFlowRoutes.SignIn, (HttpContext http, SignInPages pages) => pages.DevSignInAsync(http)).DisableAntiforgery();
        app.MapPost(LumoFlowRoutes.SignInCallback, (HttpContext http, SignInPages pages) => pages.CallbackAsync(http)).DisableAntiforgery();
        app.MapPost(LumoFlowRoutes.SignOut, (HttpContext http, SignInPages pages) => pages.SignOutAsync(http)).DisableAntiforgery();
        app.MapPost(LumoFlowRoutes.DevToken, (HttpContext http, SignInPages pages) => pages.DevTokenAsync(http)).DisableAntiforgery();

        // The partner's single-use link is the credential.
        app.MapGet(LumoFlowRoutes.PartnerInput, (string token, HttpContext http, PartnerInputPages pages, CancellationToken ct) =>
            pages.ShowAsync(token, http, ct));
        app.MapPost(LumoFlowRoutes.PartnerInput, (string token, HttpContext http, DurableTaskClient durable, PartnerInputPages pages, CancellationToken ct) =>
            pages.AnswerAsync(token, http, durable, ct)).DisableAntiforgery();

        // The public notification form at /; its handler checks the anti-forgery token itself.
        app.MapGet(LumoFlowRoutes.NotificationForm, (HttpContext http, NotificationFormPages form) => form.Show(http));
        app.MapPost(LumoFlowRoutes.NotificationForm, (HttpContext http, DurableTaskClient durable, NotificationFormPages form, CancellationToken ct) =>
            form.SubmitAsync(http, durable, ct)).DisableAntiforgery();

        StaffGateMiddleware.CheckEveryRouteDeclared(app);
        return app;
    }

    private static StaffIdentity Who(HttpContext http) => StaffGate.Staff(http);
}
