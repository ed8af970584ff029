using LumoFlow.App.Email;
using LumoFlow.App.Orchestration;

namespace LumoFlow.App.Activities;

/// <summary>Activity: delivers one email of the case's outbox; an email already sent is not sent again.</summary>
public sealed class SendEmail(EmailDelivery delivery)
{
    public async Task<bool> RunAsync(SendEmailInput input, CancellationToken cancellationToken)
    {
        await delivery.DeliverAsync(input, cancellationToken);
        return true;
    }
}
