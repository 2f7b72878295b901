using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>
/// Puts a silo on the network: <c>UseClustering()</c> alone gives a single silo clients can call;
/// <c>UsePostgresClustering(...)</c> makes it one of several silos sharing a PostgreSQL membership table
/// and grain directory.
/// </summary>
public static class ClusterHostingExtensions
{
    /// <summary>Opens the silo's endpoint for clients (and, with a shared membership table, other silos).</summary>
    public static ISiloBuilder UseClustering(this ISiloBuilder silo, Action<ClusterOptions>? configure = null)
    {
        var services = silo.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(s => s.ServiceType == typeof(ClusterMembership)))
        {
            return silo;
        }

        services.AddOptions<ClusterOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.TryAddSingleton<IMembershipTable>(new MemoryMembershipTable());
        services.TryAddSingleton<IGrainDirectory>(sp => new MemoryGrainDirectory((MemoryMembershipTable)sp.GetRequiredService<IMembershipTable>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterSecret is { Length: > 0 } secret
            ? new ClusterSecret(secret)
            : ClusterSecret.Random());
        services.AddSingleton<ClusterMembership>();
        services.AddSingleton<CallCodec>();
        services.AddSingleton<GrainCallSender>();
        services.AddSingleton(sp => new SiloEndpoint(
            sp.GetRequiredService<GrainRuntime>(),
            sp.GetRequiredService<ClusterMembership>(),
            sp.GetRequiredService<CallCodec>(),
            sp.GetRequiredService<ClusterSecret>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value,
            sp.GetService<ICallerAuthenticator>(),
            sp.GetRequiredService<SiloStatistics>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SiloEndpoint>>()));
        return silo;
    }

    /// <summary>
    /// Several silos on one PostgreSQL: membership with heartbeats and death detection, and the grain
    /// directory that keeps each grain to one activation. <see cref="ClusterOptions.ClusterSecret"/> is required.
    /// </summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, Action<PostgresStorageOptions> configure, Action<ClusterOptions>? cluster = null)
    {
        var options = PostgresStorageOptions.Configured(configure, "clustering");
        silo.AddPostgresSchema(options.ConnectionString);
        silo.Services.AddSingleton<IMembershipTable>(sp => new PostgresMembershipTable(
            sp.GetRequiredService<PostgresDataSources>().Get(options.ConnectionString), ServiceId(sp)));
        silo.Services.AddSingleton<IGrainDirectory>(sp => new PostgresGrainDirectory(
            sp.GetRequiredService<PostgresDataSources>().Get(options.ConnectionString), ServiceId(sp)));
        return silo.UseSharedClustering(cluster);
    }

    /// <summary>Several silos in one process sharing a membership table in memory (tests).</summary>
    public static ISiloBuilder UseMemoryClustering(this ISiloBuilder silo, MemoryMembershipTable table, MemoryGrainDirectory directory, Action<ClusterOptions>? cluster = null)
    {
        silo.Services.AddSingleton<IMembershipTable>(table);
        silo.Services.AddSingleton<IGrainDirectory>(directory);
        return silo.UseSharedClustering(cluster);
    }

    private static ISiloBuilder UseSharedClustering(this ISiloBuilder silo, Action<ClusterOptions>? cluster)
    {
        silo.Services.Configure<ClusterOptions>(o => o.RequiresSecret = true);
        return silo.UseClustering(cluster);
    }

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId;
}
