using System.Text.Json;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace LumoFlow.IntegrationTests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is never used), with two helpers every
/// page test needs: a screenshot of each page kept in the test output (<c>.run/screenshots/</c>), and an axe-core
/// check (from npm, injected from node_modules: nothing is fetched) that fails on any serious or critical violation.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static string ScreenshotFolder { get; } = Path.Combine(DevServices.RepositoryRoot, ".run", "screenshots");
    private static readonly string AxeScript = Path.Combine(DevServices.RepositoryRoot, "node_modules", "axe-core", "axe.min.js");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    public IBrowserContext Context { get; }
    public IPage Page { get; }

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page) =>
        (_playwright, _browser, Context, Page) = (playwright, browser, context, page);

    public static async Task<BrowserSession> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // The pages forbid every script by their Content-Security-Policy; the test's own axe-core is let through.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        return new BrowserSession(playwright, browser, context, await context.NewPageAsync());
    }

    /// <summary>Saves a full-page screenshot as <c>.run/screenshots/{name}.png</c>.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; fails listing each serious or critical violation.</summary>
    public async Task AssertAccessibleAsync(string what)
    {
        await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var json = await Page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })));
            }
            """);
        var violations = JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var serious = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core found on {what}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes)}")));
    }

    /// <summary>Fills the development sign-in's form on the page (which must be showing it) and sends it.</summary>
    public static async Task SignInAsync(IPage page, string name, string account, string role, string? team)
    {
        await page.FillAsync("#name", name);
        await page.FillAsync("#account", account);
        await page.CheckAsync($"#role-{role}");
        if (team is not null) await page.SelectOptionAsync("#team", team);
        await page.ClickAsync("main button[type=submit]");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private sealed record AxeViolation(string Id, string? Impact, string Help, List<string> Nodes);
}
