using LumoFlow.Engine;

namespace LumoFlow.Functions.Api;

/// <summary>
/// In Azure the Functions host runs the <c>Sweep</c> timer trigger (functions/LumoFlow.Functions/Sweep/function.json)
/// and invokes the custom handler at <c>POST /Sweep</c>; the answer is the custom-handler invocation response.
/// Standalone it can be called with the function key (the app also sweeps by itself).
/// </summary>
public static class SweepTrigger
{
    public static IEndpointRouteBuilder MapSweepTrigger(this IEndpointRouteBuilder app)
    {
        var endpoint = app.MapPost("/Sweep", async (Sweeper sweeper, CancellationToken cancellationToken) =>
        {
            var run = await sweeper.SweepOnceAsync(cancellationToken);
            return Results.Json(new Dictionary<string, object?>
            {
                ["Outputs"] = new Dictionary<string, object?>(),
                ["Logs"] = new[] { $"Sweep ran {run} due cases" },
                ["ReturnValue"] = null,
            });
        }).WithName("Sweep");
        // Under the Functions host only the host can reach the handler's port; standalone the key guards it.
        if (Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is null)
            endpoint.AddEndpointFilter<Access.FunctionKeyFilter>();
        return app;
    }
}
