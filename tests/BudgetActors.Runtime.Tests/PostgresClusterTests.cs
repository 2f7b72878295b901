using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime.Tests;

/// <summary>Silos sharing PostgreSQL membership, directory and storage, while the membership changes under a stream of calls.</summary>
public sealed class PostgresClusterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private readonly FakeTimeProvider _time = new(TestSilo.Epoch);

    public async ValueTask InitializeAsync() =>
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresClusterTests), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task One_activation_per_grain_while_silos_join_and_leave_during_a_stream_of_calls()
    {
        var silos = new List<TestSilo> { await StartSiloAsync(), await StartSiloAsync(), await StartSiloAsync() };
        var keys = Enumerable.Range(0, 16).Select(i => TestSilo.NewKey($"raced-{i}")).ToList();
        var succeeded = keys.ToDictionary(k => k, _ => 0);
        var failures = new List<Exception>();
        try
        {
            for (var round = 0; round < 6; round++)
            {
                var live = silos.ToList();
                var calls = keys.SelectMany(k => live.Select(s => (Key: k, Call: s.Client.GetGrain<IPlacementGrain>(k).IncrementAsync()))).ToList();

                // Membership changes while the calls are in flight: a silo joins, or the oldest one leaves.
                if (round % 2 == 0)
                {
                    silos.Add(await StartSiloAsync());
                }
                else
                {
                    await silos[0].DisposeAsync();
                    silos.RemoveAt(0);
                }

                foreach (var (key, call) in calls)
                {
                    try
                    {
                        await call;
                        succeeded[key]++;
                    }
                    catch (SiloUnavailableException exception)
                    {
                        failures.Add(exception); // a call caught on a leaving silo: clear, and it did not run
                    }
                }
            }

            Assert.Equal(0, Volatile.Read(ref PlacementGrain.Overlaps));
            foreach (var key in keys)
            {
                // Every increment that succeeded is in the state, and none other: no write lost, none doubled.
                Assert.Equal(succeeded[key], await silos[^1].Client.GetGrain<IPlacementGrain>(key).IncrementAsync() - 1);
            }

            Assert.True(failures.Count < keys.Count, $"{failures.Count} calls failed: {string.Join(" | ", failures.Take(3).Select(f => f.Message))}");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_client_finds_the_live_silos_in_the_membership_table_and_calls_each_grain_on_its_owner()
    {
        await using var first = await StartSiloAsync();
        await using var second = await StartSiloAsync();
        var options = new BudgetActors.Client.ClusterClientOptions
        {
            MembershipConnectionString = _database.ConnectionString,
            ServiceId = "runtime-tests",
            Token = TestTokens.ProjectManager,
        };
        options.JsonContexts.Add(TestJsonContext.Default);
        await using var client = new BudgetActors.Client.ClusterClient(Microsoft.Extensions.Options.Options.Create(options), _time);

        await client.RefreshViewAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, client.View.Silos.Count);
        foreach (var key in Enumerable.Range(0, 10).Select(i => $"table-{i}"))
        {
            Assert.Equal(RendezvousPlacement.Owner(new GrainId("placement", key), client.View.Silos).Id, await client.GetGrain<IPlacementGrain>(key).WhereAsync());
        }
    }

    private Task<TestSilo> StartSiloAsync() => TestSilo.StartAsync(
        silo =>
        {
            silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorage, o => o.ConnectionString = _database.ConnectionString)
                .UsePostgresClustering(o => o.ConnectionString = _database.ConnectionString, o =>
                {
                    o.Port = 0;
                    o.ClusterSecret = TestCluster.Secret;
                });
            silo.Services.AddSingleton<ICallerAuthenticator>(new TestTokens());
        },
        _time);
}
