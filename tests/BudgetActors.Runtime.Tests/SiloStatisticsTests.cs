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

    [Fact]
    public async Task A_report_crosses_the_wire_with_its_latency_distribution_and_distributions_of_several_silos_add_up()
    {
        await using var silo = await TestSilo.StartAsync();
        var statistics = silo.Services.GetRequiredService<SiloStatistics>();
        for (var i = 0; i < 5; i++)
        {
            await silo.Client.GetGrain<ITurnGrain>(TestSilo.NewKey("wire")).PingAsync();
        }

        var report = statistics.Report();
        var json = System.Text.Json.JsonSerializer.Serialize(report, TransportJsonContext.Default.SiloReport);
        var read = System.Text.Json.JsonSerializer.Deserialize(json, TransportJsonContext.Default.SiloReport)!;

        var sent = Assert.Single(report.Methods, m => m.Method == nameof(ITurnGrain.PingAsync));
        var received = Assert.Single(read.Methods, m => m.Method == nameof(ITurnGrain.PingAsync));
        Assert.Equal((sent.Calls, sent.Latency.Count, sent.P50, sent.P99), (received.Calls, received.Latency.Count, received.P50, received.P99));
        Assert.Equal(report.Activations, read.Activations);
        Assert.Equal(2 * sent.Latency.Count, sent.Latency.Add(received.Latency).Count);
        Assert.Equal(sent.P99, sent.Latency.Add(received.Latency).Percentile(0.99));
    }

    [Fact]
    public async Task A_live_member_that_does_not_answer_is_reported_as_unreachable_without_holding_up_the_others()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var membership = TestCluster.MembershipOf(cluster.Silos[0]);

        // A member whose process died a moment ago: its row is still live, nothing listens at its address.
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var gone = new SiloAddress("127.0.0.1", port, 1);
        var now = cluster.Time.GetUtcNow();
        await cluster.Membership.JoinAsync(new MembershipEntry(gone, "gone", SiloStatus.Active, now, now, 0), TestContext.Current.CancellationToken);
        await membership.RefreshAsync(TestContext.Current.CancellationToken);

        var reports = await cluster.Silos[0].Services.GetRequiredService<SiloStatistics>().ReportClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, reports.Count);
        var unreachable = Assert.Single(reports, r => !r.Reachable);
        Assert.Equal(gone.Id, unreachable.Silo);
        Assert.Empty(unreachable.Methods);
        Assert.All(reports.Where(r => r != unreachable), r => Assert.True(r.IsServing));
    }
}
