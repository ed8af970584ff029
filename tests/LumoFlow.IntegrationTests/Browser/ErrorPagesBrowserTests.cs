using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests.Browser;

/// <summary>
/// The pages a person lands on when something is not as they expected — an address that is none, a partner link that
/// is not valid, a case that does not exist, a form that has expired — read in their language and pass axe-core, as
/// does the dashboard in Swedish.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class ErrorPagesBrowserTests(DevServices services)
{
    [Fact]
    public async Task Every_error_page_says_what_happened_in_the_reader_s_language_and_passes_axe()
    {
        await using var app = new LumoFlowApp(services);
        var baseUrl = app.ServeOverKestrel();
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        var missing = await page.GotoAsync($"{baseUrl}/no/such/page?lang=sv");
        Assert.Equal(404, missing!.Status);
        Assert.Equal("Sidan finns inte", await page.InnerTextAsync("h1"));
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        await browser.ScreenshotAsync("error-not-found");
        await browser.AssertAccessibleAsync("the 404 page");

        var link = await page.GotoAsync($"{baseUrl}/partner-input/not-a-token?lang=en");
        Assert.Equal(404, link!.Status);
        Assert.Equal("Invalid link", await page.InnerTextAsync("h1"));
        await browser.AssertAccessibleAsync("an invalid partner link");

        // A form whose token is gone (as after a long pause): nothing stored, the way back to the form.
        await page.GotoAsync(baseUrl);
        await page.EvalOnSelectorAsync("input[name=__RequestVerificationToken]", "e => e.remove()");
        await page.ClickAsync("main button[type=submit]");
        Assert.Equal("Lomake on vanhentunut", await page.InnerTextAsync("h1"));
        await browser.ScreenshotAsync("error-form-expired");
        await browser.AssertAccessibleAsync("the expired form");

        // Signed in as an administrator: a case that does not exist, and the dashboard in Swedish.
        await page.GotoAsync($"{baseUrl}/signin?lang=sv&returnUrl={Uri.EscapeDataString("/staff/cases/LF0000000000X?lang=sv")}");
        await BrowserSession.SignInAsync(page, "Anna Admin", "anna.admin@kunta.example", "Admin", team: null);
        Assert.Equal("Ärendet finns inte", await page.InnerTextAsync("h1"));
        await browser.AssertAccessibleAsync("a case that does not exist");

        await page.GotoAsync($"{baseUrl}/admin?lang=sv");
        Assert.Equal("Ärenden", await page.InnerTextAsync("h1"));
        Assert.Contains("Arbetsläget", await page.InnerTextAsync("main"));
        await browser.ScreenshotAsync("admin-case-list-sv");
        await browser.AssertAccessibleAsync("the dashboard in Swedish");
    }
}
