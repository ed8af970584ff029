using System.Collections.Concurrent;
using System.Diagnostics;
using LumoFlow.App.Email;

namespace LumoFlow.Benchmarks;

/// <summary>
/// Stands in for SMTP or ACS: records what would have been sent, and when. Delivery to maildev is not what is measured;
/// everything up to the sender (the outbox row claimed and marked sent) is real.
/// </summary>
public sealed class EmailProbe : IEmailSender
{
    public ConcurrentQueue<(LumoFlow.Domain.Messaging.Email Email, long Timestamp)> Sent { get; } = new();

    public Task SendAsync(LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken)
    {
        Sent.Enqueue((email, Stopwatch.GetTimestamp()));
        return Task.CompletedTask;
    }
}
