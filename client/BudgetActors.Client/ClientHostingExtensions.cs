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

            // A gateway that died is noticed and the list read again within seconds, as the silos' membership is tuned.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
            client.AddOutgoingGrainCallFilter<ApiTokenCallFilter>();
        });
        return builder;
    }
}
