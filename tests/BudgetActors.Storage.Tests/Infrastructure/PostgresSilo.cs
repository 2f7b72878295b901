using System.Net;
using System.Net.Sockets;
using BudgetActors.Grains.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BudgetActors.Storage.Tests;

/// <summary>
/// A real silo (TCP on loopback, its own ports) wired the way a BudgetActors silo wires PostgreSQL:
/// schema migrated at start, ADO.NET clustering, grain storage and reminders on the migrated schema,
/// grain state as System.Text.Json.
/// </summary>
public sealed class PostgresSilo : IAsyncDisposable
{
    public const string Invariant = OrleansAdoNet.Invariant;

    public const string ServiceId = "budgetactors-tests";

    /// <summary>A second storage provider, on the same table, that deletes the row on clear.</summary>
    public const string DeletingStorage = "deleting";

    private bool _stopped;

    private PostgresSilo(IHost host, int gatewayPort)
    {
        Host = host;
        GatewayPort = gatewayPort;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public int GatewayPort { get; }

    public static async Task<PostgresSilo> StartAsync(string connectionString, string clusterId, CancellationToken cancellationToken)
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<PostgresDataSources>();
        builder.Services.AddSingleton<ReminderTicks>();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });

            // Storage through the silo's shared data source (statements prepared per connection), the
            // other providers through a plain connection string: both are supported.
            silo.AddAdoNetGrainStorage(StoredCounterGrain.Storage, (OptionsBuilder<AdoNetGrainStorageOptions> o) =>
                o.Configure<PostgresDataSources>((options, sources) =>
                {
                    options.Invariant = Invariant;
                    options.DataSource = sources.Get(connectionString);
                }));
            silo.AddAdoNetGrainStorage(DeletingStorage, (OptionsBuilder<AdoNetGrainStorageOptions> o) =>
                o.Configure<PostgresDataSources>((options, sources) =>
                {
                    options.Invariant = Invariant;
                    options.DataSource = sources.Get(connectionString);
                    options.DeleteStateOnClear = true;
                }));
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });

        // After UseOrleans on purpose: the migration must still run before the silo starts.
        builder.Services.AddPostgresSchemaMigration(connectionString);

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new PostgresSilo(host, gatewayPort);
    }

    /// <summary>A graceful shutdown: the silo marks itself Dead in the membership table.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Host.StopAsync(guard.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
