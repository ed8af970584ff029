using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LumoFlow.Domain.Calendar;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Records;

/// <summary>One day's anchor: the head of every chain of the access log (<see cref="AccessChain.Pin"/>), as a blob.</summary>
/// <param name="Previous">The anchor before it, by name; null for the first.</param>
public sealed record AccessLogAnchor(DateTimeOffset AnchoredAt, string? Previous, IReadOnlyList<AccessChain.Pin> Heads);

/// <summary>What one day's anchoring wrote: the blob, how many chains, and how many pins it kept from the day before
/// because the chain no longer holds them (<see cref="AccessLogAnchors.RunIfDueAsync"/>).</summary>
public sealed record AnchorRun(string Name, DateTimeOffset AnchoredAt, int Heads, int KeptFromBefore);

/// <summary>What <c>GET /api/admin/access-log/verify</c> answers.</summary>
/// <param name="Checked">How many entries were checked.</param>
/// <param name="Anchor">The anchor the chains were compared with (its blob's name); null when there is none yet.</param>
public sealed record AccessLogVerification(
    bool Ok, int Checked, int Partitions, string? Anchor, DateTimeOffset? AnchoredAt, IReadOnlyList<AccessChain.Broken> Broken);

/// <summary>
/// Keeps the access log's chains honest from outside the table. Every day (<see cref="RunIfDueAsync"/>, by the daily
/// timer in both hosts) the head of every chain goes into a new blob of a container with a time-based immutability
/// policy (infra/main.bicep): once written, no one — not the app's identity, which holds only data roles — can change
/// or delete it until the retention ends. Locally Azurite has no immutability; the anchors are written all the same.
/// <para>Each day's anchor holds every chain, so the newest one is enough to verify against. A chain whose head
/// moved on is checked first: the entry the day before's anchor pinned must still have its hash; if not — or the chain
/// went back, or is gone — the old pin is carried into the new anchor unchanged, so a chain rewritten between two
/// anchors still shows (<see cref="VerifyAsync"/>).</para>
/// </summary>
public sealed class AccessLogAnchors(AccessLog log, BlobContainerClient container, TimeProvider time, ILogger<AccessLogAnchors> logger)
{
    public const string DefaultContainer = "access-log-anchors";

    private bool _containerKnown;

    public string ContainerName => container.Name;

    /// <summary>Today's anchor (Helsinki date), unless it is written already — by this instance or another.</summary>
    public async Task<AnchorRun?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var name = $"{HelsinkiTime.LocalDate(now):yyyy-MM-dd}.json";
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(name);
        if (await blob.ExistsAsync(cancellationToken)) return null;

        var previous = await LatestAsync(cancellationToken);
        var heads = (await log.HeadsAsync(cancellationToken)).ToDictionary(h => h.Partition, StringComparer.Ordinal);
        var kept = 0;
        foreach (var pin in previous?.Anchor.Heads ?? [])
        {
            if (heads.TryGetValue(pin.Partition, out var head)
                && ((head.Seq == pin.Seq && head.Hash == pin.Hash)
                    || (head.Seq > pin.Seq && await log.HashAtAsync(pin.Partition, pin.Seq, cancellationToken) == pin.Hash)))
                continue;
            heads[pin.Partition] = pin;
            kept++;
            logger.LogWarning("The access log's chain {Partition} no longer holds entry {Seq} as anchor {Anchor} has it; the new anchor keeps that",
                pin.Partition, pin.Seq, previous!.Value.Name);
        }

        var anchor = new AccessLogAnchor(now, previous?.Name, [.. heads.Values.OrderBy(h => h.Partition, StringComparer.Ordinal)]);
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(anchor, LumoFlowJson.Options), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null; // another instance wrote today's a moment before
        }
        logger.LogInformation("Access log anchored: {Heads} chains in {Anchor}, {Kept} pins kept from before", anchor.Heads.Count, name, kept);
        return new AnchorRun(name, now, anchor.Heads.Count, kept);
    }

    /// <summary>The newest anchor, with its blob's name; null when there is none.</summary>
    public async Task<(string Name, AccessLogAnchor Anchor)?> LatestAsync(CancellationToken cancellationToken)
    {
        string? newest = null;
        try
        {
            await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
                if (newest is null || string.CompareOrdinal(item.Name, newest) > 0) newest = item.Name;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // no container yet: nothing anchored
        }
        if (newest is null) return null;
        var content = await container.GetBlobClient(newest).DownloadContentAsync(cancellationToken);
        return (newest, content.Value.Content.ToObjectFromJson<AccessLogAnchor>(LumoFlowJson.Options)!);
    }

    /// <summary>
    /// Recomputes the chains — every partition, or one — and compares each with the newest anchor: see
    /// <see cref="AccessChain.Verify"/> for what it finds. A chain the anchor holds but the table no longer does is
    /// reported as missing.
    /// </summary>
    public async Task<AccessLogVerification> VerifyAsync(string? partition, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        var pins = (latest?.Anchor.Heads ?? []).Where(p => partition is null || p.Partition == partition)
            .ToDictionary(p => p.Partition, StringComparer.Ordinal);
        var broken = new List<AccessChain.Broken>();
        var entries = 0;
        var partitions = 0;
        await foreach (var (name, rows) in log.PartitionsAsync(partition, cancellationToken))
        {
            var head = rows.FirstOrDefault(r => r.RowKey == AccessChain.HeadRowKey);
            var check = AccessChain.Verify(name, rows, head, pins.GetValueOrDefault(name));
            pins.Remove(name);
            broken.AddRange(check.Broken);
            entries += check.Checked;
            partitions++;
        }
        foreach (var (name, pin) in pins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            broken.AddRange(AccessChain.Verify(name, [], null, pin).Broken);
            partitions++;
        }
        return new AccessLogVerification(broken.Count == 0, entries, partitions, latest?.Name, latest?.Anchor.AnchoredAt, broken);
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerKnown) return;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _containerKnown = true;
    }
}
