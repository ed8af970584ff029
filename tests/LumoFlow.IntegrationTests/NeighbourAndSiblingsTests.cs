using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 20 on the README's stack (the local host, Azurite, maildev): a notification is never lost for what the
/// notifier does not know — a neighbour who knows a first name and a street is heard, through the API and through the
/// form — and a notification about siblings opens a case for each child.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class NeighbourAndSiblingsTests(DevServices services)
{
    private const string Concern = "Naapurin lapsi itkee iltaisin pihalla yksin, eikä kukaan tule hakemaan häntä sisälle.";

    private static JsonObject Neighbour() => new()
    {
        ["kind"] = "childWelfare",
        ["notifier"] = new JsonObject { ["type"] = "private", ["name"] = "Naapuri", ["phone"] = "not a phone" },
        ["children"] = new JsonArray(new JsonObject { ["name"] = "Aino", ["whereabouts"] = "Kauppakatu 5, rappu B" }),
        ["concern"] = Concern,
    };

    [Fact]
    public async Task A_neighbour_who_knows_only_a_first_name_and_a_street_is_heard_routed_to_the_default_team_and_staff_identify_the_child_later()
    {
        await using var app = new LumoFlowApp(services);
        var response = await app.CreateClient().PostAsJsonAsync("/api/notifications", Neighbour());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)answer["id"]!;
        Assert.Equal([id], answer["cases"]!.AsArray().Select(c => (string)c!["id"]!));
        // The phone number is kept as given, and flagged for staff: a private person's mistake never blocks.
        Assert.True(answer["flags"]!.AsObject().ContainsKey("notifier.phone"), answer.ToJsonString());

        var status = await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "AwaitingDecision");
        Assert.Equal("intake", (string)status["team"]!); // no home municipality: the routing table's default team
        Assert.Equal(["confirmHomeMunicipality", "decision", "identifyChild", "urgencyAssessment"],
            Obligations(status).Where(o => o is "confirmHomeMunicipality" or "decision" or "identifyChild" or "urgencyAssessment").Order());
        Assert.Contains(status["flags"]!.AsArray(), f => (string?)f == "notifier.phone: NotAPhoneNumber");

        // Staff find out who the child is: the case moves to the team of the child's home municipality.
        var staff = app.StaffClient();
        var identified = await staff.PostAsJsonAsync($"/api/cases/{id}/events/ChildIdentified",
            new { identityCode = Sample.IdentityCode(), homeMunicipality = "Kuopio" });
        Assert.Equal(HttpStatusCode.Accepted, identified.StatusCode);
        status = await app.WaitForStatusAsync(id, s => (string?)s["team"] == "pohjois-savo");
        Assert.DoesNotContain("identifyChild", Obligations(status));
        Assert.DoesNotContain("confirmHomeMunicipality", Obligations(status));
        Assert.Contains("RoutedToTeam", Cases.Events(status));

        // A municipality no team takes is refused, and nothing changes.
        var unknown = await staff.PostAsJsonAsync($"/api/cases/{id}/events/ChildIdentified", new { homeMunicipality = "Atlantis" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("NoSuchMunicipality", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nothing_that_identifies_the_child_and_no_concern_are_still_refused_with_400_and_nothing_is_stored()
    {
        await using var app = new LumoFlowApp(services);
        var nobody = Neighbour();
        nobody["children"] = new JsonArray(new JsonObject { ["language"] = "fi" });
        var refused = await app.CreateClient().PostAsJsonAsync("/api/notifications", nobody);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ChildNotIdentified", await refused.Content.ReadAsStringAsync());

        var noConcern = Neighbour();
        noConcern.Remove("concern");
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().PostAsJsonAsync("/api/notifications", noConcern)).StatusCode);

        var instances = new List<string>();
        await foreach (var instance in app.Durable.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery())) instances.Add(instance.InstanceId);
        Assert.Empty(instances);
    }

    [Fact]
    public async Task The_neighbour_fills_in_the_form_with_a_first_name_and_a_street_only_and_gets_a_receipt()
    {
        await using var app = new LumoFlowApp(services);
        var client = app.CreateClient();
        var form = ServedForm.Parse(await (await client.GetAsync("/")).Content.ReadAsStringAsync());

        var response = await client.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [form.TokenName] = form.Token,
            ["lang"] = "fi",
            ["submission"] = form.Submission,
            ["kind"] = "childWelfare",
            ["notifierType"] = "private",
            ["childName"] = "Aino",
            ["childWhereabouts"] = "Kauppakatu 5, rappu B",
            ["concern"] = Concern,
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var id = Reference().Match(html).Groups[1].Value;
        Assert.NotEmpty(id);
        var status = await app.WaitForStatusAsync(id, s => Obligations(s).Contains("urgencyAssessment"));
        Assert.Equal("intake", (string)status["team"]!);
        Assert.Contains("identifyChild", Obligations(status));
    }

    [Fact]
    public async Task Two_children_give_two_cases_one_receipt_and_meeting_one_child_leaves_the_other_s_meeting_open()
    {
        await using var app = new LumoFlowApp(services);
        var notifierEmail = Sample.UniqueEmail("siblings");
        var notification = Sample.Notification(Sample.IdentityCode(), notifierEmail);
        notification["children"]!.AsArray().Add(new JsonObject { ["name"] = "Pikku Sisar", ["identityCode"] = Sample.IdentityCode(), ["homeMunicipality"] = "Kuopio" });

        var response = await app.CreateClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var ids = answer["cases"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(ids[0], (string)answer["id"]!);
        var (first, second) = (ids[0], ids[1]);

        // Each child has a case of their own, and each knows the other.
        foreach (var id in ids)
        {
            var status = await app.WaitForStatusAsync(id, s => (string?)s["customStatus"]?["phase"] == "AwaitingDecision");
            Assert.Equal(ids, status["familyCases"]!.AsArray().Select(c => (string)c!));
        }

        // One receipt for the notifier, naming both cases.
        var receipts = await services.Mail.WaitForAsync(m => m.IsTo(notifierEmail));
        var receipt = Assert.Single(receipts);
        Assert.Contains(first, receipt.Subject + receipt.Text);
        Assert.Contains(second, receipt.Subject + receipt.Text);
        await Task.Delay(1000);
        Assert.Single(await services.Mail.AllAsync(), m => m.IsTo(notifierEmail));

        // The notifier was contacted once: that holds for both children's cases.
        var staff = app.StaffClient();
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync($"/api/cases/{first}/events/NotifierContacted", new { how = "phone" })).StatusCode);
        await app.WaitForStatusAsync(second, s => Cases.HasEvent(s, "NotifierContacted"));

        // The first child is assessed and met; the second child's case still has its own meeting to hold.
        await Accept(staff, first, "UrgencyAssessed", new { urgent = false });
        await Accept(staff, first, "DecisionMade", new { startAssessment = true, reason = "Selvitetään." });
        await Accept(staff, first, "ChildMet", new { how = "kotikäynti" });
        var met = await app.WaitForStatusAsync(first, s => Cases.HasEvent(s, "ChildMet"));
        Assert.DoesNotContain("childMeeting", Obligations(met));
        var other = await app.StatusAsync(second);
        Assert.Contains("urgencyAssessment", Obligations(other));
        Assert.False(Cases.HasEvent(other, "ChildMet"));
        Assert.Equal("AwaitingDecision", (string)other["customStatus"]!["phase"]!);

        // Deciding the second child's case still asks for its own urgency assessment first.
        var refused = await staff.PostAsJsonAsync($"/api/cases/{second}/events/DecisionMade", new { startAssessment = true, reason = "Selvitetään." });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("urgencyAssessment", await refused.Content.ReadAsStringAsync());
        await Accept(staff, second, "UrgencyAssessed", new { urgent = false });
        await Accept(staff, second, "DecisionMade", new { startAssessment = true, reason = "Selvitetään." });
        var decided = await app.WaitForStatusAsync(second, s => (string?)s["customStatus"]?["phase"] == "Assessing");
        Assert.Contains("childMeeting", Obligations(decided));
    }

    private static async Task Accept(HttpClient staff, string id, string eventName, object body)
    {
        var response = await staff.PostAsJsonAsync($"/api/cases/{id}/events/{eventName}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{eventName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static List<string> Obligations(JsonObject status) =>
        [.. status["customStatus"]!["openObligations"]!.AsArray().Select(o => (string)o!)];

    [GeneratedRegex("id=\"case-reference\">([^<]+)<")]
    private static partial Regex Reference();
}
