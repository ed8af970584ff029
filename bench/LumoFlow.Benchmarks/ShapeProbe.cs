using DurableTask.AzureStorage;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Runs one real LumoFlow lifecycle (the walk-through) and one catch-up case (registered by staff with a past time of
/// receipt), each step left to settle, and reads from Durable's own history what each was to Durable: the shapes the
/// peer replays.
/// </summary>
public static class ShapeProbe
{
    public sealed record Shapes(LifecycleShape Lifecycle, LifecycleShape CatchUp);

    /// <summary>20 days ago: the decision deadline (7 working days) has passed, so every timer up to its escalation is due.</summary>
    public static DateTimeOffset PastReceipt() => DateTimeOffset.UtcNow.AddDays(-20);

    public static async Task<Shapes> ReadAsync(BenchApp app)
    {
        var staff = app.Staff();
        var id = await LumoFlowDriver.SubmitAsync(app.Http(), Notifications.Body(1));
        await app.QuietAsync();
        foreach (var step in Walkthrough.Events)
        {
            await step.Run(app, staff, id);
            await app.QuietAsync();
        }
        var status = await LumoFlowDriver.StatusAsync(staff, id);
        if ((string?)status["runtimeStatus"] != "Completed")
            throw new InvalidOperationException($"The walk-through did not complete the case: {status.ToJsonString()}");
        var lifecycle = await ShapeOfAsync(app, id, "lifecycle", null);

        var caught = await LumoFlowDriver.SubmitAsync(staff, Notifications.Body(2, PastReceipt()));
        await app.QuietAsync();
        var escalation = app.Emails.Sent.Select(s => s.Email).FirstOrDefault(e => e.Kind == "DecisionEscalation" && e.Id.StartsWith(caught, StringComparison.Ordinal))
                         ?? throw new InvalidOperationException("The catch-up case sent no escalation.");
        var catchUp = await ShapeOfAsync(app, caught, "catch-up",
            (activity, input) => activity == "SendEmail" && input?.Contains(escalation.Id, StringComparison.Ordinal) == true);
        return new Shapes(lifecycle, catchUp);
    }

    private static async Task<LifecycleShape> ShapeOfAsync(BenchApp app, string id, string name, Func<string, string?, bool>? mark)
    {
        var history = await app.Services.GetRequiredService<AzureStorageOrchestrationService>().GetOrchestrationHistoryAsync(id, null);
        var instance = await app.Durable.GetInstanceAsync(id, getInputsAndOutputs: true);
        return LifecycleShape.FromHistory(name, history, instance?.SerializedCustomStatus?.Length ?? 0, mark);
    }
}
