using System.Text.Json;
using LumoFlow.App.Admin;
using LumoFlow.App.Cases;
using LumoFlow.App.Web;
using LumoFlow.App.Web.Dashboard;
using LumoFlow.App.Web.Words;
using LumoFlow.Domain.Reporting;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Wording;
using LumoFlow.Domain.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using static LumoFlow.App.Web.WebPage;

namespace LumoFlow.App.Http;

/// <summary>
/// The administrators' dashboard at <c>/admin</c>, in Finnish, Swedish or English: server-rendered, no script, nothing
/// from a CDN, keyboard- and screen-reader-friendly (WCAG 2.1 AA: labelled fields, an error summary, visible focus,
/// contrast ≥ 4.5:1, tables with headers, charts with a text table beside them). It renders what <see cref="AdminCases"/>
/// and the staff endpoints (<see cref="CasesApi"/>, <see cref="AdminApi"/>) answer — the same code as the API, not a
/// second path.
/// <para>An administrator signs in (<see cref="SignInPages"/>; the Admin role). The pages take no function key: a
/// <c>?code=</c> in their address authenticates nothing, and no link or form carries one.</para>
/// </summary>
public sealed class AdminPages(AdminCases admin, AdminApi api, CasesApi cases, Checks.DeadlineChecks checks)
{
    public static readonly IReadOnlyList<string> Controls = ["terminate", "suspend", "resume", "purge", "event"];

    public Task<IResult> ListAsync(HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var request = http.Request;
            var lang = Language(request);
            if (request.Query["goto"].FirstOrDefault()?.Trim().ToUpperInvariant() is { Length: > 0 } go)
                return Results.Redirect(new PageContext(http, lang, null).Link($"/admin/cases/{Uri.EscapeDataString(go)}"), permanent: false);

            var (query, errors) = CaseListQuery.Parse(name => request.Query[name], request.Query["continuationToken"].FirstOrDefault());
            var summary = await admin.SummaryAsync(who, cancellationToken);
            var page = query is null ? null : await admin.ListAsync(query, durable, who, cancellationToken);
            return Render<DashboardPage, DashboardPage.Content>(query is null ? 400 : 200, lang,
                new(summary, query ?? CaseListQuery.Default, page, query is null ? errors : null) { Check = await checks.LatestAsync(cancellationToken) });
        });

    public Task<IResult> CaseAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var lang = Language(http.Request);
            var detail = Intake.CaseIds.IsWellFormed(id.ToUpperInvariant())
                ? await admin.GetAsync(id.ToUpperInvariant(), durable, who, cancellationToken)
                : null;
            if (detail is null)
                return Message(404, lang, CommonWords.NoSuchCaseTitle, CommonWords.NoSuchCase.With(id),
                    link: (DashboardWords.AllCasesBack, new PageContext(http, lang, null).Link("/admin")));
            var done = http.Request.Query["done"].FirstOrDefault();
            var history = (detail.Status.History ?? []).Select(h => new HistoryEntry(h.EventType, h.Timestamp, h.Actor, h.Details)).ToList();
            return Render<DashboardCasePage, DashboardCasePage.Content>(200, lang,
                new(detail, history, AllowedControls(detail), DoneWords(done)));
        });

    /// <summary>GET: the confirmation, which asks for the reason. POST: the control itself, then back to the case.</summary>
    public Task<IResult> ControlAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            id = id.ToUpperInvariant();
            var isPost = HttpMethods.IsPost(http.Request.Method);
            var form = isPost && http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
            string Field(string name) => (form?[name].FirstOrDefault() ?? http.Request.Query[name].FirstOrDefault() ?? "").Trim();
            var lang = Language(http.Request);
            var action = Field("action");
            if (!Controls.Contains(action))
                return Message(400, lang, DashboardWords.UnknownControl, DashboardWords.ChooseControl.With(string.Join(", ", Controls)));
            var reason = Field("reason");
            var eventName = Field("eventName");
            var eventBody = Field("body") is { Length: > 0 } b ? b : "{}";
            IResult Confirm(int status, Dictionary<string, string> errors) =>
                Render<ControlPage, ControlPage.Content>(status, lang, new(id, action, errors, reason, eventName, eventBody));
            if (!isPost) return Confirm(200, []);

            if (AdminApi.ReasonProblem(reason) is { } missingReason) return Confirm(400, new() { ["reason"] = missingReason.In(lang) });
            IResult result;
            if (action == "event")
            {
                JsonElement json;
                try { json = JsonDocument.Parse(eventBody).RootElement; }
                catch (JsonException) { return Confirm(400, new() { ["body"] = new FieldProblem(ProblemCode.EventDetailsNotObject).In(lang) }); }
                var attempt = await cases.TryRaiseAsync(id, eventName, json, durable, who, cancellationToken, reason);
                if (attempt.Problems is { } problems)
                    return Confirm(400, new()
                    {
                        ["body"] = string.Join(" ", problems.ByField.Select(p => $"{p.Key}: {string.Join("; ", p.Value.Select(v => v.In(lang)))}")),
                    });
                if (attempt.Outcome is WorkflowRefusal refusal)
                    return Confirm(EventStatus(refusal), new() { ["body"] = RefusalText(refusal, eventName, attempt.Phase!.Value, lang) });
                result = attempt.Refusal ?? EventResults.Of(attempt.Outcome!);
            }
            else if (action == "terminate") result = await cases.TerminateAsync(id, reason, durable, who, cancellationToken);
            else result = await api.ControlAsync(id, action, reason, durable, who, cancellationToken);

            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
            if (status < 300)
                return Results.Redirect(new PageContext(http, lang, null).Link($"/admin/cases/{id}", ("done", Done(action, result))), permanent: false);
            var message = result is ProblemHttpResult p
                ? $"{p.ProblemDetails.Title}: {p.ProblemDetails.Detail}"
                : DashboardWords.ControlFailed.In(lang, status);
            return Confirm(status, new() { [action == "event" ? "body" : "reason"] = message });
        });

    public Task<IResult> ComplianceAsync(HttpContext http, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var lang = Language(http.Request);
            var text = http.Request.Query["period"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(text) && http.Request.Query["from"].FirstOrDefault() is { Length: > 0 } from)
                text = $"{from}..{http.Request.Query["to"].FirstOrDefault()}";
            var today = admin.Today;
            var previous = ReportPeriod.Current(ReportPeriod.Current(today).From.AddDays(-1));
            var (period, error) = string.IsNullOrWhiteSpace(text) ? (previous, null) : ReportPeriod.Read(text);
            var report = period is null ? null : await admin.ComplianceAsync(period, who, cancellationToken);
            return Render<CompliancePage, CompliancePage.Content>(error is null ? 200 : 400, lang, new(period ?? previous, today, report, error));
        });

    /// <summary>
    /// Only the controls the case's state allows: an open case is suspended or resumed, terminated, sent events; an ended
    /// one has its engine history purged.
    /// </summary>
    private static List<string> AllowedControls(AdminCaseDetail d)
    {
        var open = d.Status.RuntimeStatus is "Running" or "Suspended";
        return [.. Controls.Where(c => c switch
        {
            "suspend" => open && !d.Suspended,
            "resume" => open && d.Suspended,
            "terminate" or "event" => open,
            _ => !open && d.Engine.RuntimeStatus is not null,
        })];
    }

    /// <summary>What the control did, as the case page says it when it follows one (<c>?done=terminate</c>, <c>?done=suspend.already</c>).</summary>
    private static string Done(string action, IResult result)
    {
        var value = JsonSerializer.SerializeToElement((result as IValueHttpResult)?.Value);
        var already = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("done", out var done) && !done.GetBoolean();
        return already ? $"{action}.already" : action;
    }

    private static Phrase? DoneWords(string? done) => done?.Split('.') switch
    {
        [var action, "already"] => DashboardWords.ControlAlready.WordsFor(action),
        [var action] => DashboardWords.ControlDone.WordsFor(action),
        _ => null,
    };

    private static int EventStatus(WorkflowRefusal refusal) => refusal.Kind switch
    {
        RefusalKind.CaseEnded => 410,
        RefusalKind.InvalidInput => 400,
        _ => 409,
    };

    private static string RefusalText(WorkflowRefusal refusal, string eventName, CasePhase phase, string lang) =>
        RefusalWords.Say(lang, refusal.Code, refusal.Subject, eventName, phase) is var said && refusal.Missing.Count > 0
            ? $"{said} {DashboardWords.Missing.In(lang)} {string.Join("; ", refusal.Missing.Select(m => CaseWording.Obligation(m.Code, null, lang)))}"
            : said;

}
