using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LumoFlow.App.Admin;
using LumoFlow.App.Cases;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Http;

/// <summary>
/// The administrators' dashboard at <c>/admin</c>: server-rendered HTML, no script, nothing from a CDN, keyboard- and
/// screen-reader-friendly (WCAG 2.1 AA: labelled fields, an error summary, visible focus, contrast ≥ 4.5:1, tables with
/// headers, charts with a text table beside them). It renders what <see cref="AdminCases"/> and the staff endpoints
/// (<see cref="CasesApi"/>, <see cref="AdminApi"/>) answer — the same code as the API, not a second path.
/// <para>An administrator signs in (<see cref="Web.SignInPages"/>; the Admin role); a machine-style caller may still use
/// the host's function key as <c>?code=</c>, which every link and form of the pages then carries on (with <c>?user=</c>,
/// the name for the access log).</para>
/// </summary>
public sealed class AdminPages(AdminCases admin, AdminApi api, CasesApi cases, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
{
    public static readonly IReadOnlyList<string> Controls = ["terminate", "suspend", "resume", "purge", "event"];

    public Task<IResult> ListAsync(HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var request = http.Request;
            if (request.Query["goto"].FirstOrDefault()?.Trim().ToUpperInvariant() is { Length: > 0 } go)
                return Results.Redirect(Link(http, $"/admin/cases/{Uri.EscapeDataString(go)}"), permanent: false);

            var (query, errors) = CaseListQuery.Parse(name => request.Query[name], request.Query["continuationToken"].FirstOrDefault());
            var summary = await admin.SummaryAsync(who, cancellationToken);
            var page = query is null ? null : await admin.ListAsync(query, durable, who, cancellationToken);
            var body = new StringBuilder();
            if (errors.Count > 0) body.Append(ErrorSummary(errors));
            body.Append(Charts(summary));
            body.Append(SummaryTable(http, summary));
            body.Append(FilterForm(http, query ?? CaseListQuery.Default));
            if (page is not null) body.Append(CaseTable(http, query!, page));
            return Page(errors.Count > 0 ? 400 : 200, "Cases", body.ToString(), http);
        });

    public Task<IResult> CaseAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var detail = Intake.CaseIds.IsWellFormed(id.ToUpperInvariant()) ? await admin.GetAsync(id.ToUpperInvariant(), durable, who, cancellationToken) : null;
            if (detail is null)
                return Page(404, "No such case", $"<p>There is no case <strong>{E(id)}</strong>.</p><p><a href=\"{E(Link(http, "/admin"))}\">Back to the cases</a></p>", http);
            return Page(200, $"Case {detail.Status.Id}", CaseBody(http, detail, http.Request.Query["done"].FirstOrDefault()), http);
        });

    /// <summary>GET: the confirmation, which asks for the reason. POST: the control itself, then back to the case.</summary>
    public Task<IResult> ControlAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            id = id.ToUpperInvariant();
            var isPost = HttpMethods.IsPost(http.Request.Method);
            var form = isPost && http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
            string Field(string name) => (form?[name].FirstOrDefault() ?? http.Request.Query[name].FirstOrDefault() ?? "").Trim();
            var action = Field("action");
            if (!Controls.Contains(action)) return Page(400, "Unknown control", $"<p>Choose one of: {E(string.Join(", ", Controls))}.</p>", http);
            if (!isPost) return Page(200, Title(action), ConfirmForm(http, id, action, null, "", Field("eventName"), "{}"), http);

            var reason = Field("reason");
            var eventName = Field("eventName");
            var eventBody = Field("body") is { Length: > 0 } b ? b : "{}";
            IResult result;
            if (AdminApi.Reason(reason) is { } missingReason) result = missingReason;
            else if (action == "event")
            {
                JsonElement json;
                try { json = JsonDocument.Parse(eventBody).RootElement; }
                catch (JsonException) { return Page(400, Title(action), ConfirmForm(http, id, action, new() { ["body"] = ["the event's details must be a JSON object"] }, reason, eventName, eventBody), http); }
                result = await cases.RaiseAsync(id, eventName, json, durable, who, cancellationToken, reason);
            }
            else if (action == "terminate") result = await cases.TerminateAsync(id, reason, durable, who, cancellationToken);
            else result = await api.ControlAsync(id, action, reason, durable, who, cancellationToken);

            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
            if (status < 300)
                return Results.Redirect(Link(http, $"/admin/cases/{id}", ("done", DoneText(action, result))), permanent: false);
            var problem = result switch
            {
                ProblemHttpResult { ProblemDetails: HttpValidationProblemDetails v } => v.Errors.ToDictionary(e => e.Key, e => e.Value),
                ProblemHttpResult p => new Dictionary<string, string[]> { [action == "event" ? "body" : "reason"] = [$"{p.ProblemDetails.Title}: {p.ProblemDetails.Detail}" + Missing(p)] },
                _ => new Dictionary<string, string[]> { ["reason"] = [$"The control failed ({status})."] },
            };
            return Page(status, Title(action), ConfirmForm(http, id, action, problem, reason, eventName, eventBody), http);
        });

    public Task<IResult> ComplianceAsync(HttpContext http, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var text = http.Request.Query["period"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(text) && http.Request.Query["from"].FirstOrDefault() is { Length: > 0 } from)
                text = $"{from}..{http.Request.Query["to"].FirstOrDefault()}";
            var today = admin.Today;
            var previous = ReportPeriod.Current(ReportPeriod.Current(today).From.AddDays(-1));
            ReportPeriod? period = previous;
            string? error = null;
            if (!string.IsNullOrWhiteSpace(text) && !ReportPeriod.TryParse(text, out period, out error)) period = null;
            var body = new StringBuilder();
            if (error is not null) body.Append(ErrorSummary(new() { ["period"] = [error] }));
            body.Append(PeriodForm(http, period ?? previous, today));
            if (period is not null) body.Append(ReportBody(http, await admin.ComplianceAsync(period, who, cancellationToken)));
            return Page(error is null ? 200 : 400, "Deadline compliance (LSL § 27 a)", body.ToString(), http);
        });

    // ---- pieces of pages ----

    private static string Charts(WorkloadSummary summary)
    {
        var phases = summary.Total.OpenByPhase.Select(p => (Label: PhaseText(p.Key), Value: p.Value)).ToList();
        var weeks = summary.DuePerWeek.Select(w => (Label: $"{w.WeekStart:d.M.}", Value: w.Due)).ToList();
        return $"""
            <section aria-labelledby="charts"><h2 id="charts">Open cases and deadlines</h2>
            <div class="charts">{BarChart("chart-phase", "Open cases by phase", phases)}{BarChart("chart-weeks", "Next deadlines per week (week starting)", weeks)}</div>
            </section>
            """;
    }

    /// <summary>A bar chart as SVG, with its numbers in a table for screen readers and for anyone who wants them.</summary>
    private static string BarChart(string id, string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        const int width = 420, barHeight = 22, gap = 8, labelWidth = 150;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = bars.Count * (barHeight + gap) + gap;
        var svg = new StringBuilder($"""<svg role="img" aria-labelledby="{id}-title" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><title id="{id}-title">{E(title)}</title>""");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = gap + i * (barHeight + gap);
            var w = (int)Math.Round((width - labelWidth - 50) * (double)bars[i].Value / max);
            svg.Append($"""<text x="{labelWidth - 6}" y="{y + 16}" text-anchor="end" class="label">{E(bars[i].Label)}</text><rect x="{labelWidth}" y="{y}" width="{Math.Max(w, 1)}" height="{barHeight}" class="bar"></rect><text x="{labelWidth + Math.Max(w, 1) + 6}" y="{y + 16}" class="label">{bars[i].Value}</text>""");
        }
        svg.Append("</svg>");
        var rows = string.Concat(bars.Select(b => $"<tr><th scope=\"row\">{E(b.Label)}</th><td>{b.Value}</td></tr>"));
        return $"""<figure class="chart" id="{id}"><figcaption>{E(title)}</figcaption>{svg}<details><summary>As a table</summary><table><thead><tr><th scope="col">{E(title)}</th><th scope="col">Cases</th></tr></thead><tbody>{rows}</tbody></table></details></figure>""";
    }

    /// <summary>The workload per team; a count of open or overdue cases is a link to the list of those cases.</summary>
    private static string SummaryTable(HttpContext http, WorkloadSummary summary)
    {
        var phases = summary.Total.OpenByPhase.Keys.ToList();
        var head = string.Concat(phases.Select(p => $"<th scope=\"col\">{E(PhaseText(p))}</th>"));
        string Count(int n, string? team, params (string, string)[] filter) => n == 0 ? "0"
            : $"<a href=\"{E(Link(http, "/admin", [.. (team is null ? [] : new[] { ("team", team) }), .. filter, ("runtimeStatus", "Running")]))}\">{n}</a>";
        string Row(TeamWorkload t, bool total)
        {
            var team = total ? null : t.TeamId;
            return $"<tr{(total ? " class=\"total\"" : "")}><th scope=\"row\">{E(total ? "All teams" : t.TeamId)}</th><td>{Count(t.Open, team)}</td>"
                + string.Concat(phases.Select(p => $"<td>{Count(t.OpenByPhase.GetValueOrDefault(p), team, ("phase", p))}</td>"))
                + $"<td>{Count(t.DecisionOverdue, team, ("overdue", "decision"))}</td><td>{Count(t.AssessmentOverdue, team, ("overdue", "assessment"))}</td>"
                + $"<td>{t.DueThisWeek}</td><td>{t.DueNextWeek}</td></tr>";
        }
        return $"""
            <section aria-labelledby="workload"><h2 id="workload">Workload on {summary.Today:d.M.yyyy}</h2>
            <div class="scroll"><table id="workload-table"><thead><tr><th scope="col">Team</th><th scope="col">Open</th>{head}<th scope="col">Decision overdue</th><th scope="col">Assessment overdue</th><th scope="col">Due this week</th><th scope="col">Due next week</th></tr></thead>
            <tbody>{string.Concat(summary.Teams.Select(t => Row(t, false)))}{Row(summary.Total, true)}</tbody></table></div></section>
            """;
    }

    private static string FilterForm(HttpContext http, CaseListQuery q)
    {
        string Option(string value, string label, bool selected) => $"<option value=\"{E(value)}\"{(selected ? " selected" : "")}>{E(label)}</option>";
        var statuses = string.Concat(CaseListQuery.Statuses.Select(s =>
            $"<label class=\"check\"><input type=\"checkbox\" name=\"runtimeStatus\" value=\"{s}\"{(q.RuntimeStatuses.Contains(s) ? " checked" : "")}> {s}</label>"));
        var phases = Option("", "Any phase", q.Phase is null) + string.Concat(Enum.GetNames<Domain.Workflow.CasePhase>().Select(p => Option(p, PhaseText(p), q.Phase?.ToString() == p)));
        var overdue = Option("", "Overdue or not", q.Overdue is null) + Option("any", "Any deadline overdue", q.Overdue == "any")
            + Option("decision", "Decision overdue", q.Overdue == "decision") + Option("assessment", "Assessment overdue", q.Overdue == "assessment");
        var order = Option(CaseListQuery.ByNextDeadline, "Next deadline, soonest first", q.OrderBy == CaseListQuery.ByNextDeadline)
            + Option(CaseListQuery.ByCreatedTime, "Created, newest first", q.OrderBy == CaseListQuery.ByCreatedTime);
        return $"""
            <section aria-labelledby="find"><h2 id="find">Find cases</h2>
            <form method="get" action="/admin" class="goto">{Hidden(http)}
              <label for="goto">Go to case by id</label> <input id="goto" name="goto" maxlength="16" autocomplete="off" spellcheck="false"> <button type="submit">Open case</button>
            </form>
            <form method="get" action="/admin" class="filters">{Hidden(http)}
              <fieldset><legend>Runtime status</legend>{statuses}</fieldset>
              <div><label for="phase">Phase</label><select id="phase" name="phase">{phases}</select></div>
              <div><label for="team">Team</label><input id="team" name="team" value="{E(q.Team ?? "")}" maxlength="64"></div>
              <div><label for="overdue">Overdue</label><select id="overdue" name="overdue">{overdue}</select></div>
              <div><label for="createdFrom">Created from</label><input id="createdFrom" name="createdFrom" type="date" value="{q.CreatedFrom:yyyy-MM-dd}"></div>
              <div><label for="createdTo">Created to</label><input id="createdTo" name="createdTo" type="date" value="{q.CreatedTo:yyyy-MM-dd}"></div>
              <div><label for="dueBefore">Next deadline on or before</label><input id="dueBefore" name="dueBefore" type="date" value="{q.DueBefore:yyyy-MM-dd}"></div>
              <div><label for="q">Case id starts with</label><input id="q" name="q" value="{E(q.Q ?? "")}" maxlength="16" spellcheck="false"></div>
              <div><label for="orderBy">Order</label><select id="orderBy" name="orderBy">{order}</select></div>
              <div><label for="top">Per page</label><input id="top" name="top" type="number" min="1" max="{CaseListQuery.MaxTop}" value="{q.Top}"></div>
              <div class="buttons"><button type="submit">Filter</button> <a href="{E(Link(http, "/admin"))}">Clear filters</a></div>
            </form></section>
            """;
    }

    private static string CaseTable(HttpContext http, CaseListQuery query, CaseListPage page)
    {
        var refresh = Link(http, "/admin", [.. query.Parameters().Select(p => (p.Key, p.Value))]);
        var rows = string.Concat(page.Items.Select(c => $"""
            <tr><th scope="row"><a href="{E(Link(http, $"/admin/cases/{c.Id}"))}">{E(c.Id)}</a></th><td>{E(c.RuntimeStatus)}</td><td>{E(PhaseText(c.Phase))}</td><td>{E(c.Team)}</td>
            <td>{(c.NextDeadline is { } d ? $"{E(d.Kind)} {d.Date:d.M.yyyy}" : "–")}</td><td>{(c.Overdue.Count > 0 ? $"<strong class=\"overdue\">{E(string.Join(", ", c.Overdue))}</strong>" : "–")}</td>
            <td>{E(string.Join(", ", c.OpenObligations))}</td><td>{c.LinkedCases}</td><td>{c.CreatedTime.ToOffset(TimeSpan.Zero):yyyy-MM-dd HH:mm} UTC</td></tr>
            """));
        var next = page.ContinuationToken is { } token
            ? $"<a rel=\"next\" href=\"{E(Link(http, "/admin", [.. query.Parameters().Select(p => (p.Key, p.Value)), ("continuationToken", token)]))}\">Next page</a>"
            : "<span>Last page</span>";
        return $"""
            <section aria-labelledby="list"><h2 id="list">Cases</h2>
            <p class="toolbar"><a href="{E(refresh)}">Refresh</a> · {(query.After is null ? "First page" : $"<a href=\"{E(refresh)}\">First page</a>")} · {next}</p>
            {(page.Items.Count == 0 ? "<p>No cases match.</p>" : $"""
            <div class="scroll"><table id="cases"><caption class="visually-hidden">Cases, {page.Items.Count} on this page</caption><thead><tr><th scope="col">Case</th><th scope="col">Status</th><th scope="col">Phase</th><th scope="col">Team</th><th scope="col">Next deadline</th><th scope="col">Overdue</th><th scope="col">Open obligations</th><th scope="col">Linked</th><th scope="col">Created</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """)}</section>
            """;
    }

    private static string CaseBody(HttpContext http, AdminCaseDetail d, string? done)
    {
        var s = d.Status;
        var timeline = string.Concat((s.History ?? []).Select(h =>
            $"<tr><td>{h.Timestamp.ToOffset(TimeSpan.Zero):yyyy-MM-dd HH:mm:ss} UTC</td><th scope=\"row\">{E(h.EventType)}</th><td>{E(h.Actor)}</td><td>{E(h.Details is null ? "" : string.Join("; ", h.Details.Select(kv => $"{kv.Key}: {kv.Value}")))}</td></tr>"));
        var engine = d.Engine.History is { } events
            ? $"<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Time (UTC)</th><th scope=\"col\">Event</th><th scope=\"col\">Name</th><th scope=\"col\">Fires at</th></tr></thead><tbody>{string.Concat(events.Select(e => $"<tr><td>{e.Timestamp:yyyy-MM-dd HH:mm:ss.fff}</td><td>{E(e.EventType)}</td><td>{E(e.Name ?? "")}</td><td>{(e.FireAt is { } f ? $"{f:yyyy-MM-dd HH:mm:ss}" : "")}</td></tr>"))}</tbody></table></div>"
            : $"<p>{E(d.Engine.HistoryUnavailable ?? "")}</p>";
        var access = string.Concat(d.AccessLog.Take(50).Select(a => $"<tr><td>{a.At.ToOffset(TimeSpan.Zero):yyyy-MM-dd HH:mm:ss} UTC</td><td>{E(a.Actor)}</td><td>{E(a.Action)}</td><td>{E(a.Reason ?? "")}</td></tr>"));
        // Only the controls the case's state allows: an open case is suspended or resumed, terminated, sent events; an
        // ended one has its engine history purged.
        var open = s.RuntimeStatus is "Running" or "Suspended";
        var allowed = Controls.Where(c => c switch
        {
            "suspend" => open && !d.Suspended,
            "resume" => open && d.Suspended,
            "terminate" or "event" => open,
            _ => !open && d.Engine.RuntimeStatus is not null,
        });
        var controls = string.Concat(allowed.Select(c =>
            $"<li><a class=\"button\" href=\"{E(Link(http, $"/admin/cases/{s.Id}/control", ("action", c)))}\">{E(Title(c))}…</a></li>"));
        var linked = s.LinkedCases.Count == 0 ? "none" : string.Join(", ", s.LinkedCases.Select(l => $"<a href=\"{E(Link(http, $"/admin/cases/{l}"))}\">{E(l)}</a>"));
        return $"""
            {(done is { Length: > 0 } ? $"<div class=\"notice\" role=\"status\"><p>{E(done)}</p></div>" : "")}
            <p><a href="{E(Link(http, "/admin"))}">← All cases</a></p>
            <dl class="facts">
              <dt>Runtime status</dt><dd id="runtime-status">{E(s.RuntimeStatus)}{(d.Suspended && s.RuntimeStatus != "Suspended" ? " (suspended)" : "")}</dd>
              <dt>Phase</dt><dd id="phase">{E(PhaseText(s.CustomStatus.Phase))}</dd>
              <dt>Team</dt><dd>{E(s.Team)}</dd>
              <dt>Received</dt><dd>{s.ReceivedAt.ToOffset(TimeSpan.Zero):yyyy-MM-dd HH:mm} UTC</dd>
              <dt>Decision due (7th working day)</dt><dd>{E(s.Deadlines?.DecisionDue ?? "–")}</dd>
              <dt>Assessment due (3 months)</dt><dd>{E(s.Deadlines?.AssessmentDue ?? "–")}</dd>
              <dt>Next deadline</dt><dd>{(d.NextDeadline is { } n ? $"{E(n.Kind)} {n.Date:d.M.yyyy}" : "–")}</dd>
              <dt>Overdue</dt><dd>{(d.Overdue.Count > 0 ? $"<strong class=\"overdue\">{E(string.Join(", ", d.Overdue))}</strong>" : "none")}</dd>
              <dt>Open obligations</dt><dd>{(s.CustomStatus.OpenObligations.Count > 0 ? E(string.Join(", ", s.CustomStatus.OpenObligations)) : "none")}</dd>
              <dt>Linked cases</dt><dd>{linked}</dd>
            </dl>
            <section aria-labelledby="controls"><h2 id="controls">Controls</h2>{(controls.Length == 0 ? "<p>None: the case has ended and the engine holds no history of it.</p>" : $"<ul class=\"controls\">{controls}</ul>")}</section>
            <section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>
            <div class="scroll"><table><thead><tr><th scope="col">Time</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">Details</th></tr></thead><tbody>{timeline}</tbody></table></div></section>
            <section aria-labelledby="engine"><h2 id="engine">Engine history (Durable)</h2>
            <p>Instance: {E(d.Engine.RuntimeStatus ?? "none")}{(d.Engine.PurgedAt is { } p ? $", history purged {p.ToOffset(TimeSpan.Zero):yyyy-MM-dd HH:mm} UTC" : "")}</p>{engine}</section>
            <section aria-labelledby="access"><h2 id="access">Access log (newest first)</h2>
            <div class="scroll"><table><thead><tr><th scope="col">Time</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Reason</th></tr></thead><tbody>{access}</tbody></table></div></section>
            """;
    }

    /// <summary>A signed-in administrator's session cookie comes with any form posted to us: the token proves the form is ours (<see cref="Auth.StaffGate"/>).</summary>
    private string AntiforgeryField(HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";
    }

    private string ConfirmForm(HttpContext http, string id, string action, Dictionary<string, string[]>? errors, string reason, string eventName, string body)
    {
        var eventFields = action != "event" ? "" : $"""
            <div><label for="eventName">Event</label><select id="eventName" name="eventName"{Described(errors, "eventName")}>{string.Concat(CaseEvents.Names.Order().Select(n => $"<option{(n == eventName ? " selected" : "")}>{E(n)}</option>"))}</select></div>
            <div><label for="body">Details (JSON)</label><textarea id="body" name="body" rows="4"{Described(errors, "body")}>{E(body)}</textarea>{FieldError(errors, "body")}</div>
            """;
        return $"""
            {(errors is { Count: > 0 } ? ErrorSummary(errors) : "")}
            <p>{E(ConfirmText(action))} Case <strong>{E(id)}</strong>.</p>
            <form method="post" action="{E(Link(http, $"/admin/cases/{id}/control"))}">
              <input type="hidden" name="action" value="{E(action)}">
              {AntiforgeryField(http)}
              {eventFields}
              <div><label for="reason">Reason (goes to the access log)</label><textarea id="reason" name="reason" rows="3" maxlength="{AdminApi.MaxReasonLength}" required{Described(errors, "reason")}>{E(reason)}</textarea>{FieldError(errors, "reason")}</div>
              <div class="buttons"><button type="submit" class="danger">Confirm: {E(Title(action).ToLowerInvariant())}</button> <a href="{E(Link(http, $"/admin/cases/{id}"))}">Cancel</a></div>
            </form>
            """;
    }

    private static string PeriodForm(HttpContext http, ReportPeriod period, DateOnly today)
    {
        var current = ReportPeriod.Current(today);
        var options = new List<ReportPeriod>();
        var p = current;
        for (var i = 0; i < 6; i++) { options.Add(p); p = ReportPeriod.Current(p.From.AddDays(-1)); }
        var select = string.Concat(options.Select(o => $"<option value=\"{o.Name}\"{(o.Name == period.Name ? " selected" : "")}>{o.From:d.M.yyyy}–{o.To:d.M.yyyy}</option>"));
        return $"""
            <form method="get" action="/admin/reports/compliance" class="filters">{Hidden(http)}
              <div><label for="period">THL period</label><select id="period" name="period">{select}</select></div>
              <div class="buttons"><button type="submit">Show</button></div>
            </form>
            <form method="get" action="/admin/reports/compliance" class="filters">{Hidden(http)}
              <div><label for="from">Or from</label><input id="from" name="from" type="date" value="{period.From:yyyy-MM-dd}"></div>
              <div><label for="to">to</label><input id="to" name="to" type="date" value="{period.To:yyyy-MM-dd}"></div>
              <div class="buttons"><button type="submit">Show dates</button></div>
            </form>
            """;
    }

    private static string ReportBody(HttpContext http, ComplianceReport report)
    {
        static string Pct(double? p) => p is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
        string Row(string unit, ComplianceFigures f) =>
            $"<tr><th scope=\"row\">{E(unit)}</th><td>{f.Received}</td><td>{f.DecidedInTime}</td><td>{f.DecisionExceeded}</td><td>{Pct(f.DecidedInTimePercent)}</td><td>{f.DecisionNotYetDue}</td><td>{f.EndedWithoutDecision}</td><td>{f.AssessmentsCompleted}</td><td>{f.CompletedInTime}</td><td>{f.CompletionExceeded}</td><td>{Pct(f.CompletedInTimePercent)}</td></tr>";
        string Cases(string title, IReadOnlyList<string> ids) =>
            $"<h3>{E(title)} ({ids.Count})</h3>" + (ids.Count == 0 ? "<p>None.</p>" : $"<ul class=\"ids\">{string.Concat(ids.Select(i => $"<li><a href=\"{E(Link(http, $"/admin/cases/{i}"))}\">{E(i)}</a></li>"))}</ul>");
        var csv = Link(http, "/api/admin/reports/compliance", ("period", report.Period.Name), ("format", "csv"));
        var o = report.Organisation;
        return $"""
            <section aria-labelledby="report"><h2 id="report">{report.Period.From:d.M.yyyy}–{report.Period.To:d.M.yyyy}</h2>
            <p><a class="button" id="download-csv" href="{E(csv)}" download>Download CSV</a></p>
            <div class="scroll"><table id="compliance"><thead><tr><th scope="col">Unit</th><th scope="col">Notifications received</th><th scope="col">Decided within 7 working days</th><th scope="col">Decision late</th><th scope="col">Share decided in time</th><th scope="col">Decision not yet due</th><th scope="col">Ended without decision</th><th scope="col">Assessments completed</th><th scope="col">Completed within 3 months</th><th scope="col">Completed late</th><th scope="col">Share completed in time</th></tr></thead>
            <tbody>{Row("Whole organisation", o)}{string.Concat(report.Teams.Select(t => Row(t.TeamId, t.Figures)))}</tbody></table></div>
            <p>Definitions: docs/reporting.md. Figures as on {report.Today:d.M.yyyy}.</p>
            {Cases("Decision later than 7 working days", o.DecisionExceededCases)}
            {Cases("Assessment completed later than 3 months", o.CompletionExceededCases)}
            {Cases("Open assessments past their limit (not in THL's figures)", o.OpenPastAssessmentLimit)}
            </section>
            """;
    }

    // ---- helpers ----

    private static string Title(string action) => action switch
    {
        "terminate" => "Terminate the case",
        "suspend" => "Suspend the case",
        "resume" => "Resume the case",
        "purge" => "Purge the engine history",
        _ => "Raise an event",
    };

    private static string ConfirmText(string action) => action switch
    {
        "terminate" => "Terminating ends the case now: no more reminders, and no event is accepted after it. It cannot be undone.",
        "suspend" => "A suspended case sends no reminders and applies no events until it is resumed.",
        "resume" => "The case goes on; deadlines that passed while it was suspended fire at once.",
        "purge" => "Purging deletes the engine's history of this ended case. The case record (notification, timeline, documents, access log) is kept.",
        _ => "The event goes to the case's workflow, which accepts or refuses it.",
    };

    private static string DoneText(string action, IResult result) => action switch
    {
        "terminate" => "The case was terminated.",
        "suspend" or "resume" or "purge" => Done(action, result),
        "event" => "The event was accepted.",
        _ => "Done.",
    };

    private static string Done(string action, IResult result)
    {
        var value = JsonSerializer.SerializeToElement((result as IValueHttpResult)?.Value);
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("done", out var done) && !done.GetBoolean())
            return AdminApi.AlreadyText(action);
        return action switch { "suspend" => "The case was suspended.", "resume" => "The case was resumed.", _ => "The engine history was purged; the case record stays." };
    }

    private static string Missing(ProblemHttpResult p) =>
        p.ProblemDetails.Extensions.TryGetValue("missingDetails", out var missing) && missing is IEnumerable<string> list && list.Any()
            ? " Missing: " + string.Join("; ", list) : "";

    private static string PhaseText(string phase) => phase switch
    {
        "AwaitingBirth" => "Awaiting birth",
        "AwaitingDecision" => "Awaiting decision",
        "ReadyToClose" => "Ready to close",
        _ => phase,
    };

    private static string ErrorSummary(Dictionary<string, string[]> errors) => $"""
        <div class="error-summary" role="alert" aria-labelledby="error-title" tabindex="-1"><h2 id="error-title">There is a problem</h2>
        <ul>{string.Concat(errors.Select(e => $"<li><a href=\"#{E(FieldId(e.Key))}\">{E(string.Join(" ", e.Value))}</a></li>"))}</ul></div>
        """;

    private static string FieldId(string key) => key == CaseListQuery.ContinuationHeader ? "list" : key;

    private static string Described(Dictionary<string, string[]>? errors, string field) =>
        errors?.ContainsKey(field) == true ? $" aria-invalid=\"true\" aria-describedby=\"{field}-error\"" : "";

    private static string FieldError(Dictionary<string, string[]>? errors, string field) =>
        errors?.TryGetValue(field, out var messages) == true ? $"<p class=\"field-error\" id=\"{field}-error\">{E(string.Join(" ", messages))}</p>" : "";

    /// <summary>The credential (<c>code</c>) and the access-log name (<c>user</c>) as hidden fields of a GET form.</summary>
    private static string Hidden(HttpContext http) => string.Concat(new[] { "code", "user" }
        .Where(k => http.Request.Query[k].FirstOrDefault() is { Length: > 0 })
        .Select(k => $"<input type=\"hidden\" name=\"{k}\" value=\"{E(http.Request.Query[k].First()!)}\">"));

    /// <summary>A link within the dashboard that carries on <c>code</c> and <c>user</c>.</summary>
    public static string Link(HttpContext http, string path, params (string Key, string Value)[] parameters)
    {
        var all = new List<(string, string)>(parameters);
        foreach (var key in new[] { "code", "user" })
            if (http.Request.Query[key].FirstOrDefault() is { Length: > 0 } value) all.Add((key, value));
        return all.Count == 0 ? path : path + "?" + string.Join("&", all.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
    }

    private static string E(string? text) => Web.WebPage.E(text);

    private static IResult Page(int status, string title, string body, HttpContext http) => Web.WebPage.Html(status, $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{E(title)} – LumoFlow admin</title>
        <style>{Style}</style>
        </head><body>
        <a class="skip" href="#main">Skip to content</a>
        <header><nav aria-label="Dashboard"><ul><li><a href="{E(Link(http, "/admin"))}">Cases</a></li><li><a href="{E(Link(http, "/admin/reports/compliance"))}">Deadline compliance</a></li></ul></nav></header>
        <main id="main"><h1>{E(title)}</h1>
        {body}
        </main></body></html>
        """);

    private const string Style = """
        :root { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; }
        body { margin: 0; }
        header { background: #0b3d5c; }
        header ul { list-style: none; margin: 0; padding: .5rem 1rem; display: flex; gap: 1.5rem; }
        header a { color: #fff; font-weight: 600; }
        main { max-width: 80rem; margin: 0 auto; padding: 1rem; }
        a { color: #0b4f7c; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #b35900; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem .5rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid #767676; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #e8eef2; } tr.total th, tr.total td { font-weight: 700; }
        .scroll { overflow-x: auto; }
        form.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: flex-end; margin-bottom: 1rem; }
        form.filters fieldset { border: 1px solid #767676; } label { display: block; font-weight: 600; } label.check { display: inline; font-weight: 400; margin-right: .75rem; }
        input, select, textarea, button { font: inherit; } input, select, textarea { border: 1px solid #595959; padding: .2rem .3rem; }
        textarea { width: min(40rem, 100%); }
        button, a.button { background: #0b4f7c; color: #fff; border: 0; padding: .4rem .9rem; border-radius: 3px; cursor: pointer; text-decoration: none; display: inline-block; }
        button.danger { background: #a4262c; }
        .controls { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        .overdue { color: #a4262c; }
        .error-summary { border: 4px solid #a4262c; padding: .5rem 1rem; margin-bottom: 1rem; } .field-error { color: #a4262c; font-weight: 600; margin: .2rem 0; }
        .notice { border-left: 6px solid #2e7d32; background: #eef7ee; padding: .25rem 1rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 2rem; } figure.chart { margin: 0; } figcaption { font-weight: 600; }
        svg .bar { fill: #0b4f7c; } svg .label { font-size: 13px; fill: #1a1a1a; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        ul.ids { columns: 3; }
        """;
}
