extern alias functions;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using AnswerAndFormMiddleware = functions::LumoFlow.Functions.AnswerAndFormMiddleware;
using StaffGateMiddleware = functions::LumoFlow.Functions.StaffGateMiddleware;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The Functions app's gate, <see cref="StaffGateMiddleware"/>, without the Functions host (which cannot run here): the
/// worker's function context as the host hands it over — the ASP.NET Core request, and the identities the host added
/// for a function key it accepted — with Moq. The local host's gate is tested end to end by
/// <see cref="AuthorizationTests"/>; this shows that the worker's asks the same gate the same questions.
/// </summary>
public sealed class FunctionsGateTests
{
    private const string Functions = "LumoFlow.Functions.Functions.HttpFunctions.";
    private const string AuthLevel = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    private static readonly IServiceProvider Services = BuildServices();

    private static IServiceProvider BuildServices()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:DevSignIn:Enabled"] = "true",
            ["Auth:DevSignIn:SigningKey"] = "functions-gate-test-signing-key-of-32-bytes",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAntiforgery();
        services.AddSingleton(StaffAuthOptions.Read(settings, Microsoft.Extensions.Hosting.Environments.Development));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StaffTokens(sp.GetRequiredService<StaffAuthOptions>(), sp.GetRequiredService<TimeProvider>()));
        // Never reached here (no test sends a session cookie): a client of a table that is not asked.
        services.AddSingleton(sp => new StaffSessions(new Azure.Data.Tables.TableClient("UseDevelopmentStorage=true", "StaffSessions"),
            SessionOptions.Default, TimeProvider.System));
        services.AddSingleton<StaffGate>();
        return services.BuildServiceProvider();
    }

    private sealed record Run(bool NextCalled, int Status, StaffIdentity? Caller);

    private static async Task<Run> InvokeAsync(string function, string method, string path, Action<HttpRequest>? prepare = null,
        string? hostAcceptedKeyAs = null, IFunctionsWorkerMiddleware? middleware = null)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        prepare?.Invoke(http.Request);

        var context = new Mock<FunctionContext>();
        var items = new ConcurrentDictionary<object, object> { ["HttpRequestContext"] = http };
        context.SetupGet(c => c.Items).Returns(items);
        context.SetupGet(c => c.InstanceServices).Returns(Services);
        context.SetupGet(c => c.FunctionDefinition.EntryPoint).Returns(Functions + function);

        // The host's view of the request: an identity with the authlevel claim when it accepted the key.
        var identities = new List<ClaimsIdentity> { new() };
        if (hostAcceptedKeyAs is not null)
            identities.Add(new ClaimsIdentity(
                [new Claim(AuthLevel, hostAcceptedKeyAs), new Claim(StaffGateMiddleware.KeyIdClaim, "case-system")], "WebJobsAuthLevel"));
        var requestData = new Mock<HttpRequestData>(context.Object);
        requestData.SetupGet(r => r.Identities).Returns(identities);
        var feature = new Mock<IHttpRequestDataFeature>();
        feature.Setup(f => f.GetHttpRequestDataAsync(It.IsAny<FunctionContext>())).Returns(new ValueTask<HttpRequestData?>(requestData.Object));
        var features = new Mock<IInvocationFeatures>();
        features.Setup(f => f.Get<IHttpRequestDataFeature>()).Returns(feature.Object);
        context.SetupGet(c => c.Features).Returns(features.Object);

        var nextCalled = false;
        await (middleware ?? new StaffGateMiddleware()).Invoke(context.Object, _ => { nextCalled = true; return Task.CompletedTask; });
        return new Run(nextCalled, http.Response.StatusCode, StaffGate.Caller(http));
    }

    private static string Token(StaffRole role, string? team) =>
        Services.GetRequiredService<StaffTokens>().IssueDevToken("Maija Virtanen", "maija@kunta.example", role, team).Token;

    [Fact]
    public async Task A_staff_function_without_a_credential_is_refused_with_401_and_does_not_run()
    {
        var run = await InvokeAsync("CaseStatus", "GET", "/api/cases/LF-X");

        Assert.False(run.NextCalled);
        Assert.Equal((int)HttpStatusCode.Unauthorized, run.Status);
    }

    [Fact]
    public async Task A_key_the_host_accepted_lets_a_machine_client_through_as_the_key_s_name_and_never_as_an_admin()
    {
        var status = await InvokeAsync("CaseStatus", "GET", "/api/cases/LF-X", r =>
        {
            r.Headers["x-functions-key"] = "accepted-by-the-host";
            r.Headers["x-lumoflow-user"] = "maija.virtanen@kunta.example";
        }, hostAcceptedKeyAs: "Function");
        Assert.True(status.NextCalled);
        Assert.Equal(("key:case-system", StaffRole.Integration, "function-key"), (status.Caller!.Name, status.Caller.Role, status.Caller.Credential));

        var admin = await InvokeAsync("AdminListCases", "GET", "/api/admin/cases",
            r => r.Headers["x-functions-key"] = "accepted-by-the-host", hostAcceptedKeyAs: "Admin");
        Assert.False(admin.NextCalled);
        Assert.Equal((int)HttpStatusCode.Forbidden, admin.Status);
    }

    [Fact]
    public async Task A_key_in_a_page_s_address_authenticates_nothing()
    {
        var run = await InvokeAsync("Dashboard", "GET", "/admin", r => r.QueryString = new QueryString("?code=accepted-by-the-host"),
            hostAcceptedKeyAs: "Function");

        Assert.False(run.NextCalled);
        Assert.Equal((int)HttpStatusCode.Unauthorized, run.Status);
    }

    [Fact]
    public async Task A_key_the_host_did_not_accept_is_refused_with_401_even_on_a_public_function()
    {
        var run = await InvokeAsync("SubmitNotification", "POST", "/api/notifications", r => r.Headers["x-functions-key"] = "wrong");

        Assert.False(run.NextCalled);
        Assert.Equal((int)HttpStatusCode.Unauthorized, run.Status);
    }

    [Fact]
    public async Task A_signed_in_social_worker_may_read_cases_but_not_the_admin_api()
    {
        var bearer = $"Bearer {Token(StaffRole.SocialWorker, "pohjois-savo")}";

        var cases = await InvokeAsync("StaffCases", "GET", "/staff", r => r.Headers.Authorization = bearer);
        var admin = await InvokeAsync("AdminListCases", "GET", "/api/admin/cases", r => r.Headers.Authorization = bearer);

        Assert.True(cases.NextCalled);
        Assert.Equal(("maija@kunta.example", "pohjois-savo"), (cases.Caller!.Name, cases.Caller.Team));
        Assert.False(admin.NextCalled);
        Assert.Equal((int)HttpStatusCode.Forbidden, admin.Status);
    }

    [Fact]
    public async Task A_public_function_runs_for_anyone_and_a_non_http_function_is_not_the_gate_s()
    {
        var form = await InvokeAsync("SubmitNotification", "POST", "/api/notifications");
        Assert.True(form.NextCalled);
        Assert.Null(form.Caller);

        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new ConcurrentDictionary<object, object>());
        var nextCalled = false;
        await new StaffGateMiddleware().Invoke(context.Object, _ => { nextCalled = true; return Task.CompletedTask; });
        Assert.True(nextCalled);
    }

    [Theory]
    [InlineData("DevToken", "/signin/dev-token", FormBodies.MaxSmallFormBytes)]
    [InlineData("StaffCaseEvent", "/staff/cases/LF-X/events/ChildMet", FormBodies.MaxTextFormBytes)]
    public async Task A_form_body_over_its_cap_is_refused_with_413_before_the_gate_or_the_function_reads_it(string function, string path, int cap)
    {
        static Action<HttpRequest> Form(int bytes) => request =>
        {
            request.ContentType = "application/x-www-form-urlencoded";
            request.Body = new MemoryStream(System.Text.Encoding.ASCII.GetBytes("note=" + new string('x', bytes - 5)));
            request.ContentLength = bytes;
        };

        var over = await InvokeAsync(function, "POST", path, Form(cap + 1), middleware: new AnswerAndFormMiddleware());
        var within = await InvokeAsync(function, "POST", path, Form(cap), middleware: new AnswerAndFormMiddleware());

        Assert.False(over.NextCalled);
        Assert.Equal((int)HttpStatusCode.RequestEntityTooLarge, over.Status);
        Assert.True(within.NextCalled);
    }
}
