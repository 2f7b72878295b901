using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Postgres;

/// <summary>Registers the schema migration a silo runs before it starts.</summary>
public static class PostgresSchemaMigrationExtensions
{
    /// <summary>
    /// Migrates the database at <paramref name="connectionString"/> (with <paramref name="sources"/>,
    /// default <see cref="MigrationSource.Workflow"/>) when the host starts, before any other hosted
    /// service. The host starts hosted services one after another in registration order (unless
    /// <c>HostOptions.ServicesStartConcurrently</c> is set, which this needs off), so the migration is
    /// inserted first, whether this is called before or after <c>UseOrleans</c>.
    /// </summary>
    public static IServiceCollection AddPostgresSchemaMigration(this IServiceCollection services, string connectionString, params MigrationSource[] sources)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        IReadOnlyList<MigrationSource> migrations = sources.Length == 0 ? [MigrationSource.Workflow] : sources;
        var first = services.Select((descriptor, index) => (descriptor, index))
            .FirstOrDefault(d => d.descriptor.ServiceType == typeof(IHostedService));
        var migration = ServiceDescriptor.Singleton<IHostedService>(sp =>
            new PostgresSchemaMigration(connectionString, migrations, sp.GetRequiredService<ILogger<PostgresSchemaMigration>>()));
        services.Insert(first.descriptor is null ? services.Count : first.index, migration);
        return services;
    }
}
