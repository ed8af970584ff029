using LumoFlow.App.Email;
using LumoFlow.App.Hosting;
using LumoFlow.App.Orchestration;

namespace LumoFlow.App.Activities;

/// <summary>Activity: delivers one email of the case's outbox; an email already sent is not sent again.</summary>
public sealed class SendEmail(EmailDelivery delivery)
{
    public Task<bool> RunAsync(SendEmailInput input, CancellationToken cancellationToken) =>
        LumoFlowTelemetry.ActivityAsync(nameof(SendEmail), async span =>
        {
            if (input.Email is { } email) span?.SetTag(LumoFlowTelemetry.EmailKindTag, LumoFlowTelemetry.EmailKind(email.Kind));
            await delivery.DeliverAsync(input, cancellationToken);
            return true;
        });
}
