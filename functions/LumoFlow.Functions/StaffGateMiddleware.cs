using System.Collections.Concurrent;
using System.Reflection;
using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using LumoFlow.App.Web;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.Functions;

/// <summary>
/// Every HTTP-triggered function passes <see cref="StaffGate"/> first, with what its route asks
/// (<see cref="LumoFlowRoutes.Endpoints"/>) — the same gate as the local host's. The functions are
/// <see cref="AuthorizationLevel.Anonymous"/> to the Functions host, so that a signed-in person's bearer token reaches
/// the worker. The host still validates a function key (<c>x-functions-key</c> or <c>?code=</c>): one it accepted
/// shows as its <c>authlevel</c> claim, with the key's name in the <c>keyid</c> claim (the machine client is recorded
/// as <c>key:&lt;name&gt;</c>); one presented without that claim is wrong (401, as in the local host). A key counts only
/// on the API: a page takes none, so a <c>?code=</c> in a page's address authenticates nothing.
/// </summary>
public sealed class StaffGateMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>The claim the Functions host adds when a request presents a valid key, whatever the function's level.</summary>
    private const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";
    /// <summary>The claim with the accepted key's name (<c>default</c>, or the name it was created with).</summary>
    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    private static readonly ConcurrentDictionary<string, HttpTriggerAttribute?> Triggers = new();

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        // A partner's link is a secret in the path: cut out of the request's trace before anything else runs.
        LumoFlow.App.Hosting.SecretPaths.ScrubActivity(System.Diagnostics.Activity.Current);
        if (context.GetHttpContext() is not { } http || Trigger(context.FunctionDefinition.EntryPoint) is not { } trigger)
        {
            await next(context);
            return;
        }
        var access = LumoFlowRoutes.AccessOf(http.Request.Method, trigger.Route!)
            ?? throw new InvalidOperationException($"{http.Request.Method} /{trigger.Route} is not in LumoFlowRoutes.Endpoints.");
        StaffGate.PresentedKey? key = null;
        if (StaffIdentity.PresentedKey(http.Request) is not null)
        {
            var keyIdentity = (await context.GetHttpRequestDataAsync())?.Identities
                .FirstOrDefault(identity => identity.HasClaim(c => c.Type == AuthLevelClaim && c.Value is "Function" or "Admin"));
            key = new StaffGate.PresentedKey(keyIdentity is not null, keyIdentity?.FindFirst(KeyIdClaim)?.Value);
        }
        var refusal = await context.InstanceServices.GetRequiredService<StaffGate>().CheckAsync(http, access, key);
        if (refusal is not null) await refusal.ExecuteAsync(http);
        else await ErrorPages.GuardAsync(http, () => next(context));
    }

    /// <summary>The <c>[HttpTrigger]</c> of the function whose entry point is "Namespace.Type.Method"; null for other triggers.</summary>
    public static HttpTriggerAttribute? Trigger(string entryPoint) => Triggers.GetOrAdd(entryPoint, static name =>
    {
        var split = name.LastIndexOf('.');
        var method = typeof(StaffGateMiddleware).Assembly.GetType(name[..split])?.GetMethod(name[(split + 1)..]);
        return method?.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
    });
}
