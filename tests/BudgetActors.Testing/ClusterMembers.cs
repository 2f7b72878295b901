using System.Diagnostics;
using Npgsql;

namespace BudgetActors.Testing;

/// <summary>
/// The silos Orleans' membership table holds as active (status 3), as <c>port/generation</c>: what tests
/// and benchmarks watch to see a silo join, be declared dead and come back with a new generation.
/// </summary>
public static class ClusterMembers
{
    private const int Active = 3;

    public static async Task<string[]> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT port, generation FROM orleans_membership WHERE status = $1 ORDER BY port", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Active });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add($"{reader.GetInt32(0)}/{reader.GetInt32(1)}");
        }

        return [.. members];
    }

    /// <summary>Reads the active members until <paramref name="done"/> holds (asking every 100 ms), or fails after <paramref name="limit"/>.</summary>
    public static async Task<string[]> WaitUntilAsync(string connectionString, Func<string[], bool> done, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var members = await ReadAsync(connectionString, cancellationToken);
            if (done(members))
            {
                return members;
            }

            if (started.Elapsed > limit)
            {
                throw new TimeoutException($"The membership did not get there within {limit.TotalSeconds:0} s: {string.Join(", ", members)}");
            }

            await tick.WaitForNextTickAsync(cancellationToken);
        }
    }
}
