using System.Text.Json;
using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BudgetActors.Benchmarks;

/// <summary>
/// The runtime's three figures, each measured in this run next to its target or baseline: in-silo call
/// throughput and latency, persisted writes against a raw Npgsql upsert loop, memory per idle activation.
/// </summary>
internal static class RuntimeBenchmark
{
    private const int PingGrains = 10_000;
    private const int WriteConcurrency = 32;
    private const int IdleActivations = 100_000;

    public static async Task RunAsync(TimeSpan measured, TextWriter output)
    {
        var warmUp = TimeSpan.FromSeconds(Math.Max(1, measured.TotalSeconds / 3));
        var table = new ResultTable($"runtime benchmark ({Environment.ProcessorCount} cores, {measured.TotalSeconds:0} s per figure)");

        await MeasureCallsAsync(table, warmUp, measured, output);
        await MeasureMemoryAsync(table, output);
        await MeasureWritesAsync(table, warmUp, measured, output);

        table.Print(output);
    }

    private static async Task MeasureCallsAsync(ResultTable table, TimeSpan warmUp, TimeSpan measured, TextWriter output)
    {
        using var host = await StartSiloAsync(silo => silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage));
        var client = host.Services.GetRequiredService<IClusterClient>();
        var grains = Enumerable.Range(0, PingGrains).Select(i => client.GetGrain<IPingGrain>($"ping-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.PingAsync(0)));

        foreach (var callers in new[] { 512, 64 })
        {
            output.WriteLine($"in-silo calls: {callers} callers over {PingGrains:N0} grains ...");
            var result = await LoadRun.RunAsync(callers, warmUp, measured, (caller, i) => grains[(int)(((caller * 7919L) + i) % PingGrains)].PingAsync(1));
            table.Add($"in-silo grain calls/s, {callers} callers", $"{result.PerSecond:N0}", "", "", ">= 1,000,000/s at full load", callers != 512 || result.PerSecond >= 1_000_000);
            table.Add($"call latency, {callers} callers", $"p50 {Ms(result.P50)}, p99 {Ms(result.P99)}", "", "", callers == 64 ? "p99 < 1 ms" : "", callers != 64 || result.P99 < TimeSpan.FromMilliseconds(1));
        }

        await host.StopAsync();
    }

    private static async Task MeasureMemoryAsync(ResultTable table, TextWriter output)
    {
        output.WriteLine($"memory: activating {IdleActivations:N0} grains with small state ...");
        using var host = await StartSiloAsync(silo => silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage));
        var client = host.Services.GetRequiredService<IClusterClient>();
        var grains = Enumerable.Range(0, IdleActivations).Select(i => client.GetGrain<IWriterGrain>($"idle-{i}")).ToArray();
        await grains[0].ReadAsync();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var chunk in grains.Chunk(1000))
        {
            await Task.WhenAll(chunk.Select(g => g.ReadAsync()));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perActivation = (after - before) / (double)(IdleActivations - 1);
        table.Add("memory per idle activation", $"{perActivation:N0} bytes", "", "", "< 2 KB", perActivation < 2048);
        GC.KeepAlive(grains);
        await host.StopAsync();
    }

    private static async Task MeasureWritesAsync(ResultTable table, TimeSpan warmUp, TimeSpan measured, TextWriter output)
    {
        output.WriteLine("persisted writes: starting PostgreSQL ...");
        await using var server = await PostgresServer.StartAsync(CancellationToken.None);
        var connectionString = await server.CreateDatabaseAsync("bench", CancellationToken.None);

        using var host = await StartSiloAsync(silo => silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorage, o => o.ConnectionString = connectionString));
        var client = host.Services.GetRequiredService<IClusterClient>();
        var grains = Enumerable.Range(0, WriteConcurrency).Select(i => client.GetGrain<IWriterGrain>($"writer-{i}")).ToArray();
        output.WriteLine($"persisted writes: WriteStateAsync, {WriteConcurrency} callers ...");
        var grainWrites = await LoadRun.RunAsync(WriteConcurrency, warmUp, measured, (caller, i) => grains[caller].WriteAsync((int)i));
        await host.StopAsync();

        output.WriteLine($"persisted writes: raw Npgsql upsert, {WriteConcurrency} callers ...");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("CREATE TABLE raw_state (k text PRIMARY KEY, state jsonb NOT NULL, version bigint NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var rawWrites = await LoadRun.RunAsync(WriteConcurrency, warmUp, measured, async (caller, i) =>
        {
            var state = new SmallState { Value = (int)i, Total = i * 1.25m };
            await using var command = dataSource.CreateCommand(
                "INSERT INTO raw_state (k, state, version) VALUES ($1, $2, 1) ON CONFLICT (k) DO UPDATE SET state = excluded.state, version = raw_state.version + 1");
            command.Parameters.Add(new NpgsqlParameter { Value = $"writer-{caller}" });
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(state, BenchJsonContext.Default.SmallState), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
            await command.ExecuteNonQueryAsync();
        });

        var ratio = grainWrites.PerSecond / rawWrites.PerSecond;
        table.Add(
            $"persisted writes/s, {WriteConcurrency} callers",
            $"{grainWrites.PerSecond:N0} (p99 {Ms(grainWrites.P99)})",
            $"{rawWrites.PerSecond:N0} raw Npgsql (p99 {Ms(rawWrites.P99)})",
            $"{ratio:0.00}",
            ">= 0.70 of raw",
            ratio >= 0.7);
    }

    private static async Task<IHost> StartSiloAsync(Action<ISiloBuilder> storage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseBudgetActorsSilo(silo =>
        {
            silo.UseLocalhostClustering("bench")
                .AddGrains(typeof(RuntimeBenchmark).Assembly)
                .AddJsonSerializerContext(BenchJsonContext.Default);
            storage(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:0.000} ms";
}
