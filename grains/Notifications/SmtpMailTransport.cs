using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Notifications;

/// <summary>Sends each email to an SMTP server.</summary>
public sealed class SmtpMailTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpUseTls };
        if (settings.SmtpUser is not null)
        {
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        }

        using var message = MailMessages.From(notification, settings.From);
        await client.SendMailAsync(message, cancellationToken);
    }
}
