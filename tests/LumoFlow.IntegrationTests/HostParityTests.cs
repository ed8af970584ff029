extern alias functions;
using System.Reflection;
using functions::LumoFlow.Functions.Functions;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// The Azure Functions app and the local host must serve the same routes with the same methods, so that what is tested
/// locally is what runs in Azure, and neither can grow a route the other lacks.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class HostParityTests(DevServices services)
{
    /// <summary>Every (method, route) of an <c>[HttpTrigger]</c> in the Functions app (host.json: route prefix empty).</summary>
    internal static IReadOnlySet<string> FunctionsRoutes() =>
        typeof(HttpFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(t => t.Methods!.Select(method => $"{method.ToUpperInvariant()} /{t.Route!.Trim('/')}"))
            .ToHashSet();

    [Fact]
    public async Task The_Functions_app_and_the_local_host_expose_the_same_routes_and_methods()
    {
        await using var app = new LumoFlowApp(services);
        _ = app.Server;
        var local = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .ToHashSet();

        var azure = FunctionsRoutes();

        Assert.NotEmpty(azure);
        Assert.Equal(azure.Order(), local.Order());
    }

    /// <summary>
    /// The Functions host lets every request through to the worker (so a signed-in person's token can reach it), and the
    /// worker's gate finds what each function's route asks in the route table — for every function, or it would refuse.
    /// </summary>
    [Fact]
    public void Every_function_is_anonymous_to_the_host_and_its_access_is_in_the_route_table()
    {
        var functions = typeof(HttpFunctions).GetMethods()
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault()))
            .Where(f => f.Trigger is not null)
            .ToList();

        Assert.NotEmpty(functions);
        foreach (var (method, trigger) in functions)
        {
            Assert.Equal(AuthorizationLevel.Anonymous, trigger!.AuthLevel);
            Assert.Equal(trigger.Route, functions::LumoFlow.Functions.StaffGateMiddleware.Trigger($"{typeof(HttpFunctions).FullName}.{method.Name}")!.Route);
            foreach (var verb in trigger.Methods!)
                Assert.True(LumoFlow.App.Http.LumoFlowRoutes.AccessOf(verb, trigger.Route!) is not null, $"{verb} /{trigger.Route} is not in LumoFlowRoutes.Endpoints");
        }
    }
}
