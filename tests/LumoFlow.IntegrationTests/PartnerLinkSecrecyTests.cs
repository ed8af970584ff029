using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 22, Partner links: the link's secret is in its path, and it never reaches a log or a trace. Every logger of
/// the real local host is turned up to Trace, with a provider of the test's own that writes down each message, its
/// values, its scopes and its exception; an activity listener writes down every trace's name and tags, and a stand-in
/// for OpenTelemetry's ASP.NET Core instrumentation puts the raw path on each request's trace as it starts. A partner then
/// opens the link, answers, opens it again, and a wrong secret is tried: the secret is nowhere, and the request path
/// was logged, as <c>/partner-input/[redacted]</c>.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class PartnerLinkSecrecyTests(DevServices services)
{
    [Fact]
    public async Task A_partner_request_leaves_no_secret_in_any_log_scope_exception_or_trace()
    {
        var logs = new CapturingLoggerProvider();
        var traces = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => traces.Enqueue(
                $"{activity.Source.Name} {activity.DisplayName} {string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))}"),
        };
        ActivitySource.AddActivityListener(listener);
        using var instrumentation = DiagnosticListener.AllListeners.Subscribe(new PathOnTrace());
        var everything = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Azure.Core"] = "Trace",
            ["Logging:LogLevel:DurableTask"] = "Trace",
            ["Logging:LogLevel:Microsoft.DurableTask"] = "Trace",
            ["Logging:LogLevel:Grpc"] = "Trace",
        };
        await using var app = new LumoFlowApp(services, settings: everything,
            configure: host => host.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var staff = app.StaffClient();
        var partnerEmail = Sample.UniqueEmail("secret-school");

        var id = await app.RegisterAsync(daysAgo: 0);
        await app.AssessUrgencyAsync(id);
        await Raise(staff, id, "DecisionMade", new { startAssessment = true, reason = "Selvitettävä." });
        await Raise(staff, id, "PartnerInputRequested", new
        {
            partner = new { kind = "school", organisation = "Koulu", email = partnerEmail },
            question = "Miten lapsi voi?",
        });
        var link = new Uri(LinkPattern().Match(Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail))).Text).Value);
        var token = link.AbsolutePath["/partner-input/".Length..];
        var secret = token.Split('.')[2];

        var partner = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(link.AbsolutePath.ToUpperInvariant().Replace(secret.ToUpperInvariant(), secret,
            StringComparison.Ordinal) + "?lang=en")).StatusCode); // routes match in any case: so does the redaction
        var answered = await partner.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = "Hyvin." }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "PartnerInputReceived"));
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(link.PathAndQuery)).StatusCode); // "already answered"
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(link.PathAndQuery[..^4] + "0000")).StatusCode);

        var logged = logs.Text();
        var traced = string.Join("\n", traces);
        Assert.DoesNotContain(secret, logged, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret[..^4], logged, StringComparison.OrdinalIgnoreCase); // nor the wrong one tried
        Assert.DoesNotContain(secret[..^4], traced, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("url.path=/partner-input/[redacted]", traced);
        // The paths were logged (hosting's "Request starting", and every entry's RequestPath scope), with the secret cut out.
        Assert.Contains("/partner-input/[redacted]", logs.OfCategory("Microsoft.AspNetCore.Hosting.Diagnostics"));
        Assert.Contains("RequestPath:/partner-input/[redacted]", logged);
        Assert.Contains("/PARTNER-INPUT/[redacted]", logged);
    }

    [Fact]
    public async Task Once_the_case_has_ended_its_partner_link_is_refused_on_the_page_and_for_an_answer()
    {
        await using var app = new LumoFlowApp(services);
        var staff = app.StaffClient();
        var partnerEmail = Sample.UniqueEmail("ended-school");
        var id = await app.RegisterAsync(daysAgo: 0);
        await app.AssessUrgencyAsync(id);
        await Raise(staff, id, "DecisionMade", new { startAssessment = true, reason = "Selvitettävä." });
        await Raise(staff, id, "PartnerInputRequested", new { partner = new { kind = "school", organisation = "Koulu", email = partnerEmail }, question = "?" });
        var link = new Uri(LinkPattern().Match(Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail))).Text).Value);
        var partner = app.CreateClient();
        Assert.Contains("<form method=\"post\">", await (await partner.GetAsync(link.PathAndQuery)).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsync($"/api/cases/{id}/terminate?reason=duplicate", null)).StatusCode);
        await app.WaitForStatusAsync(id, s => (string)s["runtimeStatus"]! == "Terminated");

        var page = await partner.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("Arviointi on päättynyt", text);
        Assert.DoesNotContain("<form method=\"post\">", text);
        var answer = await partner.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = "Myöhässä." }));
        Assert.Contains("Arviointi on päättynyt", await answer.Content.ReadAsStringAsync());
        Assert.False(Cases.HasEvent(await app.StatusAsync(id), "PartnerInputReceived"));
    }

    private static async Task Raise(HttpClient staff, string id, string name, object body)
    {
        var response = await staff.PostAsJsonAsync($"/api/cases/{id}/events/{name}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"https://lumoflow\.test/partner-input/\S+")]
    private static partial Regex LinkPattern();

    /// <summary>
    /// What OpenTelemetry's ASP.NET Core instrumentation does as a request starts: the raw path as the trace's
    /// <c>url.path</c> tag, before any of the app's code runs.
    /// </summary>
    private sealed class PathOnTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly List<IDisposable> _subscriptions = [];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.AspNetCore") _subscriptions.Add(listener.Subscribe(this, (_, _, _) => true));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value is { Key: "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start", Value: Microsoft.AspNetCore.Http.HttpContext http })
                Activity.Current?.SetTag("url.path", http.Request.Path.Value);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    /// <summary>Writes down everything a provider is given: category, message, values, every scope (and its values), exception.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<(string Category, string Text)> _entries = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public string Text() => string.Join("\n", _entries.Select(e => e.Text));

        public string OfCategory(string category) => string.Join("\n", _entries.Where(e => e.Category == category).Select(e => e.Text));

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder($"{category} [{logLevel}] {formatter(state, exception)}");
                Values(text, state);
                provider._scopes.ForEachScope((scope, b) => { b.Append(" | scope ").Append(scope); Values(b, scope); }, text);
                if (exception is not null) text.Append(" | ").Append(exception);
                provider._entries.Enqueue((category, text.ToString()));
            }

            private static void Values(StringBuilder text, object? state)
            {
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                    foreach (var (key, value) in values) text.Append(' ').Append(key).Append('=').Append(value);
            }
        }
    }
}
