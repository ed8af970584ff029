using System.Globalization;
using System.Text;
using LumoFlow.App.Admin;
using LumoFlow.App.Checks;
using LumoFlow.App.Intake;
using LumoFlow.Domain.Reporting;
using Microsoft.DurableTask.Client;

using LumoFlow.Domain.Validation;

namespace LumoFlow.App.Http;

/// <summary>
/// The management API for administrators (<c>/api/admin/…</c>, staff key): the case list, a case with the engine's
/// history, the controls, the workload summary and THL's compliance report. Thin: the work is <see cref="AdminCases"/>'s,
/// which the dashboard (<see cref="AdminPages"/>) uses too.
/// </summary>
public sealed class AdminApi(AdminCases admin, DeadlineChecks checks, Records.AccessLog accessLog, Records.AccessLogAnchors anchors)
{
    public const int MaxReasonLength = 500;

    public Task<IResult> ListAsync(HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var continuation = http.Request.Headers[CaseListQuery.ContinuationHeader].FirstOrDefault();
            var (query, errors) = CaseListQuery.Parse(name => http.Request.Query[name], continuation);
            if (query is null) return Problems.Of(errors, title: "Bad list parameters");
            var page = await admin.ListAsync(query, durable, who, cancellationToken);
            if (page.ContinuationToken is { } token) http.Response.Headers[CaseListQuery.ContinuationHeader] = token;
            return Results.Json(page.Items, LumoFlowJson.Options);
        });

    public Task<IResult> GetAsync(string id, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
            CaseIds.IsWellFormed(id) && await admin.GetAsync(id, durable, who, cancellationToken) is { } detail
                ? Results.Json(Json(detail), LumoFlowJson.Options)
                : NoSuchCase(id));

    public Task<IResult> ControlAsync(
        string id, string control, string? reason, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            reason = FreeText.Line(reason); // free text for the access log: no control or format characters
            if (Reason(reason) is { } problem) return problem;
            if (!CaseIds.IsWellFormed(id)) return NoSuchCase(id);
            var result = control switch
            {
                "suspend" => await admin.SuspendAsync(id, reason!.Trim(), durable, who, cancellationToken),
                "resume" => await admin.ResumeAsync(id, reason!.Trim(), durable, who, cancellationToken),
                "purge" => await admin.PurgeAsync(id, reason!.Trim(), durable, who, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(control)),
            };
            return Answer(id, control, result);
        });

    public Task<IResult> PurgeEndedAsync(
        string? endedMoreThanDays, string? reason, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            if (!int.TryParse(endedMoreThanDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 36500)
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["endedMoreThanDays"] = ["give the number of days (0 or more) since the cases ended"],
                });
            reason = FreeText.Line(reason);
            if (Reason(reason) is { } problem) return problem;
            return Results.Json(await admin.PurgeEndedAsync(days, reason!.Trim(), durable, who, cancellationToken), LumoFlowJson.Options);
        });

    /// <summary>
    /// The daily deadline check, now: <c>{checkedAt, findings: [{caseId, code, since}], mended: [{caseId, action}]}</c>.
    /// What it found is what was wrong when it looked; <c>mended</c> says what it set right.
    /// </summary>
    public Task<IResult> DeadlineCheckAsync(DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            await accessLog.RecordAsync(AdminCases.AcrossCases, who, "RunDeadlineCheck", cancellationToken);
            return Results.Json(await checks.RunAsync(durable, who.Name, cancellationToken), LumoFlowJson.Options);
        });

    /// <summary>
    /// <c>GET /api/admin/access-log/verify[?caseId=…]</c>: recomputes the access log's hash chains — every partition, or
    /// the case's (<c>_admin</c> and <c>_refused</c> may be named too) — and compares them with the newest anchor:
    /// <c>{ok, checked, partitions, anchor, anchoredAt, broken: [{partition, rowKey, problem}]}</c>.
    /// </summary>
    public Task<IResult> VerifyAccessLogAsync(string? caseId, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            string? partition = null;
            if (!string.IsNullOrWhiteSpace(caseId))
            {
                var given = caseId.Trim();
                var acrossCases = given is Records.AccessLog.AcrossCases or Records.AccessLog.RefusedPartition;
                partition = acrossCases ? given : given.ToUpperInvariant();
                if (!acrossCases && !CaseIds.IsWellFormed(partition))
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["caseId"] = [$"give a case id, or {Records.AccessLog.AcrossCases} or {Records.AccessLog.RefusedPartition}"],
                    });
            }
            await accessLog.RecordAsync(AdminCases.AcrossCases, who, partition is null ? "VerifyAccessLog" : $"VerifyAccessLog:{partition}", cancellationToken);
            return Results.Json(await anchors.VerifyAsync(partition, cancellationToken), LumoFlowJson.Options);
        });

    public Task<IResult> SummaryAsync(StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () => Results.Json(await admin.SummaryAsync(who, cancellationToken), LumoFlowJson.Options));

    /// <summary>JSON, or CSV with <c>Accept: text/csv</c> or <c>?format=csv</c>.</summary>
    public Task<IResult> ComplianceAsync(HttpContext http, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var (period, problem) = ReportPeriod.Read(http.Request.Query["period"].FirstOrDefault());
            if (problem is not null) return Problems.Of("period", problem);
            var format = http.Request.Query["format"].FirstOrDefault();
            var csv = format == "csv"
                || (format is null && http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true));
            if (format is not (null or "csv" or "json"))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format is csv or json"] });
            var report = await admin.ComplianceAsync(period!, who, cancellationToken);
            return csv
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ComplianceCsv.Of(report))).ToArray(),
                    "text/csv; charset=utf-8", $"lumoflow-compliance-{period!.Name}.csv")
                : Results.Json(report, LumoFlowJson.Options);
        });

    /// <summary>The answer to a control: 200 done (or nothing to do), 404 no such case, 409 not in a state that allows it.</summary>
    public static IResult Answer(string id, string control, ControlResult result) => result switch
    {
        ControlResult.Done => Results.Json(new { id, control, done = true }),
        ControlResult.AlreadyInState => Results.Json(new { id, control, done = false, detail = AlreadyText(control) }),
        ControlResult.NoSuchCase => NoSuchCase(id),
        ControlResult.StillRunning => Results.Problem(statusCode: 409, title: "The case is still running",
            detail: "Only the engine history of an ended case can be purged. Terminate the case first if it must end."),
        ControlResult.NotRunning => Results.Problem(statusCode: 409, title: "The case is not running",
            detail: $"Only a running case can be {(control == "resume" ? "resumed" : "suspended")}."),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    public static string AlreadyText(string control) => control switch
    {
        "suspend" => "The case was suspended already.",
        "resume" => "The case was not suspended.",
        _ => "The engine holds no history of this case (purged already).",
    };

    /// <summary>A control asks why: the reason goes to the access log.</summary>
    public static IResult? Reason(string? reason) => ReasonProblem(reason) is { } problem ? Problems.Of("reason", problem) : null;

    /// <summary>What is wrong with a control's reason: none given, or too long (it goes to the access log).</summary>
    public static FieldProblem? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength
            ? new FieldProblem(ProblemCode.ReasonRequired, MaxReasonLength.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private static IResult NoSuchCase(string id) => CasesApi.NotFound(id);

    /// <summary>The status document's fields, then what only administrators see.</summary>
    private static System.Text.Json.Nodes.JsonObject Json(AdminCaseDetail detail)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(detail.Status, LumoFlowJson.Options)!.AsObject();
        json["nextDeadline"] = System.Text.Json.JsonSerializer.SerializeToNode(detail.NextDeadline, LumoFlowJson.Options);
        json["overdue"] = System.Text.Json.JsonSerializer.SerializeToNode(detail.Overdue, LumoFlowJson.Options);
        json["suspended"] = detail.Suspended;
        json["engine"] = System.Text.Json.JsonSerializer.SerializeToNode(detail.Engine, LumoFlowJson.Options);
        json["accessLog"] = System.Text.Json.JsonSerializer.SerializeToNode(detail.AccessLog, LumoFlowJson.Options);
        return json;
    }
}
