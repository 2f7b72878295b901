using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BudgetActors.Client;

/// <summary>
/// <c>builder.AddBudgetActorsClient(o => { o.Gateways.Add("silo1:30000"); o.Token = ...; })</c>: the Orleans
/// client (<see cref="IClusterClient"/>, <see cref="IGrainFactory"/>), finding gateways in the service's
/// membership table or from the list given, with the token on every call.
/// </summary>
public static class ClientHostingExtensions
{
    public static IHostApplicationBuilder AddBudgetActorsClient(this IHostApplicationBuilder builder, Action<ClusterClientOptions> configure)
    {
        var options = new ClusterClientOptions();
        configure(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(ClusterClientOptions), typeof(ClusterClientOptions), problems);
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.UseOrleansClient(client =>
        {
            if (options.MembershipConnectionString is { Length: > 0 } connectionString)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }
            else
            {
                client.UseStaticClustering([.. options.Gateways.Select(g => ClusterClientOptions.ParseGateway(g)!)]);
            }

            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });

            // A hung silo keeps its connections open, so the client drops it as a gateway only when the list it
            // reads says it is dead: read every second (one small query), a hung gateway stops taking calls about
            // a second after the silos declare it dead (with 5 s, calls reached it for up to 5 s more: bench failover).
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
            client.AddOutgoingGrainCallFilter<ApiTokenCallFilter>();
        });
        return builder;
    }
}
