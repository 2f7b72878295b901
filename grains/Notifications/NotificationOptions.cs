namespace BudgetActors.Grains.Notifications;

/// <summary>How notifications leave: into a pickup folder of .eml files (the default) or over SMTP.</summary>
public sealed class NotificationOptions
{
    /// <summary>The address emails come from. Default erp-integrations@budgetactors.local.</summary>
    public string From { get; set; } = "erp-integrations@budgetactors.local";

    /// <summary>Where .eml files go when no SMTP host is set. Default "mail" under the working directory.</summary>
    public string PickupFolder { get; set; } = "mail";

    /// <summary>An SMTP server to send through instead of the pickup folder. Default none.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpUseTls { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>How often the outbox is looked at. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a failed send waits before it is tried again. Default 1 minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
