using BudgetActors.Grains.Security;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// Gives this silo the service's shared caller mark (see <see cref="SiloCallers"/>) at start, right after the
/// schema is migrated and before the silo takes calls: the first silo stores a new one, every later one reads it.
/// </summary>
internal sealed class SharedSiloMark(string connectionString, PostgresDataSources dataSources, SiloCallers callers, IOptions<ClusterOptions> cluster)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SharedSiloMark), ServiceLifecycleStage.First + 1, ShareAsync);

    private async Task ShareAsync(CancellationToken cancellationToken)
    {
        // One statement sees one snapshot: a silo that lost the race to insert finds the winner's row on its
        // second try, once that insert has committed.
        for (var attempt = 0; ; attempt++)
        {
            await using var command = dataSources.Get(connectionString).CreateCommand("""
                WITH inserted AS (
                    INSERT INTO silo_marks (service_id, mark) VALUES ($1, $2) ON CONFLICT (service_id) DO NOTHING RETURNING mark)
                SELECT mark FROM inserted UNION ALL SELECT mark FROM silo_marks WHERE service_id = $1 LIMIT 1
                """);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SiloCallers.NewMark() });
            if (await command.ExecuteScalarAsync(cancellationToken) is string mark)
            {
                callers.ShareMark(mark);
                return;
            }

            if (attempt == 2)
            {
                throw new InvalidOperationException("The service's silo mark could not be stored or read in silo_marks.");
            }
        }
    }
}
