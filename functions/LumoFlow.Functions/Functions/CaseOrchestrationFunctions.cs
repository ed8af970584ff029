using LumoFlow.App.Activities;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask;

namespace LumoFlow.Functions.Functions;

/// <summary>
/// The case orchestration and its activities as Durable Functions. The orchestration is a class of LumoFlow.App
/// (<see cref="CaseOrchestration"/>), so it needs this one-line shim (Microsoft.DurableTask.Generators, which would
/// write it, is not available to us); the local host registers the same class with its Durable worker.
/// </summary>
public sealed class CaseOrchestrationFunctions(CaseWorkflow workflow, RecordCase record, SendEmail send, LinkChildren link)
{
    [Function(CaseOrchestration.Name)]
    public Task<CaseOutcome?> RunCase([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CaseOrchestration(workflow).RunAsync(context, context.GetInput<CaseOrchestrationInput>()!);

    [Function(CaseActivities.RecordCase)]
    public Task<RecordedCase> RecordCase([ActivityTrigger] CaseRecordUpdate update, CancellationToken cancellationToken) =>
        record.RunAsync(update, cancellationToken);

    [Function(CaseActivities.SendEmail)]
    public Task<bool> SendEmail([ActivityTrigger] SendEmailInput email, CancellationToken cancellationToken) =>
        send.RunAsync(email, cancellationToken);

    [Function(CaseActivities.LinkChildren)]
    public Task<IReadOnlyList<string>> LinkChildren([ActivityTrigger] LinkChildrenInput children, CancellationToken cancellationToken) =>
        link.RunAsync(children, cancellationToken);
}
