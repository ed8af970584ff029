using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LumoFlow.IntegrationTests.Browser;

/// <summary>
/// A social worker signs in with the development sign-in and takes a case from notification to closed through the
/// pages alone, in Finnish — including a partner who answers through the link taken from maildev, and a refusal that
/// says what is missing. A social worker of another team is refused the case. Each page is checked with axe-core and
/// screenshot; what the notifier typed as markup is shown as text.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class StaffPagesBrowserTests(DevServices services)
{
    private const string Markup = "<script>alert('x')</script><b>lihavoitu</b>";

    [Fact]
    public async Task A_social_worker_takes_a_case_from_notification_to_closed_through_the_pages()
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:PublicBaseUrl"] = "http://127.0.0.1" });
        var baseUrl = app.ServeOverKestrel();

        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("staffpages"), "Kuopio");
        notification["concern"] = $"Lapsi on ollut poissa koulusta. {Markup}";
        var submitted = await app.CreateClient().PostAsJsonAsync("/api/notifications", notification);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "RoutedToTeam"));

        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        // Not signed in: the page says so and leads to the sign-in, which comes back to it.
        await page.GotoAsync($"{baseUrl}/staff/cases/{id}");
        Assert.Equal("Kirjaudu sisään", await page.InnerTextAsync("h1"));
        await browser.ScreenshotAsync("staff-sign-in-needed");
        await browser.AssertAccessibleAsync("the page that asks to sign in (401)");
        await page.ClickAsync("main a.button");
        await browser.ScreenshotAsync("staff-sign-in");
        await browser.AssertAccessibleAsync("the sign-in");
        await SignInAsync(page, "Maija Virtanen", "maija.virtanen@kunta.example", "SocialWorker", "pohjois-savo");
        Assert.Equal($"Asia {id}", await page.InnerTextAsync("h1"));

        // My team's cases: the case, its phase, next deadline and marker.
        await page.GotoAsync($"{baseUrl}/staff");
        Assert.Equal("Oman tiimin asiat", await page.InnerTextAsync("h1"));
        var row = page.Locator("tr", new() { Has = page.Locator($"a:text-is('{id}')") });
        Assert.Contains("Odottaa päätöstä", await row.InnerTextAsync());
        Assert.Matches("Ajallaan|Lähestyy", await row.Locator(".rag").InnerTextAsync());
        await browser.ScreenshotAsync("staff-case-list");
        await browser.AssertAccessibleAsync("the case list");

        await row.Locator("a").ClickAsync();
        Assert.Equal($"Asia {id}", await page.InnerTextAsync("h1"));
        // The notifier's markup is text on the page, never markup.
        Assert.Contains(Markup, await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.Locator("main script, main b").CountAsync());
        Assert.Contains("Päätös palvelutarpeen arvioinnista 7 arkipäivän kuluessa", await page.InnerTextAsync("main"));
        await browser.ScreenshotAsync("staff-case-page");
        await browser.AssertAccessibleAsync("the case page");

        // Only what the phase allows is offered: no closing summary before the decision.
        Assert.Equal(0, await page.Locator("#AssessmentCompleted-outcome").CountAsync());
        await RecordAsync(page, "UrgencyAssessed", async () => await page.CheckAsync("#UrgencyAssessed-urgent-no"));
        await RecordAsync(page, "NotifierContacted", async () =>
        {
            await page.SelectOptionAsync("#NotifierContacted-how", "phone");
            await page.FillAsync("#NotifierContacted-note", Markup);
        });
        await RecordAsync(page, "ChildAndGuardiansInformed", () => page.FillAsync("#ChildAndGuardiansInformed-how", "puhelimitse"));

        // A form with a field missing: the error summary names it and links to it, nothing is recorded.
        await page.ClickAsync("#form-DecisionMade summary");
        await page.CheckAsync("#DecisionMade-startAssessment");
        await page.ClickAsync("#form-DecisionMade button[type=submit]");
        Assert.Contains("Kirjausta ei tallennettu", await page.InnerTextAsync(".error-summary"));
        await page.ClickAsync(".error-summary a");
        Assert.Equal("DecisionMade-reason", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.FillAsync("#DecisionMade-reason", "Selvitetään perheen tilanne.");
        await page.ClickAsync("#form-DecisionMade button[type=submit]");
        Assert.Contains("Kirjattu", await page.InnerTextAsync(".done"));

        // A partner is asked; the link comes by email, and the partner answers through it.
        var partnerEmail = Sample.UniqueEmail("koulu");
        await RecordAsync(page, "PartnerInputRequested", async () =>
        {
            await page.SelectOptionAsync("#PartnerInputRequested-partner-kind", "school");
            await page.FillAsync("#PartnerInputRequested-partner-organisation", "Kalevan koulu");
            await page.FillAsync("#PartnerInputRequested-partner-email", partnerEmail);
            await page.SelectOptionAsync("#PartnerInputRequested-partner-language", "fi");
            await page.FillAsync("#PartnerInputRequested-question", "Miten lapsi on voinut koulussa?");
        });
        Assert.Contains("Odottaa vastausta", await page.InnerTextAsync("main"));
        var mail = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail)));
        var link = new Uri(LinkPattern().Match(mail.Text).Value).PathAndQuery;

        // Closing now is refused, with what is missing.
        await CompleteAssessmentAsync(page);
        Assert.Contains("Kirjausta ei hyväksytty", await page.InnerTextAsync(".refusal"));
        Assert.Contains("Asiaa ei voi vielä päättää", await page.InnerTextAsync(".refusal p"));
        var missing = await page.InnerTextAsync(".refusal ul");
        Assert.Contains("Tapaa lapsi", missing);
        Assert.Contains("Kalevan koulu", missing);
        await browser.ScreenshotAsync("staff-case-refused");
        await browser.AssertAccessibleAsync("the case page with a refused event");

        var partnerPage = await browser.Context.NewPageAsync();
        await partnerPage.GotoAsync(baseUrl + link);
        await partnerPage.FillAsync("#answer", $"Poissaoloja on ollut paljon. {Markup}");
        await partnerPage.ClickAsync("button[type=submit]");
        Assert.Equal("Kiitos", await partnerPage.InnerTextAsync("h1"));
        await partnerPage.CloseAsync();

        await RecordAsync(page, "ChildMet", () => page.FillAsync("#ChildMet-how", "kotikäynti"));
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "PartnerInputReceived") && Cases.HasEvent(s, "ChildMet"));
        await page.ReloadAsync();
        Assert.Contains("Vastattu", await page.InnerTextAsync("main"));
        Assert.Contains($"Poissaoloja on ollut paljon. {Markup}", await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.Locator("main script, main b").CountAsync());

        await CompleteAssessmentAsync(page);
        Assert.Contains("Kirjattu", await page.InnerTextAsync(".done"));
        var closed = await app.WaitForStatusAsync(id, s => (string?)s["runtimeStatus"] == "Completed");
        Assert.True(Cases.HasEvent(closed, "AssessmentCompleted"));
        Assert.Contains(closed["history"]!.AsArray(), h => (string?)h!["eventType"] == "DecisionMade" && (string?)h["actor"] == "maija.virtanen@kunta.example");
        await page.ReloadAsync();
        Assert.Contains("Asia on päättynyt", await page.InnerTextAsync("main"));
        Assert.Contains("Arviointi valmis", await page.InnerTextAsync("table:last-of-type"));
        await browser.ScreenshotAsync("staff-case-closed");
        await browser.AssertAccessibleAsync("the closed case");
        Assert.Equal(0, dialogs);

        // Every read of the case through the pages is in the access log, with the signed-in user.
        var log = app.Table("AccessLog").Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id).ToList();
        Assert.Contains(log, e => e.GetString("Actor") == "maija.virtanen@kunta.example" && e.GetString("Action") == "ReadCasePage"
                                  && e.GetString("Credential") == "session");

        // Signing out (the header's form, posted with its token) ends the session: the pages ask to sign in again.
        await page.ClickAsync("header .user button[type=submit]");
        Assert.Equal("Kirjauduttu ulos", await page.InnerTextAsync("h1"));
        await browser.AssertAccessibleAsync("the signed-out page");
        var after = await page.GotoAsync($"{baseUrl}/staff/cases/{id}");
        Assert.Equal(401, after!.Status);

        // A social worker of another team, in a browser of their own, is refused the case.
        await using var other = await BrowserSession.StartAsync();
        await other.Page.GotoAsync($"{baseUrl}/signin?returnUrl=/staff/cases/{id}");
        await SignInAsync(other.Page, "Kalle Muu", "kalle.muu@kunta.example", "SocialWorker", "keski-suomi");
        Assert.Equal("Ei käyttöoikeutta", await other.Page.InnerTextAsync("h1"));
        await other.ScreenshotAsync("staff-case-other-team");
        await other.AssertAccessibleAsync("the 403 page");
        await other.Page.GotoAsync($"{baseUrl}/staff");
        Assert.DoesNotContain(id, await other.Page.InnerTextAsync("main"));
    }

    private static async Task SignInAsync(IPage page, string name, string account, string role, string team)
    {
        Assert.Equal("Kirjaudu sisään", await page.InnerTextAsync("h1"));
        await BrowserSession.SignInAsync(page, name, account, role, team);
    }

    /// <summary>Opens the event's form, fills it, saves it, and expects the page to say it was recorded.</summary>
    private static async Task RecordAsync(IPage page, string eventName, Func<Task> fill)
    {
        await page.ClickAsync($"#form-{eventName} summary");
        await fill();
        await page.ClickAsync($"#form-{eventName} button[type=submit]");
        Assert.Contains("Kirjattu", await page.InnerTextAsync(".done"));
    }

    private static async Task CompleteAssessmentAsync(IPage page)
    {
        await page.SelectOptionAsync("#AssessmentCompleted-outcome", "socialWelfareServices");
        await page.FillAsync("#AssessmentCompleted-summary-situationAndServiceNeeds", "Perhe tarvitsee tukea arkeen.");
        await page.FillAsync("#AssessmentCompleted-summary-conclusionOnClientStatus", "Sosiaalihuollon asiakkuus.");
        await page.FillAsync("#AssessmentCompleted-summary-clientView", "Huoltaja on samaa mieltä.");
        await page.FillAsync("#AssessmentCompleted-summary-childView", "Lapsi toivoo apua läksyihin.");
        await page.CheckAsync("#AssessmentCompleted-summary-namedWorkerNeeded-no");
        await page.ClickAsync("section[aria-labelledby=closing-title] button[type=submit]");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1/partner-input/\S+")]
    private static partial Regex LinkPattern();
}
