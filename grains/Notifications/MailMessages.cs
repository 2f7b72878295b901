using System.Net.Mail;

namespace BudgetActors.Grains.Notifications;

/// <summary>Turns a notification into a System.Net.Mail message whose Message-ID is its key, so mail clients drop repeats.</summary>
internal static class MailMessages
{
    public static MailMessage From(Notification notification, string from)
    {
        // 8-bit UTF-8 keeps the .eml readable as plain text (no quoted-printable or base64 body).
        var message = new MailMessage
        {
            From = new MailAddress(from),
            Subject = notification.Subject,
            Body = notification.Body,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.EightBit,
        };
        foreach (var to in notification.To)
        {
            message.To.Add(to);
        }

        message.Headers.Add("Message-ID", $"<{Uri.EscapeDataString(notification.Key)}@budgetactors>");
        return message;
    }
}
