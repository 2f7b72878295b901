using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;

namespace BudgetActors.Storage.Tests;

/// <summary>Silos and clients finding each other through Orleans' ADO.NET membership table on the migrated schema.</summary>
public sealed class ClusteringTests(PostgresFixture postgres)
{
    private const string ClusterId = "clustering";

    [Fact]
    public async Task Two_silos_join_a_client_finds_both_gateways_and_a_dead_silos_row_is_cleaned_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(nameof(ClusteringTests), ct);
        await using var first = await PostgresSilo.StartAsync(database.ConnectionString, ClusterId, ct);
        await using var second = await PostgresSilo.StartAsync(database.ConnectionString, ClusterId, ct);

        // Both joined (Active = 3), with heartbeats stored as the UTC instants they are.
        Assert.Equal(2L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM orleans_membership WHERE status = 3 AND abs(extract(epoch FROM i_am_alive_time - now())) < 300", ct));

        using var client = await StartClientAsync(database.ConnectionString, ct);
        var gateways = client.Services.GetRequiredService<IGatewayListProvider>();
        // Free ports come in any order: compare both lists sorted.
        Assert.Equal(new[] { first.GatewayPort, second.GatewayPort }.Order(), (await gateways.GetGateways()).Select(g => g.Port).Order());
        Assert.Equal(1, await client.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("via-client").AddAsync(1, "from a client"));

        await second.StopAsync();

        // A graceful stop leaves the silo's row, Dead (6); only Active silos are gateways.
        Assert.Equal([3, 6], (await Sql.ColumnAsync<int>(database.ConnectionString, "SELECT status FROM orleans_membership", ct)).Order());
        Assert.Equal([first.GatewayPort], (await gateways.GetGateways()).Select(g => g.Port));

        // What Orleans' cleanup agent calls with now - DefunctSiloExpiration: the live silo's row is
        // older than the cut too, but it is Active and stays.
        await first.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), ct);

        Assert.Equal([3], await Sql.ColumnAsync<int>(database.ConnectionString, "SELECT status FROM orleans_membership", ct));
        Assert.Equal(2, await client.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("via-client").AddAsync(1, "still served"));
    }

    private static async Task<IHost> StartClientAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = PostgresSilo.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresSilo.Invariant;
                o.ConnectionString = connectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
