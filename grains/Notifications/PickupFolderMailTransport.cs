using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Notifications;

/// <summary>
/// Writes each email as an .eml file named after its notification key: a repeated send overwrites the
/// same file, so a crash between sending and recording it never doubles a message.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.PickupFolder);
        var staging = Directory.CreateDirectory(Path.Combine(folder, ".staging", Guid.NewGuid().ToString("N")));
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging.FullName })
            using (var message = MailMessages.From(notification, options.Value.From))
            {
                await client.SendMailAsync(message, cancellationToken);
            }

            var written = staging.GetFiles("*.eml").Single();
            File.Move(written.FullName, Path.Combine(folder, FileNameOf(notification.Key)), overwrite: true);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    /// <summary>The file a notification is written to: its key with anything unsafe in a file name replaced.</summary>
    public static string FileNameOf(string key)
    {
        var name = new StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_');
        }

        return name.Append(".eml").ToString();
    }
}
