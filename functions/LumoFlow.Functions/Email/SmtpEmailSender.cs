using System.Net.Mail;
using LumoFlow.Engine.Email;

namespace LumoFlow.Functions.Email;

/// <summary>Delivers email over plain SMTP — locally to maildev. (MailKit is not available; System.Net.Mail suffices for a local sink.)</summary>
public sealed class SmtpEmailSender(string host, int port, string senderAddress) : IEmailSender
{
    public async Task SendAsync(LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken)
    {
        using var message = new MailMessage(senderAddress, email.To, email.Subject, email.TextBody);
        message.BodyEncoding = System.Text.Encoding.UTF8;
        message.SubjectEncoding = System.Text.Encoding.UTF8;
        // A stable Message-ID per outbox email lets a receiving system drop an at-least-once duplicate.
        message.Headers.Add("Message-ID", $"<{email.Id}@lumoflow.invalid>");
        using var client = new SmtpClient(host, port) { EnableSsl = false, DeliveryMethod = SmtpDeliveryMethod.Network };
        await client.SendMailAsync(message, cancellationToken);
    }
}
