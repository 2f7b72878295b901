namespace BudgetActors.Runtime.Tests;

public interface IReminderGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync(string reminderName);

    Task<IReadOnlyList<string>> ListAsync();
}
