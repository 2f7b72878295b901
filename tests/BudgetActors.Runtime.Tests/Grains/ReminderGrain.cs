namespace BudgetActors.Runtime.Tests;

/// <summary>Logs every reminder tick as "tick name @ due time", and its activations.</summary>
public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EventLog.Add(this.GetPrimaryKeyString(), "activate");
        return Task.CompletedTask;
    }

    public Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task UnregisterAsync(string reminderName)
    {
        if (await GetReminder(reminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync() =>
        [.. (await GetReminders()).Select(r => r.ReminderName).Order()];

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        EventLog.Add(this.GetPrimaryKeyString(), "tick " + reminderName);
        return Task.CompletedTask;
    }
}
