using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests.Browser;

/// <summary>
/// A partner answers in a real browser: Debian's Chromium driven by Playwright against the app on real Kestrel.
/// (./test.sh installs Chromium; Playwright's own browser download is never used.) The form is checked with axe-core.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class PartnerFormBrowserTests(DevServices services)
{
    [Fact]
    public async Task A_partner_reads_the_question_answers_once_and_the_link_then_says_it_was_used()
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:PublicBaseUrl"] = "http://127.0.0.1" });
        var baseUrl = app.ServeOverKestrel();

        var staff = app.StaffClient();
        var submitted = await app.CreateClient().PostAsJsonAsync("/api/notifications", Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("browser")));
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await app.AssessUrgencyAsync(id); // LSL § 26(2): before the decision
        Assert.Equal(System.Net.HttpStatusCode.Accepted,
            (await staff.PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "selvitetään" })).StatusCode);
        var partnerEmail = Sample.UniqueEmail("daycare");
        await staff.PostAsJsonAsync($"/api/cases/{id}/events/PartnerInputRequested", new
        {
            partner = new { kind = "daycare", organisation = "Päiväkoti Satakieli", email = partnerEmail, language = "sv" },
            question = "Hur har barnet mått i dagvården?",
        });
        var request = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail)));
        var path = new Uri(LinkPattern().Match(request.Text).Value).PathAndQuery;

        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await page.GotoAsync(baseUrl.TrimEnd('/') + path);
        Assert.Equal("Begäran om att delta i en bedömning av servicebehovet", await page.InnerTextAsync("h1"));
        Assert.Equal("Hur har barnet mått i dagvården?", await page.InnerTextAsync(".question"));
        await browser.ScreenshotAsync("partner-form");
        await browser.AssertAccessibleAsync("the partner form");

        await page.FillAsync("#answer", "Barnet har varit tröttare än vanligt.");
        await page.FillAsync("#respondentName", "Föreståndaren");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Tack", await page.InnerTextAsync("h1"));
        await browser.ScreenshotAsync("partner-thanks");
        await browser.AssertAccessibleAsync("the thanks page");

        await page.GotoAsync(baseUrl.TrimEnd('/') + path);
        Assert.Equal("Länken används inte längre", await page.InnerTextAsync("h1"));
        Assert.Contains("redan besvarats", await page.InnerTextAsync("main"));
        await browser.AssertAccessibleAsync("the page of a used link");

        var status = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "PartnerInputReceived"));
        Assert.Contains(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "PartnerInputReceived" && (string)h["actor"]! == "partner");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1/partner-input/\S+")]
    private static partial Regex LinkPattern();
}
