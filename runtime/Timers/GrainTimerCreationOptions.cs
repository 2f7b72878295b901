namespace BudgetActors.Runtime;

/// <summary>How a grain timer ticks.</summary>
public sealed record GrainTimerCreationOptions
{
    /// <summary>Delay before the first tick.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>Whether ticks may interleave with the grain's calls (default: no, a tick is a turn like any call).</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity that keeps the grain from idle collection (default: no).</summary>
    public bool KeepAlive { get; init; }
}
