using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// Migrates a PostgreSQL database when the host starts. Register it with
/// <see cref="PostgresSchemaMigrationExtensions.AddPostgresSchemaMigration"/>, which puts it ahead of every
/// other hosted service: Orleans' silo is one, and its ADO.NET providers read their queries from the
/// schema while it starts.
/// </summary>
public sealed class PostgresSchemaMigration(string connectionString, IEnumerable<MigrationSource> sources, ILogger<PostgresSchemaMigration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        SchemaMigrator.MigrateAsync(connectionString, sources, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
