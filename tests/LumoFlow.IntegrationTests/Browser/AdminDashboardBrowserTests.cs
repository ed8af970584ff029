using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LumoFlow.Domain.Calendar;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests.Browser;

/// <summary>
/// An administrator at the dashboard in a real browser, against the app on real Kestrel, Azurite and Durable: finds the
/// overdue cases, opens one, terminates it with a reason; downloads THL's report. Each page is screenshot and checked
/// with axe-core.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class AdminDashboardBrowserTests(DevServices services)
{
    [Fact]
    public async Task An_administrator_filters_to_overdue_cases_opens_one_terminates_it_with_a_reason_and_downloads_the_report()
    {
        await using var app = new LumoFlowApp(services);
        var baseUrl = app.ServeOverKestrel();
        var staff = app.StaffClient("admin.browser");

        var overdue = await app.RegisterAsync(daysAgo: 30, user: "admin.browser");
        var fresh = await app.RegisterAsync(daysAgo: 0, user: "admin.browser");
        await WaitForIndexAsync(staff, overdue, fresh);

        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        // An administrator signs in; a key in the dashboard's address is no credential (it goes to the sign-in).
        var withKey = await page.GotoAsync($"{baseUrl}/admin?code={LumoFlowApp.FunctionKey}&lang=en");
        Assert.Equal(401, withKey!.Status);
        await page.GotoAsync($"{baseUrl}/signin?lang=en&returnUrl={Uri.EscapeDataString("/admin?lang=en")}");
        await BrowserSession.SignInAsync(page, "Anna Admin", "admin.browser@kunta.example", "Admin", team: null);
        await page.WaitForURLAsync(url => url.Contains("/admin"));
        // The dashboard speaks Finnish unless asked otherwise; this administrator reads it in English.
        var credentials = "lang=en";

        await page.GotoAsync($"{baseUrl}/admin?{credentials}");
        Assert.Equal("Cases", await page.InnerTextAsync("h1"));
        Assert.Contains(overdue, await page.InnerTextAsync("#cases"));
        Assert.Contains(fresh, await page.InnerTextAsync("#cases"));
        Assert.True(await page.IsVisibleAsync("#chart-phase svg"));
        await browser.ScreenshotAsync("admin-case-list");
        await browser.AssertAccessibleAsync("the case list");

        // The workload table's overdue count leads to those cases.
        await page.ClickAsync("#workload-table tr.total a[href*='overdue=decision']");
        Assert.Contains(overdue, await page.InnerTextAsync("#cases"));
        Assert.DoesNotContain(fresh, await page.InnerTextAsync("#cases"));
        await page.GotoAsync($"{baseUrl}/admin?{credentials}");

        // Filter with the form, with the keyboard: overdue cases only.
        await page.FocusAsync("#overdue");
        await page.SelectOptionAsync("#overdue", "any");
        await page.FocusAsync("form.filters button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("overdue=any"));
        var listed = await page.InnerTextAsync("#cases");
        Assert.Contains(overdue, listed);
        Assert.DoesNotContain(fresh, listed);
        Assert.Contains("overdue=any", page.Url);

        await page.ClickAsync($"#cases a:text('{overdue}')");
        Assert.Equal($"Case {overdue}", await page.InnerTextAsync("h1"));
        Assert.Contains("decision", await page.InnerTextAsync("dl.facts"));
        Assert.Contains("ExecutionStarted", await page.InnerTextAsync("main"));
        await browser.ScreenshotAsync("admin-case-page");
        await browser.AssertAccessibleAsync("the case page");

        // Terminate: behind a confirmation that asks why. Without a reason, the page says what is missing.
        await page.ClickAsync("a.button:text('Terminate the case…')");
        await browser.ScreenshotAsync("admin-confirm-terminate");
        await browser.AssertAccessibleAsync("the confirmation");
        await page.EvalOnSelectorAsync("#reason", "e => e.removeAttribute('required')");
        await page.ClickAsync("button.danger");
        Assert.Contains("give the reason", await page.InnerTextAsync(".error-summary"));
        Assert.Equal("reason", await page.GetAttributeAsync(".error-summary a", "href") is { } href ? href.TrimStart('#') : null);
        await page.FillAsync("#reason", "Ilmoitus kirjattu kahteen kertaan <script>alert(1)</script>");
        await page.ClickAsync("button.danger");
        Assert.Contains("The case was terminated.", await page.InnerTextAsync(".notice"));
        Assert.Equal("Terminated", await page.InnerTextAsync("#runtime-status"));
        // The reason is in the access log, escaped, and what was typed as script stayed text.
        Assert.Contains("Ilmoitus kirjattu kahteen kertaan <script>alert(1)</script>", await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.Locator("main script").CountAsync());

        var status = await app.StatusAsync(overdue);
        Assert.Equal("Terminated", (string)status["runtimeStatus"]!);
        Assert.Contains(status["history"]!.AsArray(), h => (string)h!["eventType"]! == "Terminated" && (string)h["actor"]! == "admin.browser@kunta.example");

        // The report: the last 60 days, then the CSV.
        await page.ClickAsync("nav a:text('Deadline compliance')");
        var today = HelsinkiTime.LocalDate(DateTimeOffset.UtcNow);
        await page.FillAsync("#from", $"{today.AddDays(-60):yyyy-MM-dd}");
        await page.FillAsync("#to", $"{today:yyyy-MM-dd}");
        await page.ClickAsync("button:text('Show dates')");
        var table = await page.InnerTextAsync("#compliance");
        Assert.Contains("Whole organisation", table);
        await browser.ScreenshotAsync("admin-compliance-report");
        await browser.AssertAccessibleAsync("the compliance report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var file = await download.PathAsync();
        var csv = (await File.ReadAllTextAsync(file)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,unit,received,decidedInTime", csv[0]);
        Assert.StartsWith($"{today.AddDays(-60):yyyy-MM-dd}..{today:yyyy-MM-dd},all,2,0,", csv[1]);
        Assert.EndsWith(".csv", download.SuggestedFilename);
    }

    private static Task WaitForIndexAsync(HttpClient staff, params string[] ids) =>
        Poll.UntilAsync(async () =>
        {
            var listed = (await staff.GetFromJsonAsync<JsonArray>("/api/admin/cases?top=500"))!.Select(i => (string)i!["id"]!).ToList();
            return ids.All(listed.Contains);
        }, "the cases reach the list");
}
