using System.Text.Json;
using LumoFlow.App.Admin;
using LumoFlow.App.Auth;
using LumoFlow.App.Cases;
using LumoFlow.App.Http;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using LumoFlow.App.Web.Staff;
using LumoFlow.App.Web.Words;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask.Client;
using static LumoFlow.App.Web.WebPage;

namespace LumoFlow.App.Web;

/// <summary>
/// The social workers' pages: "my team's cases" and a case page from which a case is worked from notification to
/// closed. They render what the API's own code answers — the case index's list (<see cref="AdminCases"/>), the case as
/// staff reach it (<see cref="CaseLookup"/>), and every event through <see cref="CasesApi.TryRaiseAsync"/> — so a rule
/// is never checked twice, nor differently. A social worker and a team lead see only their own team's cases (403
/// otherwise); every read is access-logged.
/// </summary>
public sealed class StaffPages(
    AdminCases admin, CaseLookup lookup, CaseEventGate gate, CaseRecords records, CasesApi cases, AccessLog accessLog,
    RoutingTable routing, WorkingDayCalendar calendar, TransferPackages transfers, TimeProvider time)
{
    public const int ListSize = 200;

    public Task<IResult> ListAsync(HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var lang = Language(http.Request);
            if (!who.Role.SeesEveryTeam() && who.Team is null)
                return Render<StaffCaseListPage, StaffCaseListPage.List>(200, lang, new(true, null, []));

            var team = who.Role.SeesEveryTeam() ? null : who.Team;
            var page = await admin.ListAsync(CaseListQuery.Default with { Team = team, RuntimeStatuses = ["Running", "Suspended"], Top = ListSize },
                durable, who, cancellationToken);
            var today = admin.Today;
            return Render<StaffCaseListPage, StaffCaseListPage.List>(200, lang, new(false, team is null ? null : routing.Team(team).Name,
                [.. page.Items.Select(item => (item, DeadlineSignal.Of(item.NextDeadline, item.Overdue, today, calendar)))]));
        });

    public Task<IResult> CaseAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var lang = Language(http.Request);
            id = id.ToUpperInvariant();
            var view = await ReadAsync(id, durable, who, "ReadCasePage", cancellationToken);
            if (view.Refusal is not null) return view.Refusal(lang);
            return Render<StaffCasePage, StaffCasePage.View>(200, lang,
                await ViewAsync(view.State!, who, http.Request.Query["done"].FirstOrDefault(), null, cancellationToken));
        });

    /// <summary>LSL § 25 d: the transfer package as a page to print (<see cref="TransferPackages"/>).</summary>
    public Task<IResult> TransferPackageAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var lang = Language(http.Request);
            id = id.ToUpperInvariant();
            var (read, package) = await transfers.ReadAsync(id, durable, who, cancellationToken);
            return read switch
            {
                TransferPackageRead.NoSuchCase => Message(404, lang, CommonWords.NoSuchCaseTitle, CommonWords.NoSuchCase.With(id),
                    link: (CommonWords.MyCases, $"/{LumoFlowRoutes.StaffCases}?lang={lang}")),
                TransferPackageRead.OtherTeam => StaffGate.OtherTeamPage(lang, id),
                _ => Render<TransferPackagePage, TransferPackage>(200, lang, package!),
            };
        });

    /// <summary>A form of the case page, posted: the event through the API's own path; back to the case, or the form again with what was wrong.</summary>
    public Task<IResult> EventAsync(
        string id, string eventName, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            id = id.ToUpperInvariant();
            if (!http.Request.HasFormContentType) return Results.Problem(statusCode: 415, title: "Send the form");
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var lang = Language(http.Request, form["lang"].FirstOrDefault());
            if (StaffEvents.Find(eventName) is not { } definition) return Message(404, lang, CommonWords.NotFoundTitle, CommonWords.NotFoundTitle, eventName);

            var body = JsonSerializer.SerializeToElement(EventForms.ToBody(definition, path => form[path].FirstOrDefault()));
            var attempt = await cases.TryRaiseAsync(id, eventName, body, durable, who, cancellationToken);
            if (attempt.Refusal is not null) return attempt.Refusal;
            if (attempt.Outcome is WorkflowStep)
                return Results.Redirect($"/staff/cases/{Uri.EscapeDataString(id)}?lang={lang}&done={Uri.EscapeDataString(eventName)}#result", permanent: false);

            var view = await ReadAsync(id, durable, who, "ReadCasePage", cancellationToken);
            if (view.Refusal is not null) return view.Refusal(lang);
            var failed = new StaffCasePage.Failure(definition, path => form[path].FirstOrDefault(), attempt.Problems, attempt.Outcome as WorkflowRefusal);
            return Render<StaffCasePage, StaffCasePage.View>(attempt.Problems is not null ? 400 : 409, lang,
                await ViewAsync(view.State!, who, null, failed, cancellationToken), languageSwitch: $"/staff/cases/{Uri.EscapeDataString(id)}");
        });

    /// <summary>The forms worth offering: only what could be recorded on this case now (the workflow still decides).</summary>
    private static bool Applies(StaffEvent e, CaseState state) => e.Name switch
    {
        nameof(PartnerInputWaived) => state.Partners.Any(p => p.Status == PartnerRequestStatus.Requested),
        nameof(TransferDocumentsSent) => state.Transfer is { DocumentsSentAt: null },
        nameof(HandledInOpenAssessment) => state.LinkedCaseIds.Count > 0,
        nameof(ClientStatusStarted) => state.ClientStatus is null,
        nameof(PoliceReportFiled) or nameof(PoliceAlreadyInformed) => state.PoliceReport is null,
        _ => true,
    };

    private sealed record CaseView(CaseState? State, Func<string, IResult>? Refusal);

    /// <summary>The case as it will be once what is on its way is applied — 404, or 403 for another team's — and the read logged.</summary>
    private async Task<CaseView> ReadAsync(string id, DurableTaskClient durable, StaffIdentity who, string action, CancellationToken cancellationToken)
    {
        var found = CaseIds.IsWellFormed(id) ? await lookup.FindAsync(durable, id, cancellationToken) : null;
        if (found is null)
            return new(null, lang => Message(404, lang, CommonWords.NoSuchCaseTitle, CommonWords.NoSuchCase.With(id),
                link: (CommonWords.MyCases, $"/{LumoFlowRoutes.StaffCases}?lang={lang}")));
        if (!who.MayWorkTeam(found.Case.State.TeamId))
            return new(null, lang => StaffGate.OtherTeamPage(lang, id));
        await accessLog.RecordAsync(id, who, action, cancellationToken);
        return new(gate.CurrentState(found), null);
    }

    private async Task<StaffCasePage.View> ViewAsync(
        CaseState state, StaffIdentity who, string? done, StaffCasePage.Failure? failed, CancellationToken cancellationToken)
    {
        var overview = CaseOverview.Of(state);
        var today = admin.Today;
        var overdue = overview.OverdueOn(today);
        var notification = await records.GetNotificationJsonAsync(state.CaseId, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<Notification>(json, LumoFlowJson.Options) : null;
        var answers = new List<(PartnerRequest, string)>();
        foreach (var p in state.Partners.Where(p => p.Status == PartnerRequestStatus.Answered))
            if (await records.GetDocumentAsync(state.CaseId, $"partner-{p.Id}-answer", cancellationToken) is { } answer)
                answers.Add((p, answer.Text));
        var history = await records.GetHistoryAsync(state.CaseId, cancellationToken);
        var offered = StaffEvents.All.Where(e => CaseWorkflow.IsAllowed(e.Type, state.Phase) && CasesApi.MayRaise(who, e) && Applies(e, state)).ToList();
        var blocking = state.IsOpen && state.Phase != CasePhase.AwaitingBirth ? ClosingRules.Missing(state).Select(m => m.Code).ToHashSet() : [];
        return new(state, notification, answers, history, done, failed, offered,
            DeadlineSignal.Of(overview.NextDeadline, overdue, today, calendar), overdue, ClosingRules.OpenObligations(state), blocking)
        {
            HoursSinceReceipt = overview.HoursSinceReceipt(time.GetUtcNow()),
        };
    }
}
