namespace BudgetActors.Runtime;

/// <summary>How reminders are scheduled and delivered.</summary>
public sealed class ReminderOptions
{
    /// <summary>The shortest period a reminder may have. Default 1 minute; tests may lower it.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a silo looks for due reminders. Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed tick is reserved for the silo delivering it. Default 1 minute.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a tick whose delivery failed waits before it is tried again. Default 10 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many due reminders one poll claims at most. Default 100.</summary>
    public int ClaimBatchSize { get; set; } = 100;
}
