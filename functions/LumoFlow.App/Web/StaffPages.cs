using System.Globalization;
using System.Text;
using System.Text.Json;
using LumoFlow.App.Admin;
using LumoFlow.App.Auth;
using LumoFlow.App.Cases;
using LumoFlow.App.Http;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.DurableTask.Client;
using static LumoFlow.App.Web.WebPage;

namespace LumoFlow.App.Web;

/// <summary>
/// The social workers' pages: "my team's cases" and a case page from which a case is worked from notification to
/// closed. Server-rendered, no script, in Finnish, Swedish or English. They render what the API's own code answers —
/// the case index's list (<see cref="AdminCases"/>), the case as staff reach it (<see cref="CaseLookup"/>), and every
/// event through <see cref="CasesApi.TryRaiseAsync"/> — so a rule is never checked twice, nor differently.
/// A social worker and a team lead see only their own team's cases (403 otherwise); every read is access-logged.
/// </summary>
public sealed class StaffPages(
    AdminCases admin, CaseLookup lookup, CaseEventGate gate, CaseRecords records, CasesApi cases, AccessLog accessLog,
    RoutingTable routing, WorkingDayCalendar calendar, IAntiforgery antiforgery)
{
    public const int ListSize = 200;

    public Task<IResult> ListAsync(HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var lang = Language(http.Request);
            string L(string key) => StaffTexts.T(lang, key);
            if (!who.Role.SeesEveryTeam() && who.Team is null)
                return Render(200, lang, L("myCases"), $"<p class=\"notice\">{E(L("noTeam"))}</p>", Chrome(http, who, lang));

            var team = who.Role.SeesEveryTeam() ? null : who.Team;
            var page = await admin.ListAsync(CaseListQuery.Default with { Team = team, RuntimeStatuses = ["Running", "Suspended"], Top = ListSize },
                durable, who, cancellationToken);
            var today = admin.Today;
            var body = new StringBuilder();
            if (team is not null) body.Append($"<p>{E(L("team"))}: <strong>{E(routing.Team(team).Name)}</strong></p>");
            if (page.Items.Count == 0) body.Append($"<p>{E(L("noCases"))}</p>");
            else
            {
                body.Append($"""<table><caption>{E(team is null ? L("allCases") : L("myCases"))}</caption><thead><tr>""");
                foreach (var h in new[] { "case", "phase", "nextDeadline", "marker", "openObligations", "workerColumn" })
                    body.Append($"<th scope=\"col\">{E(L(h))}</th>");
                if (team is null) body.Append($"<th scope=\"col\">{E(L("team"))}</th>");
                body.Append("</tr></thead><tbody>");
                foreach (var item in page.Items)
                {
                    var rag = DeadlineSignal.Of(item.NextDeadline, item.Overdue, today, calendar);
                    body.Append($"""<tr><td><a href="{E(CaseLink(item.Id, lang))}">{E(item.Id)}</a></td><td>{E(L(item.Phase))}</td>""");
                    body.Append(item.NextDeadline is { } next ? $"<td>{E(L($"deadline.{next.Kind}"))}: {Date(next.Date)}</td>" : "<td>–</td>");
                    body.Append($"<td>{Marker(rag, lang)}</td><td>{item.OpenObligations.Count}</td><td>{E(item.Worker ?? "–")}</td>");
                    if (team is null) body.Append($"<td>{E(item.Team)}</td>");
                    body.Append("</tr>");
                }
                body.Append("</tbody></table>");
            }
            return Render(200, lang, L("myCases"), body.ToString(), Chrome(http, who, lang));
        });

    public Task<IResult> CaseAsync(string id, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var lang = Language(http.Request);
            id = id.ToUpperInvariant();
            var view = await ReadAsync(id, durable, who, "ReadCasePage", cancellationToken);
            if (view.Refusal is not null) return view.Refusal(lang);
            return Render(200, lang, $"{StaffTexts.T(lang, "case")} {id}",
                await CaseBodyAsync(http, view.State!, who, lang, http.Request.Query["done"].FirstOrDefault(), null, cancellationToken), Chrome(http, who, lang));
        });

    /// <summary>A form of the case page, posted: the event through the API's own path; back to the case, or the form again with what was wrong.</summary>
    public Task<IResult> EventAsync(string id, string eventName, HttpContext http, DurableTaskClient durable, StaffIdentity who, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            id = id.ToUpperInvariant();
            if (!http.Request.HasFormContentType) return Results.Problem(statusCode: 415, title: "Send the form");
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var lang = Language(http.Request, form["lang"].FirstOrDefault());
            if (EventForms.FieldsOf(eventName) is null) return Render(404, lang, StaffTexts.T(lang, "noSuchCase"), $"<p>{E(eventName)}</p>", Chrome(http, who, lang));

            var body = JsonSerializer.SerializeToElement(EventForms.ToBody(eventName, path => form[path].FirstOrDefault()));
            var attempt = await cases.TryRaiseAsync(id, eventName, body, durable, who, cancellationToken);
            if (attempt.Refusal is not null) return attempt.Refusal;
            if (attempt.Outcome is WorkflowStep)
                return Results.Redirect($"/staff/cases/{Uri.EscapeDataString(id)}?lang={lang}&done={Uri.EscapeDataString(eventName)}#result", permanent: false);

            var view = await ReadAsync(id, durable, who, "ReadCasePage", cancellationToken);
            if (view.Refusal is not null) return view.Refusal(lang);
            var failed = new FailedForm(eventName, form, attempt.Errors, attempt.Outcome as WorkflowRefusal);
            return Render(attempt.Errors is not null ? 400 : 409, lang, $"{StaffTexts.T(lang, "case")} {id}",
                await CaseBodyAsync(http, view.State!, who, lang, null, failed, cancellationToken), Chrome(http, who, lang));
        });

    private sealed record CaseView(CaseState? State, Func<string, IResult>? Refusal);

    private sealed record FailedForm(string Event, IFormCollection Posted, IReadOnlyDictionary<string, string[]>? Errors, WorkflowRefusal? Refusal);

    /// <summary>The case as it will be once what is on its way is applied — 404, or 403 for another team's — and the read logged.</summary>
    private async Task<CaseView> ReadAsync(string id, DurableTaskClient durable, StaffIdentity who, string action, CancellationToken cancellationToken)
    {
        var found = CaseIds.IsWellFormed(id) ? await lookup.FindAsync(durable, id, cancellationToken) : null;
        if (found is null)
            return new(null, lang => Render(404, lang, StaffTexts.T(lang, "noSuchCase"), $"<p>{E(id)}</p><p><a href=\"/{LumoFlowRoutes.StaffCases}?lang={lang}\">{E(StaffTexts.T(lang, "myCases"))}</a></p>"));
        if (!who.MayWorkTeam(found.Case.State.TeamId))
            return new(null, lang => StaffGate.ProblemPage(lang, 403, "Forbidden", $"Case {id} belongs to another team."));
        await accessLog.RecordAsync(id, who, action, cancellationToken);
        return new(gate.CurrentState(found), null);
    }

    private async Task<string> CaseBodyAsync(HttpContext http, CaseState state, StaffIdentity who, string lang, string? done, FailedForm? failed, CancellationToken cancellationToken)
    {
        string L(string key) => StaffTexts.T(lang, key);
        var b = new StringBuilder();
        var overview = CaseOverview.Of(state);
        var today = admin.Today;
        var rag = DeadlineSignal.Of(overview.NextDeadline, overview.OverdueOn(today), today, calendar);

        // What the last form did: done, refused with the reason and what is missing, or the fields to correct.
        b.Append("<div id=\"result\">");
        if (done is not null && EventForms.FieldsOf(done) is not null)
            b.Append($"""<div class="done" role="status"><strong>{E(L("done"))}: {E(L(done))}.</strong> {E(L("doneHint"))}</div>""");
        if (failed?.Errors is { } errors)
            b.Append(ErrorSummary($"{L("errorsTitle")} ({L(failed.Event)})",
                errors.Select(e => (EventForms.Id(failed.Event, e.Key), $"{L(e.Key)}: {string.Join("; ", e.Value)}"))));
        if (failed?.Refusal is { } refusal)
        {
            b.Append($"""<div class="refusal" role="alert" tabindex="-1"><h2>{E(L("refusedTitle"))}: {E(L(failed.Event))}</h2><p>{E(StaffTexts.Refusal(lang, refusal.Code, refusal.Subject, failed.Event, state.Phase))}</p>""");
            if (refusal.Missing.Count > 0)
                b.Append($"<p><strong>{E(L("missing"))}:</strong></p><ul>{string.Concat(refusal.Missing.Select(m => $"<li>{E(ObligationText(m, state, lang))}</li>"))}</ul>");
            b.Append("</div>");
        }
        b.Append("</div>");

        b.Append("<dl class=\"facts\">");
        Fact(b, L("status"), L(state.RuntimeStatus.ToString()) + (state.Outcome is { } o ? $" – {L(o)}" : ""));
        Fact(b, L("phase"), L(state.IsOpen ? state.Phase.ToString() : "Closed"));
        Fact(b, L("kind"), L(state.Kind));
        Fact(b, L("team"), routing.Team(state.TeamId).Name);
        Fact(b, L("workerColumn"), state.WorkerEmail ?? "–");
        Fact(b, L("received"), DateTime(state.ReceivedAt));
        b.Append($"<dt>{E(L("marker"))}</dt><dd>{Marker(rag, lang)}</dd>");
        if (state.ImmediateDanger) Fact(b, L("immediateDanger"), L("yes"));
        if (state.OffenceSuspected) Fact(b, L("offenceSuspectedFlag"), L("yes"));
        b.Append("</dl>");

        b.Append($"<h2>{E(L("deadlines"))}</h2>");
        if (state.Deadlines is { } d)
        {
            b.Append("<dl class=\"facts\">");
            b.Append($"<dt>{E(L("decisionDue"))}</dt><dd>{Date(d.DecisionDue)}{(overview.OverdueOn(today).Contains(NextDeadline.Decision) ? $" <strong>({E(L("overdue"))})</strong>" : "")}</dd>");
            b.Append($"<dt>{E(L("assessmentDue"))}</dt><dd>{Date(d.AssessmentDue)}{(overview.OverdueOn(today).Contains(NextDeadline.Assessment) ? $" <strong>({E(L("overdue"))})</strong>" : "")}</dd>");
            b.Append("</dl>");
        }
        else b.Append($"<p>{E(L("noDeadlines"))}</p>");

        var open = ClosingRules.OpenObligations(state);
        var blocking = state.IsOpen && state.Phase != CasePhase.AwaitingBirth ? ClosingRules.Missing(state).Select(m => m.Code).ToHashSet() : [];
        b.Append($"<h2>{E(L("obligations"))}</h2>");
        b.Append(open.Count == 0 ? $"<p>{E(L("nothingOpen"))}</p>"
            : $"<ul>{string.Concat(open.Select(m => $"<li>{E(ObligationText(m, state, lang))}{(blocking.Contains(m.Code) ? $" <strong>({E(L("blocksClosing"))})</strong>" : "")}</li>"))}</ul>");

        b.Append(await NotificationAsync(state.CaseId, lang, cancellationToken));
        b.Append(await PartnersAsync(state, lang, cancellationToken));

        b.Append($"<h2>{E(L("linkedCases"))}</h2>");
        b.Append(state.LinkedCaseIds.Count == 0 ? $"<p>{E(L("noLinkedCases"))}</p>"
            : $"<ul>{string.Concat(state.LinkedCaseIds.Select(c => $"<li><a href=\"{E(CaseLink(c, lang))}\">{E(c)}</a></li>"))}</ul>");

        if (state.IsOpen) b.Append(Forms(http, state, who, lang, failed));
        else b.Append($"<p class=\"notice\">{E(L("refusal.CaseEnded"))}</p>");

        b.Append(await TimelineAsync(state, lang, cancellationToken));
        return b.ToString();
    }

    private string Forms(HttpContext http, CaseState state, StaffIdentity who, string lang, FailedForm? failed)
    {
        string L(string key) => StaffTexts.T(lang, key);
        var token = antiforgery.GetAndStoreTokens(http);
        var b = new StringBuilder($"<h2>{E(L("recordEvents"))}</h2><p class=\"hint\">{E(L("recordHint"))}</p>");
        foreach (var (eventName, fields) in EventForms.All)
        {
            if (!CaseWorkflow.IsAllowed(EventForms.TypeOf(eventName), state.Phase) || !CasesApi.MayRaise(who, eventName)) continue;
            if (eventName == nameof(PartnerInputWaived) && !state.Partners.Any(p => p.Status == PartnerRequestStatus.Requested)) continue;
            var isFailed = failed?.Event == eventName;
            var closing = eventName == nameof(AssessmentCompleted);
            var form = new StringBuilder();
            form.Append($"""<form method="post" action="/staff/cases/{E(state.CaseId)}/events/{E(eventName)}" novalidate>""");
            form.Append($"""<input type="hidden" name="{E(token.FormFieldName)}" value="{E(token.RequestToken)}"><input type="hidden" name="lang" value="{lang}">""");
            foreach (var field in fields)
                form.Append(FieldHtml(eventName, field, state, lang, isFailed ? failed!.Posted[field.Path].FirstOrDefault() : null,
                    isFailed && failed!.Errors is { } errs && errs.TryGetValue(field.Path, out var messages) ? string.Join("; ", messages) : null));
            form.Append($"""<p><button type="submit">{E(L("save"))}: {E(L(eventName))}</button></p></form>""");
            if (closing) b.Append($"""<section aria-labelledby="closing-title"><h3 id="closing-title">{E(L("closingSummary"))}</h3>{form}</section>""");
            else b.Append($"""<details id="form-{E(eventName)}"{(isFailed ? " open" : "")}><summary>{E(L(eventName))}</summary>{form}</details>""");
        }
        return b.ToString();
    }

    private string FieldHtml(string eventName, EventForms.Field field, CaseState state, string lang, string? value, string? error)
    {
        string L(string key) => StaffTexts.T(lang, key);
        var id = EventForms.Id(eventName, field.Path);
        var label = $"{L(field.Path)}{(field.Required ? "" : $" {L("optional")}")}";
        var described = error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"";
        var errorHtml = error is null ? "" : $"<span class=\"field-error\" id=\"{id}-error\">{E(error)}</span>";
        var name = E(field.Path);
        string Options(IEnumerable<(string Value, string Text)> options) =>
            $"<option value=\"\">{E(L("choose"))}</option>" + string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == value ? " selected" : "")}>{E(o.Text)}</option>"));

        var control = field.Kind switch
        {
            EventForms.FieldKind.YesNo =>
                $"""<fieldset{(error is null ? "" : $" aria-describedby=\"{id}-error\"")}><legend>{E(label)}</legend>{errorHtml}<div class="choice"><input type="radio" id="{id}" name="{name}" value="true"{(value == "true" ? " checked" : "")}><label for="{id}">{E(L("yes"))}</label></div><div class="choice"><input type="radio" id="{id}-no" name="{name}" value="false"{(value == "false" ? " checked" : "")}><label for="{id}-no">{E(L("no"))}</label></div></fieldset>""",
            EventForms.FieldKind.LongText => $"""<label for="{id}">{E(label)}</label>{errorHtml}<textarea id="{id}" name="{name}" rows="4" maxlength="{EventRequest.MaxText}"{described}>{E(value)}</textarea>""",
            EventForms.FieldKind.Choice => $"""<label for="{id}">{E(label)}</label>{errorHtml}<select id="{id}" name="{name}"{described}>{Options(field.Choices!.Select(c => (c, L(c))))}</select>""",
            EventForms.FieldKind.PartnerRequest => $"""<label for="{id}">{E(label)}</label>{errorHtml}<select id="{id}" name="{name}"{described}>{Options(state.Partners.Where(p => p.Status == PartnerRequestStatus.Requested).Select(p => (p.Id, $"{p.Id}: {L(p.Kind)} – {p.Organisation}")))}</select>""",
            EventForms.FieldKind.Team => $"""<label for="{id}">{E(label)}</label>{errorHtml}<select id="{id}" name="{name}"{described}>{Options(routing.Teams.OrderBy(t => t.Name).Select(t => (t.Id, t.Name)))}</select>""",
            EventForms.FieldKind.DateTime => $"""<label for="{id}">{E(label)}<span class="hint">{E(L("atHint"))}</span></label>{errorHtml}<input type="datetime-local" id="{id}" name="{name}" value="{E(value)}"{described}>""",
            EventForms.FieldKind.Email => $"""<label for="{id}">{E(label)}</label>{errorHtml}<input type="email" id="{id}" name="{name}" value="{E(value)}" maxlength="254" autocomplete="off"{described}>""",
            _ => $"""<label for="{id}">{E(label)}</label>{errorHtml}<input type="text" id="{id}" name="{name}" value="{E(value)}" maxlength="2000"{described}>""",
        };
        return $"<div class=\"{(error is null ? "field" : "field invalid")}\">{control}</div>";
    }

    /// <summary>The notification as the notifier gave it — the child's and family's details are shown here, to staff of the case's team only.</summary>
    private async Task<string> NotificationAsync(string caseId, string lang, CancellationToken cancellationToken)
    {
        string L(string key) => StaffTexts.T(lang, key);
        var json = await records.GetNotificationJsonAsync(caseId, cancellationToken);
        if (json is null) return "";
        var n = JsonSerializer.Deserialize<Notification>(json, LumoFlowJson.Options)!;
        var b = new StringBuilder($"<h2>{E(L("notification"))}</h2><dl class=\"facts\">");
        if (n.Notifier is { } who)
            Fact(b, L("notifier"), who.Anonymous ? L("anonymous") : string.Join(", ", new[] { L(who.Type ?? ""), who.Name, who.Profession, who.Organisation, who.Phone, who.Email }.Where(x => !string.IsNullOrWhiteSpace(x))));
        foreach (var child in n.Children ?? [])
            Fact(b, L("children"), string.Join(", ", new[] { child.Name, child.IdentityCode, child.DateOfBirth?.ToString("d.M.yyyy"), child.ExpectedBirthDate?.ToString("d.M.yyyy"), child.HomeMunicipality }.Where(x => !string.IsNullOrWhiteSpace(x))));
        foreach (var guardian in n.Guardians ?? [])
            Fact(b, L("guardians"), string.Join(", ", new[] { guardian.Name, guardian.Phone, guardian.Email, guardian.Address }.Where(x => !string.IsNullOrWhiteSpace(x))));
        if (n.Reasons is { Count: > 0 } reasons)
            Fact(b, L("reasons"), string.Join(", ", reasons.Select(r => NotificationFormTexts.For(lang).Reasons.GetValueOrDefault(r, r))));
        b.Append($"</dl><h3>{E(L("concern"))}</h3><p class=\"pre\">{E(n.Concern)}</p>");
        return b.ToString();
    }

    private async Task<string> PartnersAsync(CaseState state, string lang, CancellationToken cancellationToken)
    {
        string L(string key) => StaffTexts.T(lang, key);
        var b = new StringBuilder($"<h2>{E(L("partners"))}</h2>");
        if (state.Partners.Count == 0) return b.Append($"<p>{E(L("noPartners"))}</p>").ToString();
        b.Append($"<table><thead><tr><th scope=\"col\">{E(L("partnerRequestId"))}</th><th scope=\"col\">{E(L("partner.kind"))}</th><th scope=\"col\">{E(L("status"))}</th><th scope=\"col\">{E(L("requested"))}</th><th scope=\"col\">{E(L("answerBy"))}</th></tr></thead><tbody>");
        foreach (var p in state.Partners)
            b.Append($"<tr><td>{E(p.Id)}</td><td>{E(L(p.Kind))}: {E(p.Organisation)}</td><td>{E(L($"partner.{p.Status}"))}</td><td>{Date(HelsinkiTime.LocalDate(p.RequestedAt))}</td><td>{Date(p.AnswerBy)}</td></tr>");
        b.Append("</tbody></table>");
        foreach (var p in state.Partners.Where(p => p.Status == PartnerRequestStatus.Answered))
            if (await records.GetDocumentAsync(state.CaseId, $"partner-{p.Id}-answer", cancellationToken) is { } answer)
                b.Append($"<h3>{E(L("answer"))}: {E(p.Id)} ({E(p.Organisation)})</h3><p class=\"pre\">{E(answer.Text)}</p>");
        return b.ToString();
    }

    private async Task<string> TimelineAsync(CaseState state, string lang, CancellationToken cancellationToken)
    {
        string L(string key) => StaffTexts.T(lang, key);
        var history = await records.GetHistoryAsync(state.CaseId, cancellationToken);
        var b = new StringBuilder($"<h2>{E(L("timeline"))}</h2><table><thead><tr><th scope=\"col\">{E(L("when"))}</th><th scope=\"col\">{E(L("what"))}</th><th scope=\"col\">{E(L("who"))}</th><th scope=\"col\">{E(L("details"))}</th></tr></thead><tbody>");
        foreach (var h in history)
            b.Append($"<tr><td>{DateTime(h.At)}</td><td>{E(L(h.EventType))}</td><td>{E(h.Actor)}</td><td>{E(Details(h, state, lang))}</td></tr>");
        return b.Append("</tbody></table>").ToString();
    }

    /// <summary>A history entry's details; a refused event's in the reader's language, as the form's refusal is said.</summary>
    private static string Details(HistoryEntry h, CaseState state, string lang)
    {
        if (h.Details is not { } details) return "";
        if (h.EventType == "EventRefused" && details.TryGetValue("event", out var eventName)
            && Enum.TryParse<RefusalCode>(details.GetValueOrDefault("code"), out var code)
            && Enum.TryParse<CasePhase>(details.GetValueOrDefault("phase"), out var phase))
        {
            var text = $"{StaffTexts.T(lang, eventName)}: {StaffTexts.Refusal(lang, code, details.GetValueOrDefault("subject"), eventName, phase)}";
            return details.GetValueOrDefault("missing") is { Length: > 0 } missing
                ? $"{text} {StaffTexts.T(lang, "missing")}: {string.Join("; ", missing.Split(',').Select(m => ObligationText(new Obligation(m, ""), state, lang)))}"
                : text;
        }
        return string.Join(", ", details.Select(d => StaffTexts.HistoryDetail(lang, d.Key, d.Value)));
    }

    private static string ObligationText(Obligation obligation, CaseState state, string lang)
    {
        var code = obligation.Code.Split(':')[0];
        var text = StaffTexts.T(lang, $"obligation.{code}");
        if (code == "partnerInput" && state.Partners.FirstOrDefault(p => p.Id == obligation.Code[(code.Length + 1)..]) is { } partner)
            text = $"{text}: {partner.Id} {StaffTexts.T(lang, partner.Kind)} ({partner.Organisation})";
        return text;
    }

    private static string Marker(Rag? rag, string lang) =>
        rag is { } r ? $"<span class=\"rag rag-{r.ToString().ToLowerInvariant()}\">{E(StaffTexts.T(lang, $"rag.{r}"))}</span>" : "–";

    private static void Fact(StringBuilder b, string term, string value) => b.Append($"<dt>{E(term)}</dt><dd>{E(value)}</dd>");



    private static string CaseLink(string id, string lang) => $"/staff/cases/{Uri.EscapeDataString(id)}?lang={lang}";

    /// <summary>The staff pages' header: their navigation, the language switch, who is signed in and the sign-out button.</summary>
    public static Chrome Chrome(HttpContext http, StaffIdentity who, string lang)
    {
        string L(string key) => StaffTexts.T(lang, key);
        var nav = $"<li><a href=\"/{LumoFlowRoutes.StaffCases}?lang={lang}\">{E(L("myCases"))}</a></li>";
        if (RouteAccess.Admin.Allows(who.Role)) nav += $"<li><a href=\"/{LumoFlowRoutes.Dashboard}\">{E(L("dashboard"))}</a></li>";
        var signedIn = who.IsSignedIn
            ? $"""<span>{E(who.DisplayName ?? who.Name)} ({E(who.Role.ToString())}{(who.Team is null ? "" : ", " + E(who.Team))})</span><form method="post" action="/{LumoFlowRoutes.SignOut}?lang={lang}"><button type="submit" class="link">{E(L("signOut"))}</button></form>"""
            : $"<span>{E(who.Name)}</span>";
        return new Chrome(LanguageSwitch: $"{http.Request.Path}", Navigation: nav, SignedIn: signedIn);
    }
}
