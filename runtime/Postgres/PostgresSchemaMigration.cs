using Microsoft.Extensions.Logging;

namespace BudgetActors.Runtime;

/// <summary>Migrates, before the silo serves calls, every PostgreSQL database its providers use (each once).</summary>
internal sealed class PostgresSchemaMigration(IEnumerable<PostgresSchema> schemas, IEnumerable<MigrationSource> sources, PostgresDataSources dataSources, ILoggerFactory loggers) : ISiloStartupTask
{
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        foreach (var connectionString in schemas.Select(s => s.ConnectionString).Distinct())
        {
            var migrator = new SchemaMigrator(dataSources.Get(connectionString), loggers.CreateLogger<SchemaMigrator>(), [MigrationSource.Runtime, .. sources]);
            await migrator.MigrateAsync(cancellationToken);
        }
    }
}
