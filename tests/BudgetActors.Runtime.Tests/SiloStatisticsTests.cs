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
