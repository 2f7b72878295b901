namespace BudgetActors.Runtime;

/// <summary>How calls are timed.</summary>
public sealed class MessagingOptions
{
    /// <summary>How long a caller waits for an answer before the call fails as timed out. Default 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often overdue calls are looked for; a timeout is reported this late at most. Default 1 second.</summary>
    public TimeSpan TimeoutCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
