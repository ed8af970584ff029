using LumoFlow.Engine.Storage;
using LumoFlow.Functions.Api;
using LumoFlow.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
LocalSettings.AddTo(builder.Configuration, builder.Environment.ContentRootPath, args);

// Under the Azure Functions host (custom handler) the host says which port to listen on;
// standalone we use the Functions convention, http://localhost:7071.
if (Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } handlerPort)
    builder.WebHost.UseUrls($"http://127.0.0.1:{handlerPort}");
else if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:7071");

builder.Services.AddProblemDetails();
builder.Services.AddLumoFlow();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

await app.Services.GetRequiredService<TableSet>().EnsureCreatedAsync(app.Lifetime.ApplicationStopping);

app.MapGet("/api/health", () => Results.Ok(new { status = "ok" })).WithName("Health");
app.MapIntakeApi();
app.MapDeadlinesApi();
app.MapCasesApi();
app.MapSweepTrigger();
app.MapPartnerInputPages();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
