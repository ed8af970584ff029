using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LumoFlow.App.Email;

/// <summary>Delivers email over SMTP with MailKit — locally to maildev, or to any relay that takes plain SMTP.</summary>
public sealed class SmtpEmailSender(string host, int port, string senderAddress) : IEmailSender
{
    public async Task SendAsync(LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Body = new TextPart("plain") { Text = email.TextBody },
            // A stable Message-ID per outbox email lets a receiving system drop an at-least-once duplicate.
            MessageId = $"{email.Id}@lumoflow.invalid",
        };
        message.From.Add(MailboxAddress.Parse(senderAddress));
        message.To.Add(MailboxAddress.Parse(email.To));

        using var client = new SmtpClient();
        await client.ConnectAsync(host, port, SecureSocketOptions.None, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
