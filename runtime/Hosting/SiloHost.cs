using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Starts and stops a silo with its host: checks, startup tasks, the runtime, reminder delivery.</summary>
internal sealed class SiloHost(
    IServiceProvider services,
    GrainRuntime runtime,
    GrainClassRegistry classes,
    GrainJsonOptions json,
    ReminderRegistry reminders,
    IEnumerable<ISiloStartupTask> startupTasks,
    IOptions<SiloOptions> silo,
    IOptions<GrainCollectionOptions> collection,
    ILogger<SiloHost> logger) : IHostedService
{
    private ReminderService? _reminderService;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SiloConfigurationCheck.Run(services, classes, json, reminders);
        foreach (var task in startupTasks)
        {
            await task.ExecuteAsync(cancellationToken);
        }

        runtime.Start();
        if (reminders.IsConfigured)
        {
            _reminderService = services.GetRequiredService<ReminderService>();
            _reminderService.Start();
        }

        RuntimeLog.SiloStarted(logger, silo.Value.SiloName, silo.Value.ServiceId, classes.All.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(collection.Value.DeactivationTimeout);
        if (_reminderService is not null)
        {
            await _reminderService.StopAsync(timeout.Token);
        }

        await runtime.ShutdownAsync(timeout.Token);
    }
}
