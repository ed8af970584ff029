using LumoFlow.App.Http;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace LumoFlow.Functions;

/// <summary>
/// Before <see cref="StaffGateMiddleware"/>, as in the local host: every HTTP answer gets <c>nosniff</c> and, unless
/// public, <c>no-store</c> (<see cref="AnswerHeaders"/>), and a form's body is capped before anything parses it, the
/// gate's anti-forgery check included (<see cref="FormBodies"/>).
/// </summary>
public sealed class AnswerAndFormMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || StaffGateMiddleware.Trigger(context.FunctionDefinition.EntryPoint) is not { } trigger)
        {
            await next(context);
            return;
        }
        AnswerHeaders.Protect(http);
        if (await FormBodies.CapAsync(http, trigger.Route!) is { } tooLarge) await tooLarge.ExecuteAsync(http);
        else await next(context);
    }
}
