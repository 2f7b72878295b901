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
    TimeProvider time,
    ILogger<SiloHost> logger) : IHostedService
{
    private ReminderService? _reminderService;
    private ClusterMembership? _membership;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SiloConfigurationCheck.Run(services, classes, json, reminders);
        foreach (var task in startupTasks)
        {
            await task.ExecuteAsync(cancellationToken);
        }

        runtime.Start();
        if (services.GetService<ClusterMembership>() is { } membership)
        {
            await JoinClusterAsync(membership, cancellationToken);
        }

        if (reminders.IsConfigured)
        {
            _reminderService = services.GetRequiredService<ReminderService>();
            _reminderService.Start();
        }

        services.GetRequiredService<LocalSiloDetails>().ServingCheck = _membership is { } member ? () => member.IsServing : static () => true;

        RuntimeLog.SiloStarted(logger, silo.Value.SiloName, silo.Value.ServiceId, classes.All.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(collection.Value.DeactivationTimeout);
        services.GetRequiredService<LocalSiloDetails>().ServingCheck = static () => false;
        if (_reminderService is not null)
        {
            await _reminderService.StopAsync(timeout.Token);
        }

        if (_membership is { } membership)
        {
            // Others stop placing grains here; calls that still arrive are passed on to the new owners.
            await membership.BeginLeavingAsync(timeout.Token);
        }

        await runtime.ShutdownAsync(timeout.Token);
        if (_membership is { } member)
        {
            await services.GetRequiredService<IGrainDirectory>().UnregisterSiloAsync(member.Self.Id, timeout.Token);
            await member.LeaveAsync(timeout.Token);
            await services.GetRequiredService<SiloEndpoint>().DisposeAsync();
        }
    }

    /// <summary>Opens the endpoint, then joins: until the join the endpoint answers that it is not serving.</summary>
    private async Task JoinClusterAsync(ClusterMembership membership, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        if (options.RequiresSecret && string.IsNullOrWhiteSpace(options.ClusterSecret))
        {
            RuntimeLog.NoClusterSecret(logger);
        }

        var port = await services.GetRequiredService<SiloEndpoint>().StartAsync(cancellationToken);
        var self = new SiloAddress(options.HostToAdvertise, port, time.GetUtcNow().ToUnixTimeMilliseconds());
        runtime.AttachCluster(
            membership,
            services.GetRequiredService<IGrainDirectory>(),
            services.GetRequiredService<GrainCallSender>(),
            services.GetRequiredService<ClusterSecret>(),
            options);
        var sender = services.GetRequiredService<GrainCallSender>();
        var credentials = new System.Net.Http.Headers.AuthenticationHeaderValue(WireHeaders.ClusterScheme, services.GetRequiredService<ClusterSecret>().Value);
        membership.RequestRefresh = (silo, ct) => sender.RequestRefreshAsync(silo.Endpoint, credentials, ct);
        membership.ViewChanged += view => RuntimeLog.ViewChanged(logger, view.Silos.Count, string.Join(", ", view.Silos));
        await membership.JoinAsync(self, cancellationToken);
        services.GetRequiredService<LocalSiloDetails>().Address = self;
        _membership = membership;
    }
}
