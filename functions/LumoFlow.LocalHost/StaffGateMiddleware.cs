using System.Security.Cryptography;
using System.Text;
using LumoFlow.App.Auth;
using LumoFlow.App.Http;

namespace LumoFlow.LocalHost;

/// <summary>
/// The local host's stand-in for the Functions host's key check: a machine client carries the function key in
/// <c>x-functions-key</c> (or <c>?code=</c>). Locally the key is <c>Values.DevFunctionKey</c> of local.settings;
/// <c>LumoFlow__FunctionKey</c> overrides it.
/// </summary>
public sealed class FunctionKeys(IConfiguration configuration)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(ConfiguredKey(configuration));

    private static string ConfiguredKey(IConfiguration configuration)
    {
        var key = configuration["LumoFlow:FunctionKey"] ?? configuration["DevFunctionKey"];
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException("No function key configured (LumoFlow:FunctionKey or DevFunctionKey).");
        return key;
    }

    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);
}

/// <summary>
/// Every request to a LumoFlow route passes <see cref="StaffGate"/> first, with what the route asks
/// (<see cref="LumoFlowRoutes.Endpoints"/>) — the local host's counterpart of the Functions app's worker middleware.
/// </summary>
public static class StaffGateMiddleware
{
    public static WebApplication UseStaffGate(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is not RouteEndpoint endpoint) { await next(http); return; }
            var access = LumoFlowRoutes.AccessOf(http.Request.Method, endpoint.RoutePattern.RawText!)
                ?? throw new InvalidOperationException($"{http.Request.Method} {endpoint.RoutePattern.RawText} is not in LumoFlowRoutes.Endpoints.");
            var presented = StaffIdentity.PresentedKey(http.Request);
            bool? key = presented is null ? null : http.RequestServices.GetRequiredService<FunctionKeys>().Accepts(presented);
            var refusal = await http.RequestServices.GetRequiredService<StaffGate>().CheckAsync(http, access, key);
            if (refusal is not null) await refusal.ExecuteAsync(http);
            else await next(http);
        });
        return app;
    }

    /// <summary>Refuses to start with a route whose access is not declared, so a new endpoint cannot be left open by mistake.</summary>
    public static void CheckEveryRouteDeclared(IEndpointRouteBuilder routes)
    {
        var undeclared = routes.DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .Where(e => LumoFlowRoutes.AccessOf(e.Method, e.Route) is null)
            .Select(e => $"{e.Method} /{e.Route}").ToList();
        if (undeclared.Count > 0)
            throw new InvalidOperationException($"Routes missing from LumoFlowRoutes.Endpoints: {string.Join(", ", undeclared)}.");
    }
}
