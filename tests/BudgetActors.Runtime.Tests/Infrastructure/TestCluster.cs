using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime.Tests;

/// <summary>
/// Several real silos in this process, each with its own HTTP/2 endpoint on a loopback port, sharing a
/// membership table, a grain directory and grain storage in memory, on one fake clock.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string Secret = "test-cluster-secret";

    private readonly List<TestSilo> _silos = [];

    public FakeTimeProvider Time { get; } = new(TestSilo.Epoch);

    public MemoryMembershipTable Membership { get; } = new();

    public MemoryGrainDirectory Directory { get; }

    public MemoryGrainStorage Storage { get; } = new(new GrainJsonOptions([TestJsonContext.Default]));

    public TestCluster() => Directory = new MemoryGrainDirectory(Membership);

    public IReadOnlyList<TestSilo> Silos => _silos;

    public static async Task<TestCluster> StartAsync(int silos, Action<ISiloBuilder>? configure = null)
    {
        var cluster = new TestCluster();
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync(configure);
        }

        return cluster;
    }

    public async Task<TestSilo> AddSiloAsync(Action<ISiloBuilder>? configure = null)
    {
        var silo = await TestSilo.StartAsync(
            s =>
            {
                s.AddGrainStorage(PersistentStateAttribute.DefaultStorage, Storage)
                    .UseMemoryClustering(Membership, Directory, o =>
                    {
                        o.Port = 0;
                        o.ClusterSecret = Secret;
                    })
                    .Configure<SiloOptions>(o => o.SiloName = $"silo-{_silos.Count}");
                configure?.Invoke(s);
            },
            Time);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>The owner every live silo agrees on for a placement grain with <paramref name="key"/>.</summary>
    public SiloAddress OwnerOf(string key) =>
        RendezvousPlacement.Owner(new GrainId("placement", key), View(_silos[0]).Silos);

    public static MembershipView View(TestSilo silo) => MembershipOf(silo).View;

    internal static ClusterMembership MembershipOf(TestSilo silo) => silo.Services.GetRequiredService<ClusterMembership>();

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
