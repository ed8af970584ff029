using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LumoFlow.IntegrationTests.Browser;

/// <summary>
/// A notifier at the public form in a real browser (Debian's Chromium through Playwright, the app on real Kestrel):
/// in Finnish, by the labels and the keyboard, through an error to the receipt; what they type is shown as text, never
/// as markup; each page is checked with axe-core and screenshot. The session lets axe-core's script through the pages'
/// CSP, so the escaping — not the CSP — is what keeps a typed script from running here.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class NotificationFormBrowserTests(DevServices services)
{
    private const string Markup = "<script>alert(1)</script><b>x</b>";

    [Fact]
    public async Task A_notifier_fills_the_form_in_Finnish_with_the_keyboard_corrects_an_error_from_the_summary_and_gets_the_receipt()
    {
        await using var app = new LumoFlowApp(services);
        var baseUrl = app.ServeOverKestrel();
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(baseUrl);
        Assert.Equal("Lastensuojeluilmoitus", await page.InnerTextAsync("h1"));
        Assert.Equal("fi", await page.GetAttributeAsync("html", "lang"));
        await browser.ScreenshotAsync("notification-form");
        await browser.AssertAccessibleAsync("the notification form");

        // By the labels, as a screen reader user would find the fields; the radio buttons by the keyboard.
        await page.GetByLabel("työni puolesta (ilmoitusvelvollisena)", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("#notifierType-professional"));
        await page.GetByLabel("Nimesi", new() { Exact = true }).FillAsync("Maija Meikäläinen");
        await page.GetByLabel("Ammatti tai tehtävä", new() { Exact = true }).FillAsync("Terveydenhoitaja");
        await page.GetByLabel("Työpaikka tai organisaatio", new() { Exact = true }).FillAsync("Neuvola");
        await page.GetByLabel("Sähköposti", new() { Exact = true }).FillAsync(Sample.UniqueEmail("nurse"));
        await page.GetByLabel("Lapsen nimi", new() { Exact = true }).FillAsync(Markup);
        await page.GetByLabel("Lapsen henkilötunnus", new() { Exact = true }).FillAsync("010115A12"); // a digit short
        await page.GetByLabel("Lapsen kotikunta", new() { Exact = true }).FillAsync("Kuopio");
        await page.GetByLabel("Mikä sinua huolettaa?", new() { Exact = true }).FillAsync(Markup + "\nLapsi on ollut väsynyt ja nälkäinen.");
        await page.GetByLabel("Lapsen tarpeiden laiminlyönti", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä ilmoitus" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#error-summary");

        // The summary names the field and its problem in Finnish; its link takes the focus to the field.
        var link = page.Locator("#error-summary a[href='#childIdentityCode']");
        Assert.StartsWith("Lapsen henkilötunnus: ei ole kelvollinen henkilötunnus", await link.InnerTextAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#childIdentityCode", "aria-invalid"));
        Assert.Contains("childIdentityCode-error", await page.GetAttributeAsync("#childIdentityCode", "aria-describedby"));
        Assert.Equal("010115A12", await page.InputValueAsync("#childIdentityCode"));
        // What was typed comes back as text: no element was made of it.
        Assert.Equal(Markup, await page.InputValueAsync("#childName"));
        Assert.StartsWith(Markup, await page.InputValueAsync("#concern"));
        Assert.Equal(0, await page.Locator("main b, main script").CountAsync());
        await browser.ScreenshotAsync("notification-form-errors");
        await browser.AssertAccessibleAsync("the notification form with errors");

        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("childIdentityCode", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Control+A");
        var code = Sample.IdentityCode();
        await page.Keyboard.TypeAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä ilmoitus" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#case-reference");

        Assert.Equal("Ilmoitus on vastaanotettu", await page.InnerTextAsync("h1"));
        var id = (await page.InnerTextAsync("#case-reference")).Trim();
        var status = await app.StatusAsync(id);
        var deadlines = await app.CreateClient().GetFromJsonAsync<JsonObject>($"/api/deadlines?receivedAt={Uri.EscapeDataString((string)status["receivedAt"]!)}");
        var decisionDue = DateOnly.ParseExact((string)deadlines!["decisionDue"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(decisionDue, await page.InnerTextAsync("#decision-due"));
        Assert.Contains($"seitsemäntenä arkipäivänä ({decisionDue})", await page.InnerTextAsync("main"));
        Assert.Contains("salassapitosäännösten estämättä", await page.InnerTextAsync("main"));
        Assert.StartsWith(Markup, await page.InnerTextAsync("#sent-concern"));
        Assert.Contains(Markup, await page.InnerTextAsync("dl.facts"));
        Assert.Equal(0, await page.Locator("main b, main script").CountAsync());
        await browser.ScreenshotAsync("notification-receipt");
        await browser.AssertAccessibleAsync("the receipt");
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_partner_page_speaks_the_request_s_language_switches_on_its_links_and_shows_a_typed_question_as_text()
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:PublicBaseUrl"] = "http://127.0.0.1" });
        var baseUrl = app.ServeOverKestrel();
        var staff = app.StaffClient();
        var id = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("browser")));
        await app.AssessUrgencyAsync(id); // LSL § 26(2): before the decision
        Assert.Equal(System.Net.HttpStatusCode.Accepted,
            (await staff.PostAsJsonAsync($"/api/cases/{id}/events/DecisionMade", new { startAssessment = true, reason = "selvitetään" })).StatusCode);
        var partnerEmail = Sample.UniqueEmail("school");
        await staff.PostAsJsonAsync($"/api/cases/{id}/events/PartnerInputRequested", new
        {
            partner = new { kind = "school", organisation = "Keskuskoulu " + Markup, email = partnerEmail, language = "fi" },
            question = "Miten lapsi on voinut koulussa? " + Markup,
        });
        var request = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail)));
        var path = new Uri(LinkPattern().Match(request.Text).Value).PathAndQuery;

        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(baseUrl.TrimEnd('/') + path);
        Assert.Equal("Pyyntö osallistua palvelutarpeen arviointiin", await page.InnerTextAsync("h1"));
        Assert.Equal("Miten lapsi on voinut koulussa? " + Markup, await page.InnerTextAsync(".question"));
        Assert.Contains("Keskuskoulu " + Markup, await page.InnerTextAsync("dl.facts"));
        Assert.Equal(0, await page.Locator("main b, main script").CountAsync());
        await browser.ScreenshotAsync("partner-page");
        await browser.AssertAccessibleAsync("the partner page");

        // The language links keep the link (its token) and switch the page; the answer is thanked in that language.
        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();
        Assert.Equal("Request to take part in a service-need assessment", await page.InnerTextAsync("h1"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.GetByLabel("Your answer", new() { Exact = true }).FillAsync(Markup);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        Assert.Equal("Thank you", await page.InnerTextAsync("h1"));

        var status = await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "PartnerInputReceived"));
        Assert.Contains(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "PartnerInputReceived");
        Assert.Equal(0, dialogs);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1/partner-input/\S+")]
    private static partial Regex LinkPattern();
}
