using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime.Tests;

public sealed class SiloStatisticsTests
{
    [Fact]
    public async Task Counts_calls_failures_and_activations_per_grain_type_and_the_calls_of_an_interval()
    {
        await using var silo = await TestSilo.StartAsync();
        var statistics = silo.Services.GetRequiredService<SiloStatistics>();
        var before = statistics.Calls.AllCalls();

        await silo.Client.GetGrain<ITurnGrain>(TestSilo.NewKey("stats")).PingAsync();
        await silo.Client.GetGrain<ITurnGrain>(TestSilo.NewKey("stats")).PingAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => silo.Client.GetGrain<ITurnGrain>(TestSilo.NewKey("stats")).ThrowAsync("no"));

        var ping = Assert.Single(statistics.Calls.Snapshot(), m => m.Method == nameof(ITurnGrain.PingAsync));
        Assert.Equal((2, 0), (ping.Calls, ping.Failures));
        var thrown = Assert.Single(statistics.Calls.Snapshot(), m => m.Method == nameof(ITurnGrain.ThrowAsync));
        Assert.Equal((1, 1), (thrown.Calls, thrown.Failures));
        Assert.Equal(3, statistics.ActivationsByType().Values.Sum());

        var interval = statistics.Calls.AllCalls().Since(before);
        Assert.Equal(3, interval.Count);
        Assert.True(interval.Percentile(0.99) >= interval.Percentile(0.5));
        Assert.Equal(0, statistics.Calls.AllCalls().Since(statistics.Calls.AllCalls()).Count);
        Assert.Equal(TimeSpan.Zero, LatencyDistribution.Empty.Percentile(0.99));
    }

    [Fact]
    public void Calls_recorded_from_many_threads_at_once_are_all_counted_with_their_percentiles()
    {
        // Recording takes no lock: each processor counts into its own stripe, and a thread that moves to another
        // processor mid-record still counts into one of them with an interlocked increment.
        var statistics = new CallStatistics(TimeProvider.System);
        var method = new GrainMethod("test.recording", isReadOnly: false, alwaysInterleave: false);
        var fast = (long)(TimeProvider.System.TimestampFrequency / 1e6);
        var slow = (long)(TimeProvider.System.TimestampFrequency / 1e3);
        const int PerThread = 100_000;
        var threads = Environment.ProcessorCount * 2;

        // 98 calls in 100 take 1 us and succeed; one takes 1 ms and succeeds, one takes 1 ms and fails.
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                statistics.Record(method, i % 100 < 98 ? fast : slow, failed: i % 100 == 99);
            }
        });

        var snapshot = Assert.Single(statistics.Snapshot());
        Assert.Equal((threads * PerThread, threads * PerThread / 100), (snapshot.Calls, snapshot.Failures));
        Assert.InRange(snapshot.P50, TimeSpan.FromMicroseconds(0.875), TimeSpan.FromMicroseconds(1.125));
        Assert.InRange(snapshot.P99, TimeSpan.FromMilliseconds(0.875), TimeSpan.FromMilliseconds(1.125));
        Assert.Equal(threads * PerThread, statistics.AllCalls().Count);

        statistics.Enabled = false;
        statistics.Record(method, fast, failed: true);
        Assert.Equal((threads * PerThread, threads * PerThread / 100), (statistics.Snapshot()[0].Calls, statistics.Snapshot()[0].Failures));
    }

    [Fact]
    public async Task Knows_this_silo_and_the_live_silos_of_its_cluster()
    {
        await using var silo = await TestSilo.StartAsync(s => s.UseClustering().Configure<ClusterOptions>(o =>
        {
            o.Port = 0;
            o.ClusterSecret = "stats-secret";
        }));
        var statistics = silo.Services.GetRequiredService<SiloStatistics>();

        Assert.NotNull(statistics.Silo.Address);
        Assert.Equal([statistics.Silo.Address], statistics.ClusterSilos());
        Assert.False(string.IsNullOrEmpty(statistics.Silo.Name));
    }
}
