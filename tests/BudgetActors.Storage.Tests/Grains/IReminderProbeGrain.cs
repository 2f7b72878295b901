namespace BudgetActors.Storage.Tests;

/// <summary>Registers a reminder and reports its ticks to <see cref="ReminderTicks"/>.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync(string reminderName);
}
