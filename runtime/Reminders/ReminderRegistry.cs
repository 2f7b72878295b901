using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>What grains use to register, read and remove their reminders.</summary>
internal sealed class ReminderRegistry(IServiceProvider services, TimeProvider timeProvider, IOptions<ReminderOptions> options)
{
    private readonly IReminderTable? _table = services.GetService<IReminderTable>();

    /// <summary>Whether the silo was configured with a reminder table.</summary>
    public bool IsConfigured => _table is not null;

    private IReminderTable Table => _table ?? throw new InvalidOperationException(
        "No reminder service is configured: call silo.UseInMemoryReminders() or silo.UsePostgresReminders(...).");

    public async Task<IGrainReminder> RegisterOrUpdateAsync(Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"{grain.GetType().Name} registers reminder '{reminderName}' but does not implement IRemindable.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var minimum = options.Value.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period, $"Reminder '{reminderName}' has period {period:g}; the minimum is {minimum:g} (ReminderOptions.MinimumReminderPeriod).");
        }

        return await Table.UpsertAsync(grain.GrainId, reminderName, timeProvider.GetUtcNow() + dueTime, period, cancellationToken).ConfigureAwait(false);
    }

    public Task UnregisterAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        Table.RemoveAsync(grainId, reminderName, cancellationToken);

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        await Table.ReadAsync(grainId, reminderName, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId, CancellationToken cancellationToken) =>
        await Table.ReadAsync(grainId, cancellationToken).ConfigureAwait(false);
}
