using LumoFlow.Domain.Messaging;

namespace LumoFlow.App.Email;

/// <summary>
/// Delivers one outbox email. Locally SMTP to maildev; in Azure the ACS Email REST API.
/// Delivery is at-least-once: a sender must tolerate the same <see cref="Domain.Messaging.Email.Id"/> twice.
/// Throws on failure; the case orchestration retries the send (see <see cref="Orchestration.CaseOrchestration"/>).
/// </summary>
public interface IEmailSender
{
    Task SendAsync(LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken);
}
