using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Diagnostics;
using DurableTask.Core.Exceptions;
using LumoFlow.App.Cases;
using LumoFlow.App.Hosting;
using LumoFlow.App.Http;
using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Validation;
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

/// <param name="CaseId">The first child's case.</param>
/// <param name="ReceivedAt">When the cases count as received, for cases this call opened; null for a replay (read the case).</param>
/// <param name="CaseIds">Every child's case, in the order of the notification's children.</param>
/// <param name="Flags">What was kept as given but flagged for staff to check (<see cref="NotificationCheck.Flags"/>).</param>
public sealed record IntakeResult(string CaseId, IntakeOutcome Outcome, DateTimeOffset? ReceivedAt = null, IReadOnlyList<string>? CaseIds = null,
    FieldProblems? Flags = null)
{
    public IReadOnlyList<string> AllCaseIds => CaseIds ?? [CaseId];
}

/// <summary>
/// Opens a case for each child of a notification (LSL §§ 26, 27, 29: a case concerns one child): routes it, lets the
/// workflow open it and starts its orchestration, before the notifier gets an answer. Durable's start is what makes a
/// case exist, durably: if it fails, the notifier is asked to retry (503) — with an Idempotency-Key the retry opens only
/// what is still missing; once a start succeeded, that case's orchestration writes its record as its first step.
/// </summary>
public sealed class CaseIntake(CaseRecords records, CaseLookup lookup, CaseWorkflow workflow, RoutingTable routing, ChildIndex childIndex,
    TimeProvider time, ILogger<CaseIntake> logger)
{
    /// <summary>Never start a second orchestration over an existing case, whatever state it is in.</summary>
    private static readonly IReadOnlyList<string> AnyStatus = Enum.GetNames<OrchestrationRuntimeStatus>();

    /// <param name="registeredBy">Staff registering a notification received by phone or in person; null for a notifier.</param>
    public async Task<IntakeResult> OpenAsync(DurableTaskClient durable, Notification notification, StaffIdentity? registeredBy,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Measured by who registered it and how it ended, and the number of children: nothing of the notification itself.
        var by = registeredBy is null ? "notifier" : "staff";
        using var span = LumoFlowTelemetry.Start("lumoflow.intake");
        span?.SetTag(LumoFlowTelemetry.RegisteredByTag, by);
        span?.SetTag(LumoFlowTelemetry.ChildrenTag, notification.Children?.Count ?? 0);
        try
        {
            var result = await TakeInAsync(durable, notification, registeredBy, idempotencyKey, cancellationToken);
            var outcome = result.Outcome.ToString();
            span?.SetTag(LumoFlowTelemetry.OutcomeTag, outcome);
            LumoFlowTelemetry.NotificationsReceived.Add(1, new TagList
            {
                { LumoFlowTelemetry.RegisteredByTag, by }, { LumoFlowTelemetry.OutcomeTag, outcome },
            });
            return result;
        }
        catch (Exception e)
        {
            LumoFlowTelemetry.Failed(span, e);
            LumoFlowTelemetry.NotificationsReceived.Add(1, new TagList
            {
                { LumoFlowTelemetry.RegisteredByTag, by }, { LumoFlowTelemetry.OutcomeTag, "Failed" },
            });
            throw;
        }
    }

    private async Task<IntakeResult> TakeInAsync(DurableTaskClient durable, Notification notification, StaffIdentity? registeredBy,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(notification, LumoFlowJson.Options);
        // Only a submission with an Idempotency-Key can be retried onto the same cases, so only then is its hash kept.
        var bodyHash = idempotencyKey is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var children = notification.Children ?? [];
        var caseIds = Enumerable.Range(0, children.Count)
            .Select(i => idempotencyKey is null ? CaseIds.New() : CaseIds.FromIdempotencyKey(i == 0 ? idempotencyKey : $"{idempotencyKey}#child-{i}"))
            .ToList();
        var check = NotificationValidator.Check(notification, now, registeredByStaff: registeredBy is not null);
        var receivedAt = notification.TimeOfReceipt(now);
        if (idempotencyKey is not null && await ExistingAsync(durable, caseIds[0], bodyHash, cancellationToken) is { } retried)
        {
            // The same notification again: its first case exists. Any sibling a crash kept from starting starts now,
            // received when the first was.
            if (retried.Outcome == IntakeOutcome.Replayed && await lookup.FindAsync(durable, caseIds[0], cancellationToken) is { } first)
                await StartAsync(durable, notification, registeredBy, caseIds, check, first.Case.State.ReceivedAt, new IntakeRecord(json, bodyHash), now,
                    from: 1, cancellationToken);
            return retried with { CaseIds = caseIds, Flags = check.Flags };
        }

        var started = await StartAsync(durable, notification, registeredBy, caseIds, check, receivedAt, new IntakeRecord(json, bodyHash), now,
            from: 0, cancellationToken);
        if (!started && idempotencyKey is not null)
        {
            // A retry overtook its own first attempt, which has started the cases but whose records are not written yet.
            return (await ExistingAsync(durable, caseIds[0], bodyHash, cancellationToken)
                    ?? throw new InvalidOperationException($"Case {caseIds[0]} exists and cannot be read.")) with { CaseIds = caseIds, Flags = check.Flags };
        }
        return new IntakeResult(caseIds[0], IntakeOutcome.Created, receivedAt, caseIds, check.Flags);
    }

    /// <summary>
    /// Starts the case of each child from <paramref name="from"/> on. False when the first of them existed already (a
    /// retry's race); a sibling that exists already is left as it is.
    /// </summary>
    private async Task<bool> StartAsync(DurableTaskClient durable, Notification notification, StaffIdentity? registeredBy, IReadOnlyList<string> caseIds,
        NotificationCheck check, DateTimeOffset receivedAt, IntakeRecord intake, DateTimeOffset now, int from, CancellationToken cancellationToken)
    {
        var children = notification.Children!;
        for (var i = from; i < caseIds.Count; i++)
        {
            var child = children[i];
            var team = routing.Route(HomeOf(children, i));
            var childKeys = PersonalIdentityCode.TryParse(child.IdentityCode, out var code) && code is not null
                ? [childIndex.KeyOf(code)]
                : Array.Empty<string>();
            var received = new NotificationReceived(notification, team, childKeys, receivedAt, registeredBy?.Name)
            {
                Actor = registeredBy?.Name ?? "notifier",
                ChildNumber = i,
                FamilyCaseIds = caseIds,
                Flags = [.. check.FlagCodes.Where(f => !f.StartsWith("children[", StringComparison.Ordinal)
                    || f.StartsWith($"children[{i}]", StringComparison.Ordinal))],
            };
            var input = CaseOrchestrationInput.Open(workflow.Open(caseIds[i], received, now), intake);
            try
            {
                await durable.ScheduleNewOrchestrationInstanceAsync(CaseOrchestration.Name, input,
                    new StartOrchestrationOptions(caseIds[i]) { Version = CaseOrchestration.Version, DedupeStatuses = AnyStatus }, cancellationToken);
            }
            catch (OrchestrationAlreadyExistsException)
            {
                if (i == from && from == 0) return false;
                continue;
            }
            // Durable holds the case: it exists. Its orchestration writes the record as its first step, a moment from
            // now; until then staff reach the case through the opening Durable holds (CaseLookup).
            logger.LogInformation("Case {CaseId} opened for team {TeamId}", caseIds[i], team.Id);
            Activity.Current?.AddEvent(new ActivityEvent("lumoflow.case.opened", tags: new ActivityTagsCollection
            {
                [LumoFlowTelemetry.TeamTag] = team.Id,
            }));
        }
        return true;
    }

    /// <summary>
    /// The municipality that routes child <paramref name="i"/>: its own, or — when the notifier did not know it — a
    /// sibling's the routing table knows (the family lives together, most likely), else none (the default team).
    /// </summary>
    private string? HomeOf(IReadOnlyList<Child> children, int i) =>
        routing.Knows(children[i].HomeMunicipality) ? children[i].HomeMunicipality
            : children.Select(c => c.HomeMunicipality).FirstOrDefault(routing.Knows);

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
