using BudgetActors.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BudgetActors.Testing;

/// <summary>A client app on the client library: the Orleans client with one user's API token, finding gateways in the membership table.</summary>
public sealed class ClientApp : IAsyncDisposable
{
    private readonly IHost _host;

    private ClientApp(IHost host) => _host = host;

    public Orleans.IClusterClient Grains => _host.Services.GetRequiredService<Orleans.IClusterClient>();

    public static async Task<ClientApp> StartAsync(string membershipConnectionString, string token, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddBudgetActorsClient(o =>
        {
            o.MembershipConnectionString = membershipConnectionString;
            o.Token = token;

            // Short, as a client app that retries would set it: a call caught by a hung silo gives up soon.
            o.ResponseTimeout = TimeSpan.FromSeconds(5);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new ClientApp(host);
    }

    public TGrain GetGrain<TGrain>(string key)
        where TGrain : Orleans.IGrainWithStringKey => Grains.GetGrain<TGrain>(key);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
