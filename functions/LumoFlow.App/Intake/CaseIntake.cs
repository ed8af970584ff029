using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DurableTask.Core.Exceptions;
using LumoFlow.App.Cases;
using LumoFlow.App.Http;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Intake;

public enum IntakeOutcome
{
    Created,
    /// <summary>A retry with the same Idempotency-Key and body: the existing case.</summary>
    Replayed,
    /// <summary>The Idempotency-Key was used before for a different notification.</summary>
    KeyReused,
}

/// <param name="ReceivedAt">When the case counts as received, for a case this call opened; null for a replay (read the case).</param>
public sealed record IntakeResult(string CaseId, IntakeOutcome Outcome, DateTimeOffset? ReceivedAt = null);

/// <summary>
/// Opens a case for a valid notification: routes it, lets the workflow open it and starts its orchestration, before
/// the notifier gets an answer. Durable's start is what makes the case exist, durably: if it fails, nothing was
/// created and the notifier is asked to retry (503); once it succeeded, the case's orchestration writes its record as
/// its first step.
/// </summary>
public sealed class CaseIntake(CaseRecords records, CaseWorkflow workflow, RoutingTable routing, ChildIndex children,
    TimeProvider time, ILogger<CaseIntake> logger)
{
    /// <summary>Never start a second orchestration over an existing case, whatever state it is in.</summary>
    private static readonly IReadOnlyList<string> AnyStatus = Enum.GetNames<OrchestrationRuntimeStatus>();

    /// <param name="registeredBy">Staff registering a notification received by phone or in person; null for a notifier.</param>
    public async Task<IntakeResult> OpenAsync(DurableTaskClient durable, Notification notification, StaffIdentity? registeredBy,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(notification, LumoFlowJson.Options);
        // Only a submission with an Idempotency-Key can be retried onto the same case, so only then is its hash kept.
        var bodyHash = idempotencyKey is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var caseId = idempotencyKey is null ? CaseIds.New() : CaseIds.FromIdempotencyKey(idempotencyKey);
        if (idempotencyKey is not null && await ExistingAsync(durable, caseId, bodyHash, cancellationToken) is { } retried)
            return retried;

        // The case goes to the team of the (first) child's home region; the family's case is handled in one place.
        var team = routing.Route(notification.Children?.FirstOrDefault()?.HomeMunicipality);
        var childKeys = (notification.Children ?? [])
            .Select(c => PersonalIdentityCode.TryParse(c.IdentityCode, out var code) ? code : null)
            .OfType<PersonalIdentityCode>()
            .Select(children.KeyOf)
            .Distinct()
            .ToList();
        var received = new NotificationReceived(notification, team, childKeys, notification.TimeOfReceipt(now), registeredBy?.Name)
        {
            Actor = registeredBy?.Name ?? "notifier",
        };
        var input = CaseOrchestrationInput.Open(workflow.Open(caseId, received, now), new IntakeRecord(json, bodyHash));

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(CaseOrchestration.Name, input,
                new StartOrchestrationOptions(caseId) { Version = CaseOrchestration.Version, DedupeStatuses = AnyStatus }, cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException) when (idempotencyKey is not null)
        {
            // A retry overtook its own first attempt, which has started the case but whose record is not written yet.
            return await ExistingAsync(durable, caseId, bodyHash, cancellationToken)
                   ?? throw new InvalidOperationException($"Case {caseId} exists and cannot be read.");
        }

        // Durable holds the case: it exists. Its orchestration writes the record as its first step, a moment from now;
        // until then staff reach the case through the opening Durable holds (CaseLookup).
        logger.LogInformation("Case {CaseId} opened for team {TeamId}", caseId, team.Id);
        return new IntakeResult(caseId, IntakeOutcome.Created, received.ReceivedAt);
    }

    /// <summary>The case an Idempotency-Key already opened — in the record, or still only in Durable. Null when there is none.</summary>
    private async Task<IntakeResult?> ExistingAsync(DurableTaskClient durable, string caseId, string? bodyHash, CancellationToken cancellationToken)
    {
        if (await records.GetBodyHashAsync(caseId, cancellationToken) is (true, var recordedHash))
            return Replay(caseId, recordedHash, bodyHash);
        return await CaseLookup.OpeningAsync(durable, caseId, cancellationToken) is { Intake: { } intake }
            ? Replay(caseId, intake.BodyHash, bodyHash)
            : null;
    }

    private static IntakeResult Replay(string caseId, string? storedHash, string? bodyHash) =>
        new(caseId, storedHash == bodyHash ? IntakeOutcome.Replayed : IntakeOutcome.KeyReused);
}
