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
    private const int WriteRounds = 3;
    private const int IdleActivations = 100_000;

    /// <summary>Measures every figure, or only <paramref name="only"/> ("calls", "memory" or "writes").</summary>
    public static async Task RunAsync(TimeSpan measured, string? only, TextWriter output)
    {
        var warmUp = TimeSpan.FromSeconds(Math.Max(1, measured.TotalSeconds / 3));
        var table = new ResultTable($"runtime benchmark ({Environment.ProcessorCount} cores, {measured.TotalSeconds:0} s per figure)");

        if (only is null or "calls")
        {
            await MeasureCallsAsync(table, warmUp, measured, output);
        }

        if (only is null or "memory")
        {
            await MeasureMemoryAsync(table, output);
        }

        if (only is null or "writes")
        {
            await MeasureWritesAsync(table, warmUp, measured, output);
        }

        table.Print(output);
    }

    private static async Task MeasureCallsAsync(ResultTable table, TimeSpan warmUp, TimeSpan measured, TextWriter output)
    {
        using var host = await StartSiloAsync(silo => silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage));
        var client = host.Services.GetRequiredService<IClusterClient>();
        var pings = Enumerable.Range(0, PingGrains).Select(i => client.GetGrain<IPingGrain>($"ping-{i}")).ToArray();
        var relays = Enumerable.Range(0, PingGrains).Select(i => client.GetGrain<IRelayGrain>($"relay-{i}")).ToArray();
        await Task.WhenAll(pings.Select(g => g.PingAsync(0)).Concat(relays.Select(g => g.RelayAsync(0))));

        foreach (var callers in new[] { 512, 64 })
        {
            // Spread callers over the grains so that concurrent callers mostly reach different grains.
            static int Pick(int caller, long i) => (int)(((caller * 7919L) + i) % PingGrains);

            output.WriteLine($"in-silo calls: {callers} callers from outside grains, over {PingGrains:N0} grains ...");
            var direct = await LoadRun.RunAsync(callers, warmUp, measured, (caller, i) => pings[Pick(caller, i)].PingAsync(1));
            output.WriteLine($"in-silo calls: {callers} callers through relay grains (one grain-to-grain call each) ...");
            var relayed = await LoadRun.RunAsync(callers, warmUp, measured, (caller, i) => relays[Pick(caller, i)].RelayAsync(1));

            var fullLoad = callers == 512;
            table.Add($"grain calls/s from outside grains, {callers} callers", $"{direct.PerSecond:N0}", "", "", fullLoad ? ">= 1,000,000/s" : "", !fullLoad || direct.PerSecond >= 1_000_000);
            table.Add($"  latency", $"p50 {Ms(direct.P50)}, p99 {Ms(direct.P99)}", "", "", fullLoad ? "" : "p99 < 1 ms", fullLoad || direct.P99 < TimeSpan.FromMilliseconds(1));
            table.Add($"grain calls/s via a relay grain, {callers} callers", $"{2 * relayed.PerSecond:N0} ({relayed.PerSecond:N0} requests/s x 2 calls)", "", "", fullLoad ? ">= 1,000,000/s" : "", !fullLoad || 2 * relayed.PerSecond >= 1_000_000);
            table.Add($"  latency per request (2 calls)", $"p50 {Ms(relayed.P50)}, p99 {Ms(relayed.P99)}", "", "", fullLoad ? "" : "p99 < 1 ms", fullLoad || relayed.P99 < TimeSpan.FromMilliseconds(1));
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

        // The same row shape as grain_state (four-part key, jsonb, version), so the ratio is the runtime's own cost.
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        await using (var create = admin.CreateCommand("CREATE TABLE raw_state (LIKE grain_state INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var raw = RawDataSource(connectionString, prepared: false);
        await using var rawPrepared = RawDataSource(connectionString, prepared: true);
        var contenders = new (string Name, Func<int, long, Task> Write)[]
        {
            ("WriteStateAsync", (caller, i) => grains[caller].WriteAsync((int)i)),
            ("raw Npgsql", (caller, i) => RawUpsertAsync(raw, caller, i)),
            ("raw Npgsql, auto-prepared", (caller, i) => RawUpsertAsync(rawPrepared, caller, i)),
        };

        // Everything runs once to warm up (JIT tiers, pools, PostgreSQL caches). Then each is measured in
        // several rounds, taking turns in a rotating order, and the median round of each is reported: the
        // database's own pace drifts over a run (checkpoints, vacuum, a table that grows), and one window per
        // contender in a fixed order put that drift on whichever came first.
        for (var c = 0; c < contenders.Length; c++)
        {
            output.WriteLine($"persisted writes (warm-up): {contenders[c].Name}, {WriteConcurrency} callers ...");
            await LoadRun.RunAsync(WriteConcurrency, warmUp, warmUp, contenders[c].Write);
        }

        var rounds = contenders.Select(_ => new List<LoadResult>()).ToArray();
        for (var round = 0; round < WriteRounds; round++)
        {
            for (var turn = 0; turn < contenders.Length; turn++)
            {
                var c = (round + turn) % contenders.Length;
                output.WriteLine($"persisted writes (round {round + 1} of {WriteRounds}): {contenders[c].Name}, {WriteConcurrency} callers ...");
                rounds[c].Add(await LoadRun.RunAsync(WriteConcurrency, warmUp, measured, contenders[c].Write));
            }
        }

        var results = rounds.Select(r => r.OrderBy(x => x.PerSecond).ElementAt(r.Count / 2)).ToArray();
        var grain = results[0];
        for (var c = 1; c < contenders.Length; c++)
        {
            var ratio = grain.PerSecond / results[c].PerSecond;
            table.Add(
                $"persisted writes/s, {WriteConcurrency} callers",
                $"{grain.PerSecond:N0} (p99 {Ms(grain.P99)}, {Us(grain.CpuPerOperation)} CPU/write)",
                $"{results[c].PerSecond:N0} {contenders[c].Name} (p99 {Ms(results[c].P99)}, {Us(results[c].CpuPerOperation)} CPU/write)",
                $"{ratio:0.00}",
                ">= 0.70 of raw",
                ratio >= 0.7);
        }

        await host.StopAsync();
    }

    private static NpgsqlDataSource RawDataSource(string connectionString, bool prepared)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (prepared)
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The baseline: each caller upserts its own row with plain Npgsql.</summary>
    private static async Task RawUpsertAsync(NpgsqlDataSource dataSource, int caller, long i)
    {
        var state = new SmallState { Value = (int)i, Total = i * 1.25m };
        await using var command = dataSource.CreateCommand("""
            INSERT INTO raw_state (service_id, grain_type, grain_key, state_name, state, version) VALUES ($1, $2, $3, $4, $5, 1)
            ON CONFLICT (service_id, grain_type, grain_key, state_name) DO UPDATE SET state = excluded.state, version = raw_state.version + 1, modified_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "bench" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "writer" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"writer-{caller}" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "small" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(state, BenchJsonContext.Default.SmallState), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<IHost> StartSiloAsync(Action<ISiloBuilder> storage)
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

    internal static string Ms(TimeSpan span) =>
        span < TimeSpan.FromMilliseconds(1) ? $"{span.TotalMicroseconds:0.0} us" : $"{span.TotalMilliseconds:0.00} ms";

    private static string Us(TimeSpan span) => $"{span.TotalMicroseconds:0} us";
}
