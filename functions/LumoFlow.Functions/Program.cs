using LumoFlow.App.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure host: the same LumoFlow.App the local host runs, under the Functions host with Durable Functions.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<LumoFlow.Functions.AnswerAndFormMiddleware>(); // first: the answer's headers, a form's cap
builder.UseMiddleware<LumoFlow.Functions.StaffGateMiddleware>();
builder.Configuration.AddLumoFlowRouting();
builder.Services.AddLumoFlow();
// Telemetry: with APPLICATIONINSIGHTS_CONNECTION_STRING, to Azure Monitor with the app's identity; the worker's defaults
// join each invocation's span to the host's trace.
builder.Services.AddLumoFlowTelemetry(builder.Configuration)?.UseFunctionsWorkerDefaults();
builder.Services.AddHostedService<LumoFlow.Functions.TablesOnStart>();
builder.Build().Run();
