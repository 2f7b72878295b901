using BudgetActors.Grains.Erp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Tests;

public sealed class ErpCallLeaseSetupTests
{
    [Fact]
    public void The_advisory_lock_key_never_changes()
    {
        // Pinned: silos of two versions deriving different keys during a rolling upgrade would both hold "the" lease.
        Assert.Equal(ErpCallLeaseKey.ForAdvisoryLock("budgetactors", "spectrum:001"), ErpCallLeaseKey.ForAdvisoryLock("budgetactors", "Spectrum:001"));
        Assert.Equal(PinnedKey, ErpCallLeaseKey.ForAdvisoryLock("budgetactors", "spectrum:001"));
        Assert.NotEqual(ErpCallLeaseKey.ForAdvisoryLock("budgetactors", "spectrum:001"), ErpCallLeaseKey.ForAdvisoryLock("budgetactors", "spectrum:002"));
        Assert.NotEqual(ErpCallLeaseKey.ForAdvisoryLock("budgetactors", "spectrum:001"), ErpCallLeaseKey.ForAdvisoryLock("other-service", "spectrum:001"));
        Assert.NotEqual(ErpCallLeaseKey.ForAdvisoryLock("a:b", "c"), ErpCallLeaseKey.ForAdvisoryLock("a", "b:c"));
    }

    [Fact]
    public void The_memory_lease_is_the_default_and_the_postgres_lease_replaces_it()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMemoryErpCallLease();
        using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<MemoryErpCallLease>(provider.GetRequiredService<IErpCallLease>());
        }

        // Building the PostgreSQL lease opens no connection, so any well-formed connection string does here.
        services.AddPostgresErpCallLease("Host=127.0.0.1;Database=none", "budgetactors", o => o.KeepAliveIdle = TimeSpan.FromSeconds(20));
        services.AddMemoryErpCallLease();
        using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<PostgresErpCallLease>(provider.GetRequiredService<IErpCallLease>());
            Assert.Equal(TimeSpan.FromSeconds(20), provider.GetRequiredService<IOptions<ErpCallLeaseOptions>>().Value.KeepAliveIdle);
        }
    }

    [Fact]
    public void Options_that_would_turn_keepalive_off_are_refused()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMemoryErpCallLease(o => o.KeepAliveCount = 0);
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IErpCallLease>());
    }

    // SHA-256("budgetactors/erp-call-lease/12:budgetactors/12:spectrum:001"), first 8 bytes big-endian, worked out outside .NET.
    private const long PinnedKey = 7888024438739375921;
}
