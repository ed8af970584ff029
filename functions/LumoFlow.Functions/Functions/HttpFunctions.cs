using System.Security.Claims;
using LumoFlow.App.Http;
using LumoFlow.App.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace LumoFlow.Functions.Functions;

/// <summary>
/// LumoFlow's HTTP routes as Azure Functions (host.json: route prefix empty, so the routes are
/// <see cref="LumoFlowRoutes"/> as they are). One-line adapters over the handlers in LumoFlow.App. Staff routes use
/// <see cref="AuthorizationLevel.Function"/>: the Functions host checks its own function keys (<c>x-functions-key</c> or
/// <c>?code=</c>) before the function runs.
/// </summary>
public sealed class HttpFunctions(IntakeApi intake, CasesApi cases, DeadlinesApi deadlines, PartnerInputPages partnerInput, AdminApi admin, AdminPages pages)
{
    /// <summary>The claim the Functions host adds when a request presents a valid key, whatever the function's level.</summary>
    private const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.Health)] HttpRequest request) =>
        Results.Ok(new { status = "ok" });

    [Function("Deadlines")]
    public IResult Deadlines([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LumoFlowRoutes.Deadlines)] HttpRequest request) =>
        deadlines.Get(request.Query["receivedAt"]);

    /// <summary>Public; a request with a valid key is staff registering a notification received by phone or in person.</summary>
    [Function("SubmitNotification")]
    public async Task<IResult> SubmitNotification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LumoFlowRoutes.Notifications)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, FunctionContext context, CancellationToken cancellationToken) =>
        await intake.SubmitAsync(request.HttpContext, durable,
            await PresentsValidKeyAsync(context) ? StaffIdentity.FromFunctionKey(request) : null, cancellationToken);

    [Function("CaseStatus")]
    public Task<IResult> CaseStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.Case)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.GetStatusAsync(id, bool.TryParse(request.Query["showHistory"], out var show) && show, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("RaiseEvent")]
    public Task<IResult> RaiseEvent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.CaseEvent)] HttpRequest request, string id, string eventName,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.RaiseEventAsync(id, eventName, request.HttpContext, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("TerminateCase")]
    public Task<IResult> TerminateCase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.TerminateCase)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.TerminateAsync(id, request.Query["reason"], durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

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
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.AdminCases)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ListAsync(request.HttpContext, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminGetCase")]
    public Task<IResult> AdminGetCase(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.AdminCase)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.GetAsync(id, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminRaiseEvent")]
    public Task<IResult> AdminRaiseEvent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.AdminCaseEvent)] HttpRequest request, string id, string eventName,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.RaiseEventAsync(id, eventName, request.HttpContext, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminTerminate")]
    public Task<IResult> AdminTerminate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.AdminTerminate)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        cases.TerminateAsync(id, request.Query["reason"], durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminSuspend")]
    public Task<IResult> AdminSuspend(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.AdminSuspend)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ControlAsync(id, "suspend", request.Query["reason"], durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminResume")]
    public Task<IResult> AdminResume(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.AdminResume)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ControlAsync(id, "resume", request.Query["reason"], durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminPurge")]
    public Task<IResult> AdminPurge(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.AdminPurge)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.ControlAsync(id, "purge", request.Query["reason"], durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminPurgeEnded")]
    public Task<IResult> AdminPurgeEnded(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = LumoFlowRoutes.AdminPurgeEnded)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        admin.PurgeEndedAsync(request.Query["endedMoreThanDays"], request.Query["reason"], durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminSummary")]
    public Task<IResult> AdminSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.AdminSummary)] HttpRequest request, CancellationToken cancellationToken) =>
        admin.SummaryAsync(StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("AdminCompliance")]
    public Task<IResult> AdminCompliance(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.AdminCompliance)] HttpRequest request, CancellationToken cancellationToken) =>
        admin.ComplianceAsync(request.HttpContext, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("Dashboard")]
    public Task<IResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.Dashboard)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        pages.ListAsync(request.HttpContext, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("DashboardCase")]
    public Task<IResult> DashboardCase(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.DashboardCase)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        pages.CaseAsync(id, request.HttpContext, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("DashboardControl")]
    public Task<IResult> DashboardControl(
        [HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = LumoFlowRoutes.DashboardControl)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        pages.ControlAsync(id, request.HttpContext, durable, StaffIdentity.FromFunctionKey(request), cancellationToken);

    [Function("DashboardCompliance")]
    public Task<IResult> DashboardCompliance(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = LumoFlowRoutes.DashboardCompliance)] HttpRequest request, CancellationToken cancellationToken) =>
        pages.ComplianceAsync(request.HttpContext, StaffIdentity.FromFunctionKey(request), cancellationToken);

    private static async Task<bool> PresentsValidKeyAsync(FunctionContext context) =>
        (await context.GetHttpRequestDataAsync())?.Identities
        .Any(identity => identity.HasClaim(c => c.Type == AuthLevelClaim && c.Value is "Function" or "Admin")) ?? false;
}
