using LumoFlow.App.Hosting;
using LumoFlow.App.Http;
using LumoFlow.App.Records;
using LumoFlow.App.Web;
using LumoFlow.LocalHost;

// The local host: LumoFlow's HTTP routes and its case orchestrations in one ASP.NET Core process, on Azurite.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLumoFlowRouting();
LocalSettings.AddTo(builder.Configuration, builder.Environment.ContentRootPath, args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:7071"); // the Functions host's local convention

builder.Services.AddProblemDetails();
builder.Services.AddLumoFlow();
// Telemetry: off unless LumoFlow:Telemetry:Exporter says console or otlp (or APPLICATIONINSIGHTS_CONNECTION_STRING is set).
builder.Services.AddLumoFlowTelemetry(builder.Configuration);
builder.Services.AddSingleton<FunctionKeys>();
builder.Services.AddLocalDurableTask();
builder.Services.AddHostedService<WeeklyDigestLoop>();
builder.Services.AddHostedService<DailyJobsLoop>();
builder.Services.AddHostedService<OnCallSummaryLoop>();

var app = builder.Build();
// First, so that every answer has them, an error's too: nosniff, and no-store unless the answer is public (the stylesheet).
// A partner's link is a secret in the path: cut out of the request's trace before anything else runs.
app.Use((http, next) =>
{
    SecretPaths.ScrubActivity(System.Diagnostics.Activity.Current);
    AnswerHeaders.Protect(http);
    return next(http);
});
app.UseExceptionHandler();
// A page a person asked for answers as a page: an address that is none (404), or a failure (500). The API keeps its
// problem documents (UseExceptionHandler, UseStatusCodePages).
app.Use((http, next) => ErrorPages.GuardAsync(http, () => next(http)));
app.UseStatusCodePages(async status =>
{
    var http = status.HttpContext;
    if (http.Response.StatusCode == 404 && ErrorPages.IsPage(http.Request) && http.GetEndpoint() is null)
        await ErrorPages.NotFound(http.Request).ExecuteAsync(http);
    else if (!ErrorPages.IsPage(http.Request))
        await Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
});
await app.Services.GetRequiredService<LumoFlowTables>().EnsureCreatedAsync(app.Lifetime.ApplicationStopping);
// A form's body is capped before anything parses it, the gate's anti-forgery check included.
app.Use(async (http, next) =>
{
    var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
    if (await FormBodies.CapAsync(http, route) is { } tooLarge) await tooLarge.ExecuteAsync(http);
    else await next(http);
});
app.UseStaffGate();
app.MapLumoFlow();
app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
