using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.App.Records;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests;

/// <summary>Whole cases through HTTP, Durable on Azurite, and maildev: what staff, notifiers and partners see.</summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class AssessmentLifecycleTests(DevServices services)
{
    [Fact]
    public async Task A_case_runs_from_notification_to_completed_assessment_with_every_rule_enforced()
    {
        await using var app = new LumoFlowApp(services);
        var notifierEmail = Sample.UniqueEmail("teacher");
        var partnerEmail = Sample.UniqueEmail("school");
        var staff = app.StaffClient();

        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), notifierEmail));
        Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail) && m.Subject.Contains(id)));

        // Completing before deciding is not allowed now.
        var early = await RaiseAsync(staff, id, "AssessmentCompleted", Completion());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("DecisionMade", await early.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "UrgencyAssessed", new { urgent = false, note = "Ei kiireellinen." })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "NotifierContacted", new { how = "phone", note = "Kerrottu jatkosta." })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = true, reason = "Huoli vaatii selvittämistä." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = true, reason = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildAndGuardiansInformed", new { how = "letter" })).StatusCode);

        // The professional notifier hears that the notification was processed — never the outcome, which is information
        // about a social-welfare client (issue 21).
        var processed = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail) && m.Subject.Contains("on käsitelty")));
        Assert.StartsWith("Lastensuojeluilmoituksesi on käsitelty", processed.Subject);
        Assert.Contains("voi ottaa sinuun yhteyttä", processed.Text);
        Assert.DoesNotContain("aloitettu", processed.Text);
        Assert.DoesNotContain("arvioin", processed.Subject + processed.Text);
        Assert.DoesNotContain(await services.Mail.AllAsync(), m => m.IsTo(notifierEmail) && m.Subject.StartsWith("Päätös", StringComparison.Ordinal));

        // A partner is asked; the email carries only a link.
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "PartnerInputRequested", new
        {
            partner = new { kind = "school", organisation = "Kuopion Keskuskoulu", name = "Rehtori", email = partnerEmail },
            question = "Miten lapsi on voinut koulussa tänä syksynä?",
        })).StatusCode);
        var request = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail)));
        Assert.DoesNotContain("Miten lapsi", request.Text);
        var link = new Uri(LinkPattern().Match(request.Text).Value);
        Assert.StartsWith("https://lumoflow.test/partner-input/", link.ToString());

        // Closing is refused while the partner has not answered and the child has not been met.
        var blocked = await RaiseAsync(staff, id, "AssessmentCompleted", Completion());
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        var missing = (await blocked.Content.ReadFromJsonAsync<JsonObject>())!["missing"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Equal(["partnerInput:P1", "childMeeting"], missing);

        // The partner opens the link, sees the question, answers once.
        var browser = app.CreateClient();
        var form = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await form.Content.ReadAsStringAsync();
        Assert.Contains("Miten lapsi on voinut koulussa tänä syksynä?", page);
        Assert.Contains("<form method=\"post\">", page);
        Assert.Equal("no-store", form.Headers.CacheControl!.ToString());

        var answer = await browser.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["answer"] = "Lapsi on ollut väsynyt ja poissa useita päiviä.",
            ["respondentName"] = "Rehtori",
        }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Kiitos", await answer.Content.ReadAsStringAsync());

        var again = await browser.GetAsync(link.PathAndQuery);
        Assert.Contains("on jo vastattu", await again.Content.ReadAsStringAsync());
        var twice = await browser.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = "toinen" }));
        Assert.Contains("on jo vastattu", await twice.Content.ReadAsStringAsync()); // in the page's language, not the workflow's English
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link.PathAndQuery[..^4] + "0000")).StatusCode);

        // Meeting the child is the last thing missing; then the assessment closes with its SHL § 37 summary.
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildMet", new { how = "home visit", note = "Lapsi kertoi koulusta." })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildViewsRecorded", new { note = "Haluaa apua läksyihin." })).StatusCode);
        var status = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "ChildViewsRecorded"));
        Assert.Equal("ReadyToClose", (string)status!["customStatus"]!["phase"]!);

        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "AssessmentCompleted", Completion())).StatusCode);
        status = await app.WaitForStatusAsync(id, s => (string)s["runtimeStatus"]! == "Completed");
        Assert.Equal("Closed", (string)status["customStatus"]!["phase"]!);
        Assert.Equal("socialWelfareServices", (string)status["customStatus"]!["outcome"]!);
        Assert.Empty(status["customStatus"]!["openObligations"]!.AsArray());
        var events = status["history"]!.AsArray().Select(h => (string)h!["eventType"]!).ToList();
        Assert.Contains("PartnerInputReceived", events);
        // The assessment completed, and with nothing left to do the case closed by itself at once.
        Assert.Equal(["AssessmentCompleted", "CaseClosed"], events.Where(e => e is not ("EmailSent" or "EmailQueued")).TakeLast(2));

        // Ended: further events are gone, the orchestration has completed, and the record keeps no timers.
        Assert.Equal(HttpStatusCode.Gone, (await RaiseAsync(staff, id, "ChildMet", new { how = "again" })).StatusCode);
        var engine = await app.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, engine.RuntimeStatus);
        Assert.Contains("socialWelfareServices", engine.SerializedOutput);
        var rows = await app.Table("Cases").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id).AllAsync();
        Assert.Empty((await app.Services.GetRequiredService<CaseRecords>().GetAsync(id, CancellationToken.None))!.Case.Timers.Timers);
        Assert.Contains(rows, r => r.RowKey == "document-assessment-summary");
        Assert.Contains(rows, r => r.RowKey == "document-partner-P1-answer");
    }

    [Fact]
    public async Task Events_are_checked_before_anything_is_recorded()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("events")));

        var unknown = await RaiseAsync(staff, id, "SomethingElse", new { });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("DecisionMade", await unknown.Content.ReadAsStringAsync());

        var bad = await RaiseAsync(staff, id, "NotifierContacted", new { how = "pigeon", at = "yesterday" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["how", "at"], errors);

        var partner = await RaiseAsync(staff, id, "PartnerInputRequested", new { partner = new { kind = "school", email = "not-an-email" } });
        Assert.Equal(HttpStatusCode.BadRequest, partner.StatusCode);
        var partnerErrors = (await partner.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("partner.organisation", partnerErrors);
        Assert.Contains("partner.email", partnerErrors);
        Assert.Contains("question", partnerErrors);

        Assert.Equal(HttpStatusCode.BadRequest, (await RaiseAsync(staff, id, "PartnerInputWaived", new { partnerRequestId = "P9", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RaiseAsync(staff, id, "Reassigned", new { team = "no-such-team" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RaiseAsync(staff, "0000000000000000", "OffenceSuspected", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RaiseAsync(app.CreateClient(), id, "OffenceSuspected", new { })).StatusCode);

        // None of that left a trace in the history (nor any request waiting to be applied).
        var status = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent"));
        var events = Cases.Events(status);
        Assert.DoesNotContain("NotifierContacted", events);
        Assert.DoesNotContain("PartnerInputRequested", events);

        // The urgency assessment comes at once, before the decision (LSL § 26(2)).
        var beforeUrgency = await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = true, reason = "aloitetaan" });
        Assert.Equal(HttpStatusCode.Conflict, beforeUrgency.StatusCode);
        Assert.Equal(["urgencyAssessment"], (await beforeUrgency.Content.ReadFromJsonAsync<JsonObject>())!["missing"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "UrgencyAssessed", new { urgent = false })).StatusCode);

        // A suspected offence makes the police report required (LSL § 25(3)). It does not hold back the decision not to
        // assess (LSL § 26(5)), but the case does not end while it is open: it waits in Closing.
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "OffenceSuspected", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "NotifierContactImpossible", new { reason = "numero ei vastaa" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildNotMet", new { reason = "perhe muutti" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = false, reason = "ilmeisen tarpeeton" })).StatusCode);
        status = await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "Closing");
        Assert.Equal("Running", (string)status["runtimeStatus"]!);
        Assert.Contains("policeReport", Cases.Obligations(status));
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "PoliceReportFiled", new { })).StatusCode);
        status = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "PoliceReportFiled"));
        Assert.Equal(["informChildAndGuardians"], Cases.Obligations(status)); // the family is still to be told
        await Cases.InformFamilyAsync(staff, id);
        status = await app.WaitForStatusAsync(id, s => (string)s["runtimeStatus"]! == "Completed");
        Assert.Equal("noAssessment", (string)status["customStatus"]!["outcome"]!);
    }

    [Fact]
    public async Task A_pre_birth_notification_waits_for_the_birth_before_deadlines_apply()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var midwife = Sample.UniqueEmail("midwife");
        var notification = Sample.Notification(Sample.IdentityCode(), midwife);
        notification["kind"] = "preBirth";
        notification["children"]![0]!.AsObject().Remove("identityCode");
        notification["children"]![0]!["expectedBirthDate"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var id = await app.SubmitAsync(notification);

        var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("AwaitingBirth", (string)status!["customStatus"]!["phase"]!);
        Assert.False(status.ContainsKey("deadlines"));
        var receipt = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(midwife)));
        Assert.StartsWith("Ennakollinen lastensuojeluilmoituksesi on vastaanotettu", receipt.Subject);
        Assert.Equal(HttpStatusCode.Conflict, (await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = true, reason = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await RaiseAsync(staff, id, "ChildBorn", new { identityCode = "150315A123Y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildBorn", new { identityCode = Sample.IdentityCode() })).StatusCode);
        status = await app.WaitForStatusAsync(id, s => (string)s["customStatus"]!["phase"]! == "AwaitingDecision");
        Assert.NotNull(status["deadlines"]!["decisionDue"]);
    }

    private static object Completion() => new
    {
        outcome = "socialWelfareServices",
        summary = new
        {
            situationAndServiceNeeds = "Perhe tarvitsee tukea arkeen.",
            conclusionOnClientStatus = "Lastensuojelun asiakkuus ei ole tarpeen; sosiaalihuollon palvelut riittävät.",
            clientView = "Vanhemmat ottavat tuen vastaan.",
            childView = "Lapsi toivoo apua läksyihin.",
            namedWorkerNeeded = true,
        },
    };

    private static Task<HttpResponseMessage> RaiseAsync(HttpClient client, string id, string eventName, object body) =>
        client.PostAsJsonAsync($"/api/cases/{id}/events/{eventName}", body);

    [GeneratedRegex(@"https://lumoflow\.test/partner-input/\S+")]
    private static partial Regex LinkPattern();
}
