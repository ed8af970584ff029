using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LumoFlow.Domain.Calendar;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 21 on the README's stack (the local host, Durable on Azurite, maildev): the law's duties hold on every path.
/// The decision is never held back by LumoFlow's own checklist (LSL § 26(5)) and the case finishes its duties after it;
/// a transfer waits for the police report and the family (LSL §§ 25(3), 25 d) and hands over the original time of
/// receipt; a pre-birth case counts from the birth (§ 25 c(3)); siblings' guardians are told or excepted each; a late
/// case that moves away stays late in THL's figures; a new notification is taken into the child's open assessment.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class LawOnEveryPathTests(DevServices services)
{
    private static DateOnly Today => HelsinkiTime.LocalDate(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_timely_no_assessment_decision_is_accepted_while_the_notifier_is_uncontacted_and_the_case_ends_once_its_duties_are_done()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var notifierEmail = Sample.UniqueEmail("no-assessment");
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), notifierEmail));
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "EmailSent"));
        await app.AssessUrgencyAsync(id);

        // Nobody contacted, nobody told, the child not met: the decision is still taken, on time (LSL § 26(5)).
        await Cases.AcceptAsync(staff, id, "DecisionMade", new { startAssessment = false, reason = "Ilmeisen tarpeeton." });
        var closing = await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "Closing");
        Assert.Equal("Running", (string)closing["runtimeStatus"]!);
        var open = Cases.Obligations(closing);
        Assert.Contains("notifierContact", open);
        Assert.Contains("informChildAndGuardians", open);
        Assert.DoesNotContain("decision", open);
        Assert.DoesNotContain("childMeeting", open); // not asked on this path
        Assert.Empty(closing["customStatus"]!["overdue"]!.AsArray());

        // The decision counts for THL on the day it was recorded: decided in time.
        var figures = await ReportAsync(app, $"{Today.AddDays(-7):yyyy-MM-dd}..{Today:yyyy-MM-dd}", f => (int)f["decidedInTime"]! == 1);
        Assert.Equal(1, (int)figures["received"]!);
        Assert.Equal(0, (int)figures["decisionExceeded"]!);
        Assert.Equal(100.0, (double)figures["decidedInTimePercent"]!);
        // The administrators' list shows where it stands: closing, with the duties still open.
        var item = await ListItemAsync(app, id, i => (string?)i["phase"] == "Closing");
        Assert.Contains("notifierContact", item["openObligations"]!.AsArray().Select(o => (string)o!));

        // The professional notifier hears only that the notification was processed — not the outcome.
        var feedback = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail) && m.Subject.Contains("on käsitelty", StringComparison.Ordinal)));
        Assert.DoesNotContain("arvioin", feedback.Subject + feedback.Text);

        // The notifier is contacted: the family is still to be told, and the case waits.
        await Cases.AcceptAsync(staff, id, "NotifierContacted", new { how = "phone" });
        var waiting = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "NotifierContacted"));
        Assert.Equal("Closing", (string)waiting["customStatus"]!["phase"]!);
        Assert.Equal(["informChildAndGuardians"], Cases.Obligations(waiting));

        // The family told: nothing is left, and the case ends by itself as "no assessment".
        await app.InformFamilyAsync(id);
        var ended = await app.WaitForStatusAsync(id, s => (string?)s["runtimeStatus"] == "Completed");
        Assert.Equal("Closed", (string)ended["customStatus"]!["phase"]!);
        Assert.Equal("noAssessment", (string)ended["customStatus"]!["outcome"]!);
        Assert.Empty(Cases.Obligations(ended));
        Assert.Contains(ended["history"]!.AsArray(), h => (string?)h!["eventType"] == "CaseClosed" && (string?)h["details"]?["outcome"] == "noAssessment");
        Assert.Equal(1, (int)(await ReportAsync(app, $"{Today.AddDays(-7):yyyy-MM-dd}..{Today:yyyy-MM-dd}", f => (int)f["decidedInTime"]! == 1))["decidedInTime"]!);
    }

    [Fact]
    public async Task A_transfer_is_refused_while_the_police_report_is_open_and_then_hands_over_the_original_receipt_until_the_documents_are_sent()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("transfer"));
        notification["offenceSuspected"] = true;
        var receivedAt = DateTimeOffset.UtcNow.AddDays(-3).AddMinutes(-7);
        var id = (string)(await app.RegisterAsync(notification, receivedAt))["id"]!;
        var status = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "DeadlinesSet"));
        Assert.Contains("policeReport", Cases.Obligations(status)); // open at once (LSL § 25(3))
        await app.AssessUrgencyAsync(id);

        // Neither the police report nor the family: both are named.
        var refused = await RaiseAsync(staff, id, "TransferredOut", new { region = "Keski-Suomen hyvinvointialue" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("MissingBeforeTransfer", (string)problem["code"]!);
        Assert.Equal(["informChildAndGuardians", "policeReport"], Missing(problem).Order());

        // The family told, the police report is still open: still refused, for it alone.
        await app.InformFamilyAsync(id);
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "ChildAndGuardiansInformed"));
        refused = await RaiseAsync(staff, id, "TransferredOut", new { region = "Keski-Suomen hyvinvointialue" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("MissingBeforeTransfer", (string)problem["code"]!);
        Assert.Equal(["policeReport"], Missing(problem));
        Assert.False(Cases.HasEvent(await app.StatusAsync(id), "TransferredOut"));

        // The notifier made their own report (their duty, LSL § 25(3)): the transfer is accepted, the documents are to go.
        await Cases.AcceptAsync(staff, id, "PoliceAlreadyInformed", new { by = "notifier", reference = "5580/R/12345/26" });
        await Cases.AcceptAsync(staff, id, "TransferredOut", new { region = "Keski-Suomen hyvinvointialue" });
        status = await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "Closing");
        Assert.Equal("Running", (string)status["runtimeStatus"]!);
        Assert.Equal(["transferDocuments"], Cases.Obligations(status));

        // The transfer package: the original time of receipt (so the new region keeps the pending date), the notification, the history.
        var response = await staff.GetAsync($"/api/cases/{id}/transfer-package");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var package = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(id, (string)package["caseId"]!);
        Assert.Equal(receivedAt.ToUnixTimeSeconds(), DateTimeOffset.Parse((string)package["receivedAt"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.Equal(HelsinkiTime.LocalDate(receivedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string)package["pendingSince"]!);
        Assert.Equal((string)status["deadlines"]!["decisionDue"]!, (string)package["decisionDue"]!);
        Assert.Equal("Closing", (string)package["phase"]!);
        Assert.Equal("Keski-Suomen hyvinvointialue", (string)package["transferredTo"]!);
        Assert.Equal((string)notification["concern"]!, (string)package["notification"]!["concern"]!);
        Assert.True((bool)package["notification"]!["offenceSuspected"]!);
        var history = package["history"]!.AsArray().Select(h => (string)h!["eventType"]!).ToList();
        Assert.Contains("PoliceAlreadyInformed", history);
        Assert.Contains("TransferredOut", history);
        Assert.Contains(package["documents"]!.AsArray(), d => (string?)d!["text"] == "5580/R/12345/26");

        // The same as a page to print.
        var page = await staff.GetAsync($"/staff/cases/{id}/transfer-package");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(id, html);
        Assert.Contains(DateTimeOffset.Parse((string)package["receivedAt"]!, CultureInfo.InvariantCulture).ToString("O", CultureInfo.InvariantCulture), html);
        Assert.Contains("Keski-Suomen hyvinvointialue", html);
        Assert.Contains("5580/R/12345/26", html);
        // The notification on the page is readable as written, not JSON-escaped ("\u00E4" for "ä").
        Assert.Contains((string)notification["concern"]!, html);

        // Both reads are in the access log.
        var log = app.Table("AccessLog").Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id).ToList();
        Assert.Equal(2, log.Count(e => e.GetString("Action") == "ReadTransferPackage"));

        // The documents sent: the case ends as transferred.
        await Cases.AcceptAsync(staff, id, "TransferDocumentsSent",
            new { to = "Keski-Suomen hyvinvointialue, lastensuojelu", documents = "Lastensuojeluilmoitus, historia, poliisin diaarinumero" });
        var ended = await app.WaitForStatusAsync(id, s => (string?)s["runtimeStatus"] == "Completed");
        Assert.Equal("transferred", (string)ended["customStatus"]!["outcome"]!);
        Assert.Contains("CaseClosed", Cases.Events(ended));
    }

    [Fact]
    public async Task A_pre_birth_case_whose_birth_is_recorded_late_counts_its_deadlines_from_the_birth()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var bornOn = Today.AddDays(-5);
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("pre-birth"));
        notification["kind"] = "preBirth";
        notification["children"]![0]!.AsObject().Remove("identityCode");
        notification["children"]![0]!["expectedBirthDate"] = bornOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Received three weeks before today, well before the birth.
        var receivedAt = HelsinkiTime.AtLocalTime(Today.AddDays(-20), new TimeOnly(10, 0));
        var id = (string)(await app.RegisterAsync(notification, receivedAt))["id"]!;
        var waiting = await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "AwaitingBirth");
        Assert.Contains("urgencyAssessment", Cases.Obligations(waiting)); // before the birth too (LSL § 25 c(2))

        // The birth, five days ago, is recorded today.
        await Cases.AcceptAsync(staff, id, "ChildBorn", new { identityCode = Sample.IdentityCode(bornOn) });
        var born = await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "AwaitingDecision");
        Assert.Contains(born["history"]!.AsArray(),
            h => (string?)h!["eventType"] == "ChildBorn" && (string?)h["details"]?["bornOn"] == bornOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The deadlines are the birth day's (LSL § 25 c(3)), as the public calculator gives them — not the record day's.
        var atBirth = await DeadlinesAsync(app, HelsinkiTime.AtLocalTime(bornOn, new TimeOnly(12, 0)));
        var onRecordDay = await DeadlinesAsync(app, DateTimeOffset.UtcNow);
        Assert.Equal((string)atBirth["decisionDue"]!, (string)born["deadlines"]!["decisionDue"]!);
        Assert.Equal((string)atBirth["assessmentDue"]!, (string)born["deadlines"]!["assessmentDue"]!);
        Assert.NotEqual((string)onRecordDay["assessmentDue"]!, (string)born["deadlines"]!["assessmentDue"]!);
        if ((string)atBirth["decisionDue"]! != (string)onRecordDay["decisionDue"]!) // (a working day lies between them on every day but a few around Christmas)
            Assert.NotEqual((string)onRecordDay["decisionDue"]!, (string)born["deadlines"]!["decisionDue"]!);
    }

    [Fact]
    public async Task Siblings_with_one_guardian_excepted_have_the_family_told_on_both_cases()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("siblings-family"));
        notification["children"]!.AsArray().Add(new JsonObject { ["name"] = "Pikku Veli", ["identityCode"] = Sample.IdentityCode(), ["homeMunicipality"] = "Kuopio" });
        notification["guardians"] = new JsonArray(new JsonObject { ["name"] = "Äiti Esimerkki" }, new JsonObject { ["name"] = "Isä Esimerkki" });
        var response = await app.CreateClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = (await response.Content.ReadFromJsonAsync<JsonObject>())!["cases"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        var (first, second) = (ids[0], ids[1]);
        foreach (var id in ids)
            Assert.Contains("informChildAndGuardians", Cases.Obligations(await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "DeadlinesSet"))));

        // The mother is told, for both children, on the first child's case.
        await Cases.AcceptAsync(staff, first, "FamilyMemberInformed", new { who = "guardian", name = "Äiti Esimerkki", how = "puhelimitse", forEveryChild = true });
        // The father is not told, for a lawful reason (asiakaslaki 812/2000 § 11), for both children, on the second child's case.
        await Cases.AcceptAsync(staff, second, "FamilyMemberNotInformed",
            new { who = "guardian", name = "Isä Esimerkki", reason = "Tiedon antaminen vaarantaisi lasten turvallisuuden.", forEveryChild = true });
        foreach (var id in ids)
        {
            var guardiansDone = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "FamilyMemberInformed") && Cases.HasEvent(s, "FamilyMemberNotInformed"));
            Assert.Contains("informChildAndGuardians", Cases.Obligations(guardiansDone)); // the child is still to be told
        }

        // Each child is told on their own case.
        foreach (var id in ids)
            await Cases.AcceptAsync(staff, id, "FamilyMemberInformed", new { who = "child", how = "tapaaminen koulussa" });
        foreach (var id in ids)
        {
            var told = await app.WaitForStatusAsync(id, s => Cases.Events(s).Count(e => e == "FamilyMemberInformed") == 2);
            Assert.DoesNotContain("informChildAndGuardians", Cases.Obligations(told));
            Assert.Equal("AwaitingDecision", (string)told["customStatus"]!["phase"]!);
        }
    }

    [Fact]
    public async Task A_late_case_transferred_out_stays_late_in_THLs_report_and_one_transferred_in_time_stays_outside_the_share()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var late = await app.RegisterAsync(30);  // the decision is overdue
        var early = await app.RegisterAsync(1);  // the decision is not yet due
        foreach (var id in new[] { late, early })
        {
            await app.AssessUrgencyAsync(id);
            await app.InformFamilyAsync(id);
            await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "ChildAndGuardiansInformed"));
            await Cases.AcceptAsync(staff, id, "TransferredOut", new { region = "Keski-Suomen hyvinvointialue" });
            await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "Closing");
        }

        var period = $"{Today.AddDays(-60):yyyy-MM-dd}..{Today:yyyy-MM-dd}";
        var figures = await ReportAsync(app, period, f => (int)f["received"]! == 2 && (int)f["decisionExceeded"]! + (int)f["endedWithoutDecision"]! == 2);
        Assert.Equal(1, (int)figures["decisionExceeded"]!);
        Assert.Equal([late], figures["decisionExceededCases"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(1, (int)figures["endedWithoutDecision"]!);
        Assert.Equal(0, (int)figures["decidedInTime"]!);
        Assert.Equal(0, (int)figures["decisionNotYetDue"]!);
        Assert.Equal(0.0, (double)figures["decidedInTimePercent"]!);
    }

    [Fact]
    public async Task A_new_notification_during_an_open_assessment_is_handled_in_it_and_counts_as_decided_that_day()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var identityCode = Sample.IdentityCode();
        var open = await app.SubmitAsync(Sample.Notification(identityCode, Sample.UniqueEmail("first")));
        await app.WaitForStatusAsync(open, s => Cases.HasEvent(s, "EmailSent")); // its first wake-up has registered the child
        var secondEmail = Sample.UniqueEmail("second");
        var added = await app.SubmitAsync(Sample.Notification(identityCode, secondEmail));
        await app.WaitForStatusAsync(added, s => s["linkedCases"]!.AsArray().Any(l => (string?)l == open));
        var unrelated = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("other-child")));
        await app.WaitForStatusAsync(unrelated, s => Cases.HasEvent(s, "EmailSent"));
        await app.AssessUrgencyAsync(added);

        // Not yet an assessment to take it into: refused.
        var notAssessing = await RaiseAsync(staff, added, "HandledInOpenAssessment", new { caseId = open });
        Assert.Equal(HttpStatusCode.Conflict, notAssessing.StatusCode);
        Assert.Equal("NotAnOpenAssessment", (string)(await notAssessing.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);

        await app.AssessUrgencyAsync(open);
        await Cases.AcceptAsync(staff, open, "DecisionMade", new { startAssessment = true, reason = "Selvitetään." });
        await app.WaitForStatusAsync(open, s => (string?)s["customStatus"]?["phase"] == "Assessing");

        // Another child's case, not linked to this one: refused.
        var notLinked = await RaiseAsync(staff, added, "HandledInOpenAssessment", new { caseId = unrelated });
        Assert.Equal(HttpStatusCode.BadRequest, notLinked.StatusCode);
        Assert.Equal("NotALinkedCase", (string)(await notLinked.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);

        // Taken into the child's open assessment: that is its decision, today; its own notifier contact remains.
        await Cases.AcceptAsync(staff, added, "HandledInOpenAssessment", new { caseId = open });
        var closing = await app.WaitForStatusAsync(added, s => (string?)s["customStatus"]?["phase"] == "Closing");
        Assert.Equal(["notifierContact"], Cases.Obligations(closing));
        var assessment = await app.WaitForStatusAsync(open, s => Cases.HasEvent(s, "NotificationTakenIntoAssessment"));
        Assert.Contains(assessment["history"]!.AsArray(),
            h => (string?)h!["eventType"] == "NotificationTakenIntoAssessment" && (string?)h["details"]?["caseId"] == added);
        Assert.Equal("Assessing", (string)assessment["customStatus"]!["phase"]!);

        // The second notifier hears only that it was processed.
        Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(secondEmail) && m.Subject.StartsWith("Lastensuojeluilmoituksesi on käsitelty", StringComparison.Ordinal)));

        await Cases.AcceptAsync(staff, added, "NotifierContacted", new { how = "phone" });
        var ended = await app.WaitForStatusAsync(added, s => (string?)s["runtimeStatus"] == "Completed");
        Assert.Equal("handledInOpenAssessment", (string)ended["customStatus"]!["outcome"]!);

        // THL: both decided in time (the second on the day it was taken in), the unrelated one not yet due.
        var figures = await ReportAsync(app, $"{Today.AddDays(-7):yyyy-MM-dd}..{Today:yyyy-MM-dd}", f => (int)f["decidedInTime"]! == 2);
        Assert.Equal(3, (int)figures["received"]!);
        Assert.Equal(1, (int)figures["decisionNotYetDue"]!);
        Assert.Equal(0, (int)figures["decisionExceeded"]!);
    }

    private static Task<HttpResponseMessage> RaiseAsync(HttpClient staff, string id, string eventName, object body) =>
        staff.PostAsJsonAsync($"/api/cases/{id}/events/{eventName}", body);

    private static List<string> Missing(JsonObject problem) => [.. problem["missing"]!.AsArray().Select(m => (string)m!)];

    /// <summary>THL's figures for the whole organisation, once <paramref name="done"/> holds (the report reads the case index, written a moment after each step).</summary>
    private static async Task<JsonObject> ReportAsync(LumoFlowApp app, string period, Func<JsonObject, bool> done)
    {
        var admin = app.StaffClient("admin.tester");
        return await Poll.UntilAsync(
            async () => (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/reports/compliance?period={period}"))!["organisation"]!.AsObject(),
            done, f => $"The compliance report for {period} never showed what was expected: {f.ToJsonString()}");
    }

    /// <summary>The case's item in the administrators' list, once <paramref name="done"/> holds.</summary>
    private static async Task<JsonObject> ListItemAsync(LumoFlowApp app, string id, Func<JsonObject, bool> done)
    {
        var admin = app.StaffClient("admin.tester");
        async Task<JsonObject?> Read() =>
            (await admin.GetFromJsonAsync<JsonArray>("/api/admin/cases?top=500"))!.Select(i => i!.AsObject()).FirstOrDefault(i => (string?)i["id"] == id);
        return (await Poll.UntilAsync(Read, i => i is not null && done(i), i => $"Case {id} in the list: {i?.ToJsonString() ?? "missing"}"))!;
    }

    private static async Task<JsonObject> DeadlinesAsync(LumoFlowApp app, DateTimeOffset receivedAt)
    {
        var at = Uri.EscapeDataString(receivedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        var response = await app.CreateClient().GetAsync($"/api/deadlines?receivedAt={at}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
