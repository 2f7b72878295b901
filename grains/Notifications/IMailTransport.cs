namespace BudgetActors.Grains.Notifications;

/// <summary>Puts one notification on its way as an email.</summary>
public interface IMailTransport
{
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
