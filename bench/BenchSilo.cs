using System.Net;
using BudgetActors.Grains;
using BudgetActors.Grains.Security;
using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Providers;

namespace BudgetActors.Benchmarks;

/// <summary>
/// A silo in this process on loopback (localhost clustering), started for one contender of a benchmark.
/// Calls made through <see cref="Grains"/> are in-silo calls: the silo's own code calling grains, as the
/// REST API co-hosted in each silo does.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host, IPEndPoint endpoint)
    {
        _host = host;
        Endpoint = endpoint;
    }

    /// <summary>The silo-to-silo endpoint (the primary silo of a cluster is named by it).</summary>
    public IPEndPoint Endpoint { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>How the silo's own code calls workflow grains as a user (a workflow silo only).</summary>
    public SiloCallers Callers => _host.Services.GetRequiredService<SiloCallers>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Plain Orleans with in-memory storage and reminders: nothing of the workflow is added.</summary>
    public static Task<BenchSilo> StartBareAsync(string service, IPEndPoint? primary = null) =>
        StartAsync(service, primary, silo => silo
            .AddMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .UseInMemoryReminderService());

    /// <summary>
    /// The workflow as the silo runs it (<see cref="WorkflowHostingExtensions.AddBudgetWorkflow"/>: the caller
    /// filter, System.Text.Json state), on in-memory storage unless <paramref name="configure"/> says otherwise.
    /// </summary>
    public static Task<BenchSilo> StartWorkflowAsync(string service, Action<ISiloBuilder>? configure = null, IPEndPoint? primary = null) =>
        StartAsync(service, primary, silo =>
        {
            silo.AddBudgetWorkflow();
            if (configure is null)
            {
                silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).UseInMemoryReminderService();
            }
            else
            {
                configure(silo);
            }
        });

    private static async Task<BenchSilo> StartAsync(string service, IPEndPoint? primary, Action<ISiloBuilder> configure)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, SiloProcess.FreePort());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(endpoint.Port, SiloProcess.FreePort(), primary, serviceId: service, clusterId: service);
            configure(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
