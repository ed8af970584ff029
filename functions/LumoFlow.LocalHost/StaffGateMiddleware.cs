using System.Security.Cryptography;
using System.Text;
using LumoFlow.App.Auth;
using LumoFlow.App.Http;

namespace LumoFlow.LocalHost;

/// <summary>
/// The local host's stand-in for the Functions host's keys: a machine client carries a function key in
/// <c>x-functions-key</c> (or <c>?code=</c>), on the API only. Each key has a name, which the access log and the history
/// record as <c>key:&lt;name&gt;</c>: <c>LumoFlow:FunctionKeys:&lt;name&gt;</c> = the key, as many as wanted; and
/// <c>Values.DevFunctionKey</c> of local.settings (or <c>LumoFlow:FunctionKey</c>, which overrides it) is the key named
/// <c>default</c>, as the Functions host names its default key.
/// </summary>
public sealed class FunctionKeys
{
    public const string DefaultName = "default";
    private readonly List<(string Name, byte[] Key)> _keys = [];

    public FunctionKeys(IConfiguration configuration)
    {
        if ((configuration["LumoFlow:FunctionKey"] ?? configuration["DevFunctionKey"]) is { Length: > 0 } key)
            _keys.Add((DefaultName, Encoding.UTF8.GetBytes(key)));
        foreach (var named in configuration.GetSection("LumoFlow:FunctionKeys").GetChildren())
            if (named.Value is { Length: > 0 } value) _keys.Add((named.Key, Encoding.UTF8.GetBytes(value)));
        if (_keys.Count == 0)
            throw new InvalidOperationException("No function key configured (LumoFlow:FunctionKey, DevFunctionKey or LumoFlow:FunctionKeys:<name>).");
    }

    /// <summary>The name of the key presented; null when it is none of them.</summary>
    public string? NameOf(string? presented)
    {
        if (presented is null) return null;
        var bytes = Encoding.UTF8.GetBytes(presented);
        string? name = null;
        foreach (var (keyName, key) in _keys)
            if (CryptographicOperations.FixedTimeEquals(bytes, key)) name ??= keyName;
        return name;
    }
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
            var key = presented is null ? null
                : http.RequestServices.GetRequiredService<FunctionKeys>().NameOf(presented) is { } name ? new StaffGate.PresentedKey(true, name)
                : new StaffGate.PresentedKey(false, null);
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
