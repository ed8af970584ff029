using LumoFlow.App.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure host: the same LumoFlow.App the local host runs, under the Functions host with Durable Functions.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<LumoFlow.Functions.AnswerAndFormMiddleware>(); // first: the answer's headers, a form's cap
builder.UseMiddleware<LumoFlow.Functions.StaffGateMiddleware>();
builder.Configuration.AddLumoFlowRouting();
builder.Services.AddLumoFlow();
builder.Services.AddHostedService<LumoFlow.Functions.TablesOnStart>();
builder.Build().Run();
