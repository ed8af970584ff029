using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using LumoFlow.App.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace LumoFlow.Functions.Functions;

/// <summary>
/// LumoFlow's HTTP routes as Azure Functions (host.json: route prefix empty, so the routes are
/// <see cref="LumoFlowRoutes"/> as they are). One-line adapters over the handlers in LumoFlow.App. Every function is
/// <see cref="AuthorizationLevel.Anonymous"/> to the host: who may call which is <see cref="LumoFlowRoutes.Endpoints"/>,
/// checked by <see cref="StaffGateMiddleware"/> before the function runs (a function key, which the host still
/// validates, a signed-in person's token, or nothing).
/// </summary>
public sealed class HttpFunctions(IntakeApi intake, CasesApi cases, DeadlinesApi deadlines, PartnerInputPages partnerInput, AdminApi admin, AdminPages pages,
    StaffPages staffPages, SignInPages signIn)
{
    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.Health)] HttpRequest request) =>
        Results.Ok(new { status = "ok" });

    [Function("Asset")]
    public IResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.Asset)] HttpRequest request, string file) =>
        Stylesheet.Serve(file);

    [Function("Deadlines")]
    public IResult Deadlines([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.Deadlines)] HttpRequest request) =>
        deadlines.Get(request.Query["receivedAt"]);

    /// <summary>Public; a request with a valid key is staff registering a notification received by phone or in person.</summary>
    [Function("SubmitNotification")]
    public async Task<IResult> SubmitNotification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.Notifications)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, FunctionContext context, CancellationToken cancellationToken) =>
        await intake.SubmitAsync(request.HttpContext, durable,
            StaffGate.Caller(request.HttpContext), cancellationToken);

    [Function("CaseStatus")]
    public Task<IResult> CaseStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.Case)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.GetStatusAsync(
            id, bool.TryParse(request.Query["showHistory"], out var show) && show, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("RaiseEvent")]
    public Task<IResult> RaiseEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.CaseEvent)] HttpRequest request, string id, string eventName,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.RaiseEventAsync(id, eventName, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("CaseTransferPackage")]
    public Task<IResult> CaseTransferPackage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.CaseTransferPackage)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.TransferPackageAsync(id, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("TerminateCase")]
    public Task<IResult> TerminateCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.TerminateCase)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.TerminateAsync(id, request.Query["reason"], durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    /// <summary>The partner's single-use link is the credential.</summary>
    [Function("PartnerInputForm")]
    public Task<IResult> PartnerInputForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.PartnerInput)] HttpRequest request, string token,
        CancellationToken cancellationToken) =>
        partnerInput.ShowAsync(token, request.HttpContext, cancellationToken);

    [Function("PartnerInputAnswer")]
    public Task<IResult> PartnerInputAnswer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.PartnerInput)] HttpRequest request, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        partnerInput.AnswerAsync(token, request.HttpContext, durable, cancellationToken);

    // The public notification form at the site's root (see LumoFlowRoutes.NotificationForm). Its handler is taken from
    // the request's services so that this block stands on its own.

    [Function("NotificationForm")]
    public IResult NotificationForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.NotificationForm)] HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<NotificationFormPages>().Show(request.HttpContext);

    [Function("NotificationFormSubmit")]
    public Task<IResult> NotificationFormSubmit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.NotificationForm)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        request.HttpContext.RequestServices.GetRequiredService<NotificationFormPages>().SubmitAsync(request.HttpContext, durable, cancellationToken);

    // Administrators: the management API and the dashboard over it.

    [Function("AdminListCases")]
    public Task<IResult> AdminListCases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.AdminCases)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ListAsync(request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminGetCase")]
    public Task<IResult> AdminGetCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.AdminCase)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.GetAsync(id, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminRaiseEvent")]
    public Task<IResult> AdminRaiseEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.AdminCaseEvent)] HttpRequest request, string id, string eventName,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.RaiseEventAsync(id, eventName, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminTerminate")]
    public Task<IResult> AdminTerminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.AdminTerminate)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.TerminateAsync(id, request.Query["reason"], durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminSuspend")]
    public Task<IResult> AdminSuspend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.AdminSuspend)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ControlAsync(id, "suspend", request.Query["reason"], durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminResume")]
    public Task<IResult> AdminResume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.AdminResume)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ControlAsync(id, "resume", request.Query["reason"], durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminPurge")]
    public Task<IResult> AdminPurge(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.AdminPurge)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ControlAsync(id, "purge", request.Query["reason"], durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminPurgeEnded")]
    public Task<IResult> AdminPurgeEnded(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.AdminPurgeEnded)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.PurgeEndedAsync(request.Query["endedMoreThanDays"], request.Query["reason"], durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminDeadlineCheck")]
    public Task<IResult> AdminDeadlineCheck(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.AdminDeadlineCheck)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.DeadlineCheckAsync(durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminVerifyAccessLog")]
    public Task<IResult> AdminVerifyAccessLog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.AdminVerifyAccessLog)] HttpRequest request,
        CancellationToken cancellationToken) =>
        admin.VerifyAccessLogAsync(request.Query["caseId"], StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminSummary")]
    public Task<IResult> AdminSummary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.AdminSummary)] HttpRequest request, CancellationToken cancellationToken) =>
        admin.SummaryAsync(StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("AdminCompliance")]
    public Task<IResult> AdminCompliance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.AdminCompliance)] HttpRequest request, CancellationToken cancellationToken) =>
        admin.ComplianceAsync(request.HttpContext, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("Dashboard")]
    public Task<IResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.Dashboard)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        pages.ListAsync(request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("DashboardCase")]
    public Task<IResult> DashboardCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.DashboardCase)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        pages.CaseAsync(id, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("DashboardControl")]
    public Task<IResult> DashboardControl(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = LumoFlowRoutes.DashboardControl)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        pages.ControlAsync(id, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("DashboardCompliance")]
    public Task<IResult> DashboardCompliance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.DashboardCompliance)] HttpRequest request,
        CancellationToken cancellationToken) =>
        pages.ComplianceAsync(request.HttpContext, StaffGate.Staff(request.HttpContext), cancellationToken);

    // Social workers' pages.

    [Function("StaffCases")]
    public Task<IResult> StaffCases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.StaffCases)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        staffPages.ListAsync(request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("StaffCase")]
    public Task<IResult> StaffCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.StaffCase)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        staffPages.CaseAsync(id, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("StaffTransferPackage")]
    public Task<IResult> StaffTransferPackage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.StaffTransferPackage)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        staffPages.TransferPackageAsync(id, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    [Function("StaffCaseEvent")]
    public Task<IResult> StaffCaseEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.StaffCaseEvent)] HttpRequest request, string id, string eventName,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        staffPages.EventAsync(id, eventName, request.HttpContext, durable, StaffGate.Staff(request.HttpContext), cancellationToken);

    // Staff sign-in.

    [Function("SignInPage")]
    public Task<IResult> SignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.SignIn)] HttpRequest request) =>
        signIn.ShowAsync(request.HttpContext);

    [Function("DevSignIn")]
    public Task<IResult> DevSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.SignIn)] HttpRequest request) =>
        signIn.DevSignInAsync(request.HttpContext);

    [Function("SignInCallback")]
    public Task<IResult> SignInCallback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.SignInCallback)] HttpRequest request) =>
        signIn.CallbackAsync(request.HttpContext);

    [Function("SignOut")]
    public Task<IResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.SignOut)] HttpRequest request) =>
        signIn.SignOutAsync(request.HttpContext);

    [Function("DevToken")]
    public Task<IResult> DevToken([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.DevToken)] HttpRequest request) =>
        signIn.DevTokenAsync(request.HttpContext);
}
