using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// Migrates every PostgreSQL database the silo uses (each once) at the very first stage of the silo's
/// start, before Orleans' membership, storage or reminders read a table.
/// </summary>
internal sealed class PostgresSchemaMigration(IEnumerable<PostgresSchema> schemas, PostgresDataSources dataSources, ILoggerFactory loggers)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaMigration), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var connectionString in schemas.Select(s => s.ConnectionString).Distinct())
        {
            var migrator = new SchemaMigrator(dataSources.Get(connectionString), loggers.CreateLogger<SchemaMigrator>());
            await migrator.MigrateAsync(cancellationToken);
        }
    }
}
