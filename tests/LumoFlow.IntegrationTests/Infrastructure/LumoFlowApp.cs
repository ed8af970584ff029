using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// The real local host (Program of functions/LumoFlow.LocalHost) in-process, against the fixture's Azurite and
/// maildev: its HTTP routes, and its case orchestrations on Durable's Azure Storage backend. Each app gets its own task
/// hub and tables unless one is given; two apps with the same hub share everything, as two instances of a scaled-out
/// app do. <paramref name="configure"/> adds to the host (a test's own log provider, say).
/// </summary>
public sealed class LumoFlowApp : WebApplicationFactory<Program>
{
    private readonly DevServices services;
    private readonly IReadOnlyDictionary<string, string?>? settings;
    private readonly Action<IWebHostBuilder>? configure;

    public LumoFlowApp(DevServices services, string? hub = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IWebHostBuilder>? configure = null)
    {
        this.services = services;
        this.settings = settings;
        this.configure = configure;
        Hub = hub ?? TestSettings.NewHub();
        _ownsHub = hub is null;
        ClientOptions.BaseAddress = BaseAddress;
    }

    private readonly bool _ownsHub;

    /// <summary>Stops the app; then, when the hub is its own, empties its queues (<see cref="ClearQueuesAsync"/>).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsHub) await ClearQueuesAsync();
    }

    /// <summary>
    /// Empties the queues of this app's hub once the app has stopped. Stock Azurite scans every message of every queue on
    /// each dequeue (docs/performance.md), and a case waiting on a timer is such a message: left behind, each test's
    /// cases made every later test slower — the fuzz's doors ran 3 to 5 times slower at the end of the suite than alone,
    /// one of them past test.sh's 10 minutes per test on CI. The queues are emptied, not deleted, and the tables are
    /// kept: the Durable backend finishes stopping in the background after the host has stopped, and storage deleted
    /// under it kept its partition manager from stopping at all. A hub shared with another app (given the same one)
    /// is emptied when the app that made it is disposed.
    /// </summary>
    private async Task ClearQueuesAsync()
    {
        try
        {
            var queues = new Azure.Storage.Queues.QueueServiceClient(services.StorageConnectionString);
            await foreach (var queue in queues.GetQueuesAsync(prefix: Hub.ToLowerInvariant())) // Durable names its queues in lower case
                await queues.GetQueueClient(queue.Name).ClearMessagesAsync();
        }
        catch (Azure.RequestFailedException e)
        {
            // Only housekeeping: the test's verdict does not depend on it.
            Console.Error.WriteLine($"The queues of hub {Hub} were not emptied in full: {e.Status} {e.ErrorCode}");
        }
    }

    public const string FunctionKey = TestSettings.FunctionKey;

    /// <summary>
    /// The tests' clients speak to the in-process host as https://localhost, so that the session's and the anti-forgery
    /// token's <c>Secure</c> cookies come back as a browser would send them (.NET's cookie container sends a Secure cookie
    /// over https only).
    /// </summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    public string Hub { get; }

    /// <summary>The host's environment: Development, as ./run.sh runs it (the development sign-in runs only there).</summary>
    public string HostEnvironment { get; init; } = Microsoft.Extensions.Hosting.Environments.Development;

    public TableClient Table(string name) => new TableServiceClient(services.StorageConnectionString).GetTableClient(Hub + name);

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Submits a notification as a notifier would; the answer must be 202. Returns the new case's id.</summary>
    public async Task<string> SubmitAsync(JsonObject notification)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>
    /// Staff register a notification received <paramref name="daysAgo"/> days ago (by phone, say) with its real time of
    /// receipt; the answer must be 202. Returns the new case's id.
    /// <para>Calendar days, so what is due depends on the day; these hold on every day of the year: 0–2 days ago
    /// nothing is due yet (the decision is due on the 7th working day after receipt); 30 days ago the decision is
    /// overdue (at least 15 working days back, even across Christmas and New Year) and the assessment (3 months) is
    /// not; 120 days ago both have passed. A test that needs a deadline only just passed counts working days instead
    /// (IntakeTests).</para>
    /// <para>The urgency escalations (LSL § 26(2): the team lead 2 and on-call 4 office hours after receipt, while no
    /// UrgencyAssessed is recorded) are not due 0 days ago, are due at once 30 and 120 days ago, and 1–2 days ago depend
    /// on the hour and the day: a test that counts emails must not count on them either way.</para>
    /// </summary>
    public async Task<string> RegisterAsync(int daysAgo, string municipality = "Kuopio", string user = "test.worker")
    {
        var notification = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("registered"), municipality);
        notification["receivedAt"] = DateTimeOffset.UtcNow.AddDays(-daysAgo).AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var response = await StaffClient(user).PostAsJsonAsync("/api/notifications", notification);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>
    /// Staff register <paramref name="notification"/> with its real time of receipt <paramref name="receivedAt"/>; the
    /// answer must be 202. Returns the answer (<c>id</c>, and <c>cases</c>: one per child).
    /// </summary>
    public async Task<JsonObject> RegisterAsync(JsonObject notification, DateTimeOffset receivedAt, string user = "test.worker")
    {
        notification["receivedAt"] = receivedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var response = await StaffClient(user).PostAsJsonAsync("/api/notifications", notification);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// Staff record the case's urgency assessment (LSL § 26(2)); the answer must be 202. Every case has it open from
    /// receipt, and <c>DecisionMade</c> is refused (409, <c>UrgencyFirst</c>) until it is recorded.
    /// </summary>
    public Task AssessUrgencyAsync(string id, string user = "test.worker") => Cases.AssessUrgencyAsync(StaffClient(user), id);

    /// <summary>
    /// Staff record that the child and every guardian were told, together (<c>ChildAndGuardiansInformed</c>); the answer
    /// must be 202. Both ways of ending a case ask for it (obligation <c>informChildAndGuardians</c>).
    /// </summary>
    public Task InformFamilyAsync(string id, string user = "test.worker") => Cases.InformFamilyAsync(StaffClient(user), id);

    /// <summary>
    /// A signed-in administrator's client, as <paramref name="user"/> (their account, which the access log and the history
    /// record): a development token sent as a bearer token. A person, so it may do what staff may, for every team.
    /// </summary>
    public HttpClient StaffClient(string user = "test.worker")
    {
        var client = CreateClient();
        var (token, _) = Services.GetRequiredService<LumoFlow.App.Auth.StaffTokens>()
            .IssueDevToken(user, user, LumoFlow.App.Auth.StaffRole.Admin, null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A machine client with the function key (named <c>default</c>): recorded as <c>key:default</c>.</summary>
    public HttpClient KeyClient(WebApplicationFactoryClientOptions? options = null)
    {
        var client = options is null ? CreateClient() : CreateClient(options);
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        return client;
    }

    /// <summary>
    /// Signs <paramref name="browser"/> in as a person does: the development sign-in's form, with its anti-forgery token,
    /// posted; the session's cookie lands in the client's cookie container (a client of this app's https address).
    /// Returns both answers: the form's (its anti-forgery cookie) and the sign-in's (its session cookie).
    /// </summary>
    public static async Task<(HttpResponseMessage Form, HttpResponseMessage SignedIn)> SignInAsync(HttpClient browser, string role, string? team,
        string account = "maija.virtanen@kunta.example")
    {
        var page = await browser.GetAsync("/signin?lang=en");
        var form = ServedForm.Parse(await page.Content.ReadAsStringAsync());
        var fields = new Dictionary<string, string> { [form.TokenName] = form.Token, ["name"] = "Maija Virtanen", ["account"] = account, ["role"] = role };
        if (team is not null) fields["team"] = team;
        var signedIn = await browser.PostAsync("/signin", new FormUrlEncodedContent(fields));
        Assert.True(signedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"sign-in: {(int)signedIn.StatusCode}");
        return (page, signedIn);
    }

    /// <summary>
    /// A browser's session, started as the sign-in starts one, for <paramref name="account"/>: the <c>Cookie</c> header's
    /// value to send it with, and its id.
    /// </summary>
    public async Task<(string Cookie, string Id)> SessionAsync(string? role, string? team, string account = "maija.virtanen@kunta.example")
    {
        var person = new LumoFlow.App.Auth.StaffSessions.Person(account, "Maija Virtanen",
            role is null ? null : Enum.Parse<LumoFlow.App.Auth.StaffRole>(role), team, "dev-sign-in");
        var id = await Services.GetRequiredService<LumoFlow.App.Auth.StaffSessions>().StartAsync(person, CancellationToken.None);
        return ($"{LumoFlow.App.Auth.StaffSessions.CookieName}={id}", id);
    }

    /// <summary>Serves the app on real Kestrel (a free port), for a browser; returns its base address, no trailing slash.</summary>
    public string ServeOverKestrel()
    {
        ClientOptions.BaseAddress = new Uri("http://localhost"); // the clients speak to Kestrel's own address
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A signed-in staff member's client: a token from the development sign-in, sent as a bearer token.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role, string? team, string account = "maija.virtanen@kunta.example")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(role, team, account));
        return client;
    }

    public async Task<string> TokenAsync(string role, string? team, string account = "maija.virtanen@kunta.example")
    {
        var fields = new Dictionary<string, string> { ["name"] = "Maija Virtanen", ["account"] = account, ["role"] = role };
        if (team is not null) fields["team"] = team;
        var response = await CreateClient().PostAsync("/signin/dev-token", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    public Task<JsonObject> StatusAsync(string id, bool history = true) => Cases.StatusAsync(StaffClient(), id, history);

    /// <summary>
    /// Raises <paramref name="count"/> <c>NotifierContacted</c> events on case <paramref name="id"/> as a staff user,
    /// <paramref name="concurrency"/> at a time, checks that every one was accepted, and that the case applies every one,
    /// once, within <paramref name="seconds"/> s.
    /// </summary>
    public async Task AssertBurstAppliedInFullAsync(string id, int count, int concurrency, int seconds)
    {
        var staff = StaffClient();
        using var gate = new SemaphoreSlim(concurrency);
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return (await staff.PostAsJsonAsync($"/api/cases/{id}/events/NotifierContacted", new { how = "phone", note = $"n{i}" })).StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a));
        var applied = await Poll.UntilAsync(async () => Cases.Events(await StatusAsync(id)).Count(e => e == "NotifierContacted"),
            n => n >= answers.Length, n => $"{n} of {answers.Length} accepted events applied", seconds, intervalMs: 1000);
        Assert.Equal(answers.Length, applied); // all, and none twice
    }

    /// <summary>The case's status once <paramref name="done"/> holds (the orchestration applies events a moment after 202).</summary>
    public Task<JsonObject> WaitForStatusAsync(string id, Func<JsonObject, bool> done, int seconds = 30) =>
        Cases.WaitForStatusAsync(StaffClient(), id, done, seconds);

    /// <summary>
    /// Starts the host with no synchronization context, as a real process starts it. A hosted service begins its work on
    /// the thread that starts the host; under xunit that thread carries xunit's context (one thread per core), and every
    /// continuation of the Durable worker, the sidecar and the timer loops that did not opt out would queue there behind
    /// the tests' own — on a 2-core machine, two threads for all of it, and one blocking wait away from a hang.
    /// </summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return base.CreateHost(builder);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = TestSettings.For(services, Hub, workerId: $"{Hub}-{Guid.NewGuid():N}"[..30]);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(values));
        builder.UseEnvironment(HostEnvironment);
        configure?.Invoke(builder);
    }
}

/// <summary>Reading a case over HTTP, as staff do.</summary>
public static class Cases
{
    public static async Task<JsonObject> StatusAsync(HttpClient staff, string id, bool history = true)
    {
        var response = await staff.GetAsync($"/api/cases/{id}{(history ? "?showHistory=true" : "")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<JsonObject> WaitForStatusAsync(HttpClient staff, string id, Func<JsonObject, bool> done, int seconds = 30) =>
        Poll.UntilAsync(() => StatusAsync(staff, id), done, status => $"Case {id} did not get there: {status.ToJsonString()}", seconds, intervalMs: 100);

    /// <summary>Records <c>UrgencyAssessed</c> (LSL § 26(2)), which must come before <c>DecisionMade</c>; the answer must be 202.</summary>
    public static async Task AssessUrgencyAsync(HttpClient staff, string id, bool urgent = false)
    {
        var response = await staff.PostAsJsonAsync($"/api/cases/{id}/events/UrgencyAssessed", new { urgent });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"UrgencyAssessed on {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Records <c>ChildAndGuardiansInformed</c>: the child and every guardian of the notification told, together (THL);
    /// with <paramref name="forEveryChild"/>, for the sibling cases of the same notification too. The answer must be 202.
    /// </summary>
    public static Task InformFamilyAsync(HttpClient staff, string id, bool forEveryChild = false) =>
        AcceptAsync(staff, id, "ChildAndGuardiansInformed", new { how = "puhelimitse", forEveryChild });

    /// <summary>Raises a staff event; the answer must be 202 (the message says what it was otherwise).</summary>
    public static async Task AcceptAsync(HttpClient staff, string id, string eventName, object body)
    {
        var response = await staff.PostAsJsonAsync($"/api/cases/{id}/events/{eventName}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{eventName} on {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The case's open obligations (<c>customStatus.openObligations</c>).</summary>
    public static IReadOnlyList<string> Obligations(JsonObject status) =>
        status["customStatus"]!["openObligations"]!.AsArray().Select(o => (string)o!).ToList();

    public static IReadOnlyList<string> Events(JsonObject status) =>
        status["history"]!.AsArray().Select(h => (string)h!["eventType"]!).ToList();

    public static bool HasEvent(JsonObject status, string eventType) => Events(status).Contains(eventType);
}
