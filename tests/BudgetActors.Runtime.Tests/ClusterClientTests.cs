using BudgetActors.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime.Tests;

/// <summary>The client library against silos over real HTTP/2: routing, identity from the token only, refusals, silos leaving and joining.</summary>
public sealed class ClusterClientTests
{
    private static Task<TestCluster> StartClusterAsync(int silos) =>
        TestCluster.StartAsync(silos, s => s.Services.AddSingleton<ICallerAuthenticator>(new TestTokens()));

    private static ClusterClient ClientOf(TestCluster cluster, string? token = TestTokens.ProjectManager) =>
        new(Options.Create(Configure(new ClusterClientOptions { Token = token ?? "" }, cluster)), cluster.Time);

    private static ClusterClientOptions Configure(ClusterClientOptions options, TestCluster cluster)
    {
        options.Gateways.Add(TestCluster.MembershipOf(cluster.Silos[0]).Self.Endpoint.ToString());
        options.JsonContexts.Add(TestJsonContext.Default);
        return options;
    }

    [Fact]
    public async Task Client_calls_go_to_the_owning_silo_and_run_as_the_tokens_user_whatever_the_client_claims()
    {
        await using var cluster = await StartClusterAsync(3);
        await using var client = ClientOf(cluster);

        RequestContext.Caller = new CallerIdentity("acme", "admin"); // a forged identity: ignored
        try
        {
            for (var i = 0; i < 12; i++)
            {
                var grain = client.GetGrain<IPlacementGrain>($"client-{i}");
                Assert.Equal(cluster.OwnerOf($"client-{i}").Id, await grain.WhereAsync());
                Assert.Equal("pm@acme", await grain.WhoAsync());
            }
        }
        finally
        {
            RequestContext.Caller = null;
        }

        Assert.Equal(3, client.View.Silos.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task A_call_with_a_missing_or_unknown_token_is_refused_and_touches_nothing(string token)
    {
        await using var cluster = await StartClusterAsync(2);
        await using var trusted = ClientOf(cluster);
        var key = TestSilo.NewKey("refused");

        await trusted.RefreshViewAsync(TestContext.Current.CancellationToken);
        using var raw = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(trusted.View.Silos[0].Endpoint, "call")) { Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (token.Length > 0)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.TryAddWithoutValidation("ba-grain", $"placement/{key}");
        request.Headers.TryAddWithoutValidation("ba-method", $"{typeof(IPlacementGrain).FullName}/1");
        request.Content = new ByteArrayContent("[]"u8.ToArray());
        using var response = await raw.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, await trusted.GetGrain<IPlacementGrain>(key).IncrementAsync()); // the refused increment never ran
    }

    [Fact]
    public async Task A_silos_figures_are_for_the_other_silos_not_for_clients_even_with_a_valid_token()
    {
        await using var cluster = await StartClusterAsync(2);
        var endpoint = TestCluster.MembershipOf(cluster.Silos[0]).Self.Endpoint;
        var statistics = cluster.Silos[1].Services.GetRequiredService<SiloStatistics>();

        using var raw = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "cluster/statistics")) { Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.ProjectManager);
        using var response = await raw.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);

        // The other silo, with the cluster secret, gets them: one report per live silo.
        var reports = await statistics.ReportClusterAsync(TestContext.Current.CancellationToken);
        Assert.Equal(cluster.Silos.Select(s => TestCluster.MembershipOf(s).Self.Id).Order(), reports.Select(r => r.Silo).Order());
        Assert.All(reports, r => Assert.True(r.Reachable && r.IsServing && r.ProcessorCount > 0));
    }

    [Fact]
    public async Task A_client_with_a_wrong_token_gets_a_clear_error()
    {
        await using var cluster = await StartClusterAsync(1);
        var options = Configure(new ClusterClientOptions { Token = "stolen" }, cluster);
        await using var client = new ClusterClient(Options.Create(options), cluster.Time);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => client.GetGrain<IPlacementGrain>("x").WhereAsync());
        Assert.Contains("unknown or revoked token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_a_silo_shuts_down_gracefully_no_client_call_fails()
    {
        await using var cluster = await StartClusterAsync(3);
        await using var client = ClientOf(cluster);
        var keys = Enumerable.Range(0, 30).Select(i => $"stream-{i}").ToList();
        foreach (var key in keys)
        {
            await client.GetGrain<IPlacementGrain>(key).IncrementAsync();
        }

        var stopping = cluster.Silos[1].StopAsync();
        var during = await Task.WhenAll(keys.Select(k => client.GetGrain<IPlacementGrain>(k).IncrementAsync()));
        await stopping;
        var after = await Task.WhenAll(keys.Select(k => client.GetGrain<IPlacementGrain>(k).IncrementAsync()));

        Assert.All(during, n => Assert.Equal(2, n));
        Assert.All(after, n => Assert.Equal(3, n));
    }

    [Fact]
    public async Task A_silo_that_joins_is_used_by_the_client_once_a_silo_reports_the_new_view()
    {
        await using var cluster = await StartClusterAsync(2);
        await using var client = ClientOf(cluster);
        await client.GetGrain<IPlacementGrain>("warm-up").WhereAsync();
        Assert.Equal(2, client.View.Silos.Count);

        var joined = await cluster.AddSiloAsync(s => s.Services.AddSingleton<ICallerAuthenticator>(new TestTokens()));
        await client.GetGrain<IPlacementGrain>("warm-up").WhereAsync(); // the answer carries the new view's stamp
        await client.RefreshViewAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, client.View.Silos.Count);
        var key = Enumerable.Range(0, 1000).Select(i => $"new-{i}").First(k => cluster.OwnerOf(k) == TestCluster.MembershipOf(joined).Self);
        Assert.Equal(TestCluster.MembershipOf(joined).Self.Id, await client.GetGrain<IPlacementGrain>(key).WhereAsync());
    }
}
