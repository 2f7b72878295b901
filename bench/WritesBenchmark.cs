using System.Text.Json;
using BudgetActors.Benchmarks.Grains;
using BudgetActors.Benchmarks.Load;
using BudgetActors.Grains;
using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;

namespace BudgetActors.Benchmarks;

/// <summary>
/// (b) Persisted writes: a grain's <c>WriteStateAsync</c> through Orleans' ADO.NET grain storage on the
/// workflow's own queries (<c>grains/Migrations/0004_orleans_storage.sql</c>) against a raw Npgsql upsert of
/// the same row (same table shape, same bytes) at the same concurrency, on one throwaway PostgreSQL. Each
/// caller writes its own row, as each grain does.
/// </summary>
internal static class WritesBenchmark
{
    private const int Callers = 32;
    private const string Service = "bench-writes";

    public static async Task RunAsync(TimeSpan measured, int rounds, TextWriter output)
    {
        output.WriteLine("writes: starting PostgreSQL and a silo on it ...");
        await using var server = await PostgresServer.StartAsync(CancellationToken.None);
        var database = await server.CreateDatabaseAsync("bench", CancellationToken.None);
        await using var silo = await BenchSilo.StartWorkflowAsync(Service, s =>
        {
            s.UsePostgresWorkflowStore(database);
            s.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => o.JsonSerializerOptions.TypeInfoResolverChain.Add(BenchJsonContext.Default));
        });
        var writers = Enumerable.Range(0, Callers).Select(i => silo.Grains.GetGrain<IWriterGrain>((string)$"writer-{i}")).ToArray();

        await using (var admin = NpgsqlDataSource.Create(database))
        await using (var create = admin.CreateCommand("CREATE TABLE raw_storage (LIKE orleans_storage INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var raw = DataSource(database, prepared: false);
        await using var prepared = DataSource(database, prepared: true);
        var results = await Rounds.MeasureAsync(
            [
                Contender.Of("WriteStateAsync (ADO.NET storage, our queries)", (caller, i) => writers[caller].WriteAsync(i)),
                Contender.Of("raw Npgsql upsert", (caller, i) => UpsertAsync(raw, caller, i)),
                Contender.Of("raw Npgsql upsert, auto-prepared", (caller, i) => UpsertAsync(prepared, caller, i)),
            ],
            Callers, measured, rounds, output);

        var table = new ResultTable($"writes benchmark ({Environment.ProcessorCount} cores; PostgreSQL on this machine; {Callers} callers, each its own row; median of {rounds} rounds of {measured.TotalSeconds:0} s)");
        for (var c = 1; c < results.Length; c++)
        {
            var ratio = results[0].PerSecond / results[c].PerSecond;
            table.Add("persisted writes through Orleans", results[0].Describe(), $"{(c == 1 ? "raw" : "raw, prepared")}: {results[c].Describe()}", $"{ratio:0.00}", ">= 0.80 of raw", ratio >= 0.8);
        }

        table.Print(output);
    }

    private static NpgsqlDataSource DataSource(string connectionString, bool prepared)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (prepared)
        {
            builder.MaxAutoPrepare = 16;
            builder.AutoPrepareMinUsages = 2;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The baseline: the row the storage writes for the caller's grain, upserted in one plain statement.</summary>
    private static async Task UpsertAsync(NpgsqlDataSource dataSource, int caller, long version)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO raw_storage (grain_id_hash, grain_id_n0, grain_id_n1, service_id, state_name, grain_id_extension, payload, version, modified_at)
            VALUES ($1, 0, 0, $2, 'bench-writer', $3, $4, 1, now())
            ON CONFLICT (grain_id_hash, grain_id_n1, grain_id_n0, service_id, state_name, grain_id_extension)
            DO UPDATE SET payload = excluded.payload, version = raw_storage.version + 1, modified_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = caller });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Service });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"writer-{caller}" });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = JsonSerializer.SerializeToUtf8Bytes(WriterState.Sample(version), BenchJsonContext.Default.WriterState), NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync();
    }
}
