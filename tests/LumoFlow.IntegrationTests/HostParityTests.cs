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

    [Fact]
    public void Staff_routes_need_the_Functions_host_s_key_and_public_ones_do_not()
    {
        var levels = typeof(HttpFunctions).GetMethods()
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .ToDictionary(t => $"{t.Methods![0].ToUpperInvariant()} /{t.Route}", t => t.AuthLevel);

        Assert.Equal(AuthorizationLevel.Function, levels["GET /api/cases/{id}"]);
        Assert.Equal(AuthorizationLevel.Function, levels["POST /api/cases/{id}/events/{eventName}"]);
        Assert.Equal(AuthorizationLevel.Function, levels["POST /api/cases/{id}/terminate"]);
        Assert.Equal(AuthorizationLevel.Anonymous, levels["POST /api/notifications"]);
        Assert.Equal(AuthorizationLevel.Anonymous, levels["GET /partner-input/{token}"]);
        Assert.Equal(AuthorizationLevel.Anonymous, levels["GET /api/deadlines"]);
    }
}
