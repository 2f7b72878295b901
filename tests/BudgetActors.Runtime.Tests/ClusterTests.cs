namespace BudgetActors.Runtime.Tests;

/// <summary>Several silos in one process over real HTTP/2 on loopback: placement, forwarding, errors, identity, leaving.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task Every_silo_sees_every_member_as_soon_as_it_joins()
    {
        await using var cluster = await TestCluster.StartAsync(3);

        foreach (var silo in cluster.Silos)
        {
            Assert.Equal(3, TestCluster.View(silo).Silos.Count);
            Assert.Equal(TestCluster.View(cluster.Silos[0]).Stamp, TestCluster.View(silo).Stamp);
        }
    }

    [Fact]
    public async Task A_grain_runs_on_its_rendezvous_owner_whichever_silo_the_call_enters()
    {
        await using var cluster = await TestCluster.StartAsync(3);

        var owners = new HashSet<string>();
        for (var i = 0; i < 24; i++)
        {
            var key = $"placed-{i}";
            var expected = cluster.OwnerOf(key).Id;
            foreach (var silo in cluster.Silos)
            {
                Assert.Equal(expected, await silo.Client.GetGrain<IPlacementGrain>(key).WhereAsync());
            }

            owners.Add(expected);
        }

        Assert.Equal(3, owners.Count); // the grains spread over all three silos
    }

    [Fact]
    public async Task State_written_through_one_silo_is_read_through_another_from_the_single_activation()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var key = TestSilo.NewKey("count");

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            cluster.Silos[i % 3].Client.GetGrain<IPlacementGrain>(key).IncrementAsync()));

        // Thirty increments through three silos, one activation: every value from 1 to 30 exactly once.
        Assert.Equal(Enumerable.Range(1, 30), results.Order());
    }

    [Fact]
    public async Task Grain_to_grain_calls_cross_silos_and_a_cycle_across_silos_is_reported_with_its_chain()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var (a, b) = KeysOnDifferentSilos(cluster);
        var client = cluster.Silos[0].Client;

        Assert.Equal(cluster.OwnerOf(b).Id, await client.GetGrain<IPlacementGrain>(a).WhereIsAsync(b));

        var deadlock = await Assert.ThrowsAsync<DeadlockException>(() => client.GetGrain<IPlacementGrain>(a).CycleAsync(b));
        Assert.Contains($"placement/{a}", deadlock.Message, StringComparison.Ordinal);
        Assert.Contains($"placement/{b}", deadlock.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_and_the_callers_identity_cross_silos()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var key = KeyOwnedBy(cluster, cluster.Silos[1]);
        var grain = cluster.Silos[0].Client.GetGrain<IPlacementGrain>(key);

        RequestContext.Caller = new CallerIdentity("acme", "pm");
        try
        {
            Assert.Equal("pm@acme", await grain.WhoAsync());
            var error = await Assert.ThrowsAsync<ArgumentException>(grain.FailAsync);
            Assert.Equal("refused for pm@acme", error.Message);
            var coded = await Assert.ThrowsAsync<CodedException>(() => grain.FailWithCodeAsync("NotLocked"));
            Assert.Equal(("NotLocked", "refused with NotLocked"), (coded.Code, coded.Message));
        }
        finally
        {
            RequestContext.Caller = null;
        }
    }

    [Fact]
    public async Task A_silo_that_leaves_hands_its_grains_over_and_their_state_is_intact()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var leaving = cluster.Silos[2];
        var key = KeyOwnedBy(cluster, leaving);
        var grain = cluster.Silos[0].Client.GetGrain<IPlacementGrain>(key);
        Assert.Equal(1, await grain.IncrementAsync());

        await leaving.StopAsync();

        Assert.Equal(2, TestCluster.View(cluster.Silos[0]).Silos.Count);
        Assert.Equal(2, await grain.IncrementAsync());
        Assert.NotEqual(TestCluster.MembershipOf(leaving).Self.Id, await grain.WhereAsync());
    }

    [Fact]
    public async Task A_member_whose_heartbeats_stop_is_declared_dead_and_the_ticks_it_held_are_freed()
    {
        var reminders = new MemoryReminderTable();
        await using var cluster = await TestCluster.StartAsync(2, s => s.AddReminderTable(reminders));
        var ct = TestContext.Current.CancellationToken;
        var ghost = new SiloAddress("127.0.0.1", 1, 1);
        await cluster.Membership.JoinAsync(
            new MembershipEntry(ghost, "ghost", SiloStatus.Active, cluster.Time.GetUtcNow(), cluster.Time.GetUtcNow(), 1), ct);
        await TestCluster.MembershipOf(cluster.Silos[0]).RefreshAsync(ct);
        Assert.Contains(ghost, TestCluster.View(cluster.Silos[0]).Silos);
        var digest = new GrainId("reminder", TestSilo.NewKey("ghost-held"));
        await reminders.UpsertAsync(digest, "digest", cluster.Time.GetUtcNow().AddDays(1), TimeSpan.FromDays(1), ct);
        await reminders.ClaimDueAsync("ghost", cluster.Time.GetUtcNow().AddDays(1), cluster.Time.GetUtcNow().AddDays(2), 10, ct);

        cluster.Time.Advance(TimeSpan.FromSeconds(6));
        await TestCluster.MembershipOf(cluster.Silos[0]).RefreshAsync(ct);

        Assert.DoesNotContain(ghost, TestCluster.View(cluster.Silos[0]).Silos);
        var entries = await cluster.Membership.ReadAllAsync(ct);
        Assert.Equal(SiloStatus.Dead, entries.Single(e => e.Address == ghost).Status);
        Assert.Null((await reminders.ReadAsync(digest, "digest", ct))!.LeaseOwner);
    }

    [Fact]
    public async Task Reminders_tick_each_grain_once_on_the_silo_that_owns_it_whichever_silo_claimed_them()
    {
        var reminders = new MemoryReminderTable();
        // The clock jumps two minutes: a lease that outlives the jump keeps the silos serving without heartbeats.
        await using var cluster = await TestCluster.StartAsync(2, s => s.AddReminderTable(reminders)
            .Configure<ClusterOptions>(o => o.DeathTimeout = TimeSpan.FromHours(1)));
        var keys = Enumerable.Range(0, 20).Select(_ => TestSilo.NewKey("remind")).ToList();
        foreach (var key in keys)
        {
            await cluster.Silos[0].Client.GetGrain<IReminderGrain>(key).RegisterAsync("digest", TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        }

        cluster.Time.Jump(TimeSpan.FromMinutes(2)); // both silos' poll loops wake and claim, each a share
        await cluster.Silos[0].Reminders.PollOnceAsync(TestContext.Current.CancellationToken);
        foreach (var key in keys)
        {
            await EventLog.WaitForAsync(key, "tick digest");
        }

        Assert.All(keys, key => Assert.Single(EventLog.Of(key), e => e == "tick digest"));
        foreach (var silo in cluster.Silos)
        {
            var self = TestCluster.MembershipOf(silo).Self;
            var owned = keys.Count(k => RendezvousPlacement.Owner(new GrainId("reminder", k), TestCluster.View(silo).Silos) == self);
            Assert.Equal(owned, silo.Runtime.ActivationCountsByType().GetValueOrDefault("reminder"));
        }
    }

    private static (string A, string B) KeysOnDifferentSilos(TestCluster cluster)
    {
        var a = KeyOwnedBy(cluster, cluster.Silos[0]);
        var b = KeyOwnedBy(cluster, cluster.Silos[1]);
        return (a, b);
    }

    private static string KeyOwnedBy(TestCluster cluster, TestSilo silo)
    {
        var self = TestCluster.MembershipOf(silo).Self;
        return Enumerable.Range(0, 1000).Select(i => $"grain-{i}").First(k => cluster.OwnerOf(k) == self);
    }
}
