using LumoFlow.App.Hosting;
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
builder.Services.AddSingleton<FunctionKeys>();
builder.Services.AddLocalDurableTask();
builder.Services.AddHostedService<WeeklyDigestLoop>();
builder.Services.AddHostedService<DeadlineCheckLoop>();
builder.Services.AddHostedService<OnCallSummaryLoop>();

var app = builder.Build();
// A partner's link is a secret in the path: cut out of the request's trace before anything else runs.
app.Use((http, next) =>
{
    SecretPaths.ScrubActivity(System.Diagnostics.Activity.Current);
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
app.UseStaffGate();
app.MapLumoFlow();
app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
