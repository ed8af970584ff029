using System.Diagnostics;
using LumoFlow.App.Hosting;

namespace LumoFlow.App.Email;

/// <summary>
/// Every email LumoFlow sends passes here (the outbox's, on-call's summaries, the digest, the deadline check's report):
/// a span per send, a count of each failed attempt and of each escalation sent, by the email's kind only — never its
/// address, subject or text (<see cref="LumoFlowTelemetry"/>).
/// </summary>
public sealed class MeasuredEmailSender(IEmailSender inner) : IEmailSender
{
    public async Task SendAsync(LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken)
    {
        var kind = new TagList { { LumoFlowTelemetry.EmailKindTag, LumoFlowTelemetry.EmailKind(email.Kind) } };
        using var span = LumoFlowTelemetry.Start("lumoflow.email.send", ActivityKind.Client);
        span?.SetTag(LumoFlowTelemetry.EmailKindTag, LumoFlowTelemetry.EmailKind(email.Kind));
        try
        {
            await inner.SendAsync(email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LumoFlowTelemetry.EmailFailures.Add(1, kind);
            LumoFlowTelemetry.Failed(span, e);
            throw;
        }
        if (LumoFlowTelemetry.IsEscalation(email.Kind)) LumoFlowTelemetry.EscalationsSent.Add(1, kind);
    }
}
