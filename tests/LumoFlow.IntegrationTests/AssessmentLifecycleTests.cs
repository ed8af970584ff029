using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.IntegrationTests;

/// <summary>Whole cases through HTTP, Azurite and maildev: what staff, notifiers and partners see.</summary>
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

        // The professional notifier hears whether an assessment was started — nothing else.
        var decision = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail) && m.Subject.Contains("Päätös")));
        Assert.Contains("aloitettu", decision.Text);

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
        Assert.Contains("already been used", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link.PathAndQuery[..^4] + "0000")).StatusCode);

        // Meeting the child is the last thing missing; then the assessment closes with its SHL § 37 summary.
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildMet", new { how = "home visit", note = "Lapsi kertoi koulusta." })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildViewsRecorded", new { note = "Haluaa apua läksyihin." })).StatusCode);
        var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("ReadyToClose", (string)status!["customStatus"]!["phase"]!);

        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "AssessmentCompleted", Completion())).StatusCode);
        status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        Assert.Equal("Completed", (string)status!["runtimeStatus"]!);
        Assert.Equal("Closed", (string)status["customStatus"]!["phase"]!);
        Assert.Equal("socialWelfareServices", (string)status["customStatus"]!["outcome"]!);
        Assert.Empty(status["customStatus"]!["openObligations"]!.AsArray());
        var events = status["history"]!.AsArray().Select(h => (string)h!["eventType"]!).ToList();
        Assert.Contains("PartnerInputReceived", events);
        Assert.Equal("AssessmentCompleted", events.Last(e => e != "EmailSent"));

        // Ended: further events are gone, and the case keeps no timers.
        Assert.Equal(HttpStatusCode.Gone, (await RaiseAsync(staff, id, "ChildMet", new { how = "again" })).StatusCode);
        var rows = await app.Table("Cases").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id).ToListAsync();
        Assert.Empty((await DurabilityTests.StoredCaseAsync(app, id)).Timers);
        Assert.Empty(await DurabilityTests.AlarmRowsOfAsync(app, id));
        Assert.Contains(rows, r => r.RowKey == "document-assessment-summary");
        Assert.Contains(rows, r => r.RowKey == "document-partner-P1-answer");
    }

    [Fact]
    public async Task When_every_deadline_passes_each_escalation_arrives_once()
    {
        // Received Wednesday 1.4.2026 before Easter: decisionDue 14.4.2026, assessmentDue 1.7.2026.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(3)));
        await using var app = new LumoFlowApp(services, time: clock, settings: new Dictionary<string, string?> { ["LumoFlow:Engine:RunSweeper"] = "false" });
        var staff = app.StaffClient();
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("late"), "Joensuu"));

        // Sweep every hour of the simulated four months, as the timer trigger would (hourly is enough: timers fire on the hour).
        var end = new DateTimeOffset(2026, 7, 10, 12, 0, 0, TimeSpan.FromHours(3));
        while (clock.GetUtcNow() < end)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await staff.PostAsync("/Sweep", null);
        }

        var mail = (await services.Mail.AllAsync()).Where(m => m.Subject.Contains(id)).ToList();
        int Count(string to, string subjectStart) => mail.Count(m => m.IsTo(to) && m.Subject.StartsWith(subjectStart));
        Assert.Equal(1, Count("pk-johtava@lumoflow.example.test", "Eskalointi: päätöstä"));
        Assert.Equal(1, Count("pk-johtava@lumoflow.example.test", "Eskalointi: palvelutarpeen arvioinnin määräaika"));
        Assert.Equal(1, Count("pk-vastaanotto@lumoflow.example.test", "Muistutus: päätös"));
        Assert.Equal(1, Count("pk-vastaanotto@lumoflow.example.test", "Muistutus: lapselle"));
        Assert.Equal(2, Count("pk-vastaanotto@lumoflow.example.test", "Muistutus: palvelutarpeen arvioinnin on valmistuttava"));
        // Notifier-contact reminders on working days 3, 5 and 7 after receipt, until decisionDue.
        Assert.Equal(3, Count("pk-vastaanotto@lumoflow.example.test", "Muistutus: ilmoittajaan"));

        var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal(["decision", "assessment"], status!["customStatus"]!["overdue"]!.AsArray().Select(o => (string)o!));
        Assert.Equal("Running", (string)status["runtimeStatus"]!);

        // The weekly digest to the lead lists the case every Monday from the first one after decisionDue (20.4) — once a week.
        var digests = await app.Table("TeamDigests").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "pohjois-karjala").ToListAsync();
        var sentWeeks = digests.Where(d => d.GetString("Status") == "Sent").Select(d => d.RowKey).ToList();
        Assert.Equal(["2026-04-20", "2026-04-27", "2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25", "2026-06-01",
                      "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29", "2026-07-06"], sentWeeks);
        Assert.All(digests.Where(d => d.GetString("Status") == "Sent"), d => Assert.Contains(id, d.GetString("TextBody")));
        var digestMail = (await services.Mail.AllAsync()).Where(m => m.IsTo("pk-johtava@lumoflow.example.test") && m.Text.Contains(id) && m.Subject.StartsWith("Viikkokooste")).ToList();
        Assert.Equal(12, digestMail.Count);
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

        // None of that left a trace in the history.
        var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}?showHistory=true");
        var events = status!["history"]!.AsArray().Select(h => (string)h!["eventType"]!).ToList();
        Assert.DoesNotContain("NotifierContacted", events);
        Assert.DoesNotContain("PartnerInputRequested", events);

        // A suspected offence makes the police report required before closing.
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "OffenceSuspected", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "NotifierContactImpossible", new { reason = "numero ei vastaa" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildNotMet", new { reason = "perhe muutti" })).StatusCode);
        var refused = await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = false, reason = "ilmeisen tarpeeton" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["policeReport"], (await refused.Content.ReadFromJsonAsync<JsonObject>())!["missing"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "PoliceReportFiled", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = false, reason = "ilmeisen tarpeeton" })).StatusCode);
        status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("Completed", (string)status!["runtimeStatus"]!);
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
        notification["children"]![0]!["expectedBirthDate"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd");
        var id = await app.SubmitAsync(notification);

        var status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("AwaitingBirth", (string)status!["customStatus"]!["phase"]!);
        Assert.False(status.ContainsKey("deadlines"));
        var receipt = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(midwife)));
        Assert.StartsWith("Ennakollinen lastensuojeluilmoituksesi on vastaanotettu", receipt.Subject);
        Assert.Equal(HttpStatusCode.Conflict, (await RaiseAsync(staff, id, "DecisionMade", new { startAssessment = true, reason = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await RaiseAsync(staff, id, "ChildBorn", new { identityCode = "150315A123Y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RaiseAsync(staff, id, "ChildBorn", new { identityCode = Sample.IdentityCode() })).StatusCode);
        status = await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("AwaitingDecision", (string)status!["customStatus"]!["phase"]!);
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
