using BudgetActors.Erp;
using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BudgetActors.Grains;

/// <summary>Hosts the budget workflow on a silo: <c>silo.AddBudgetWorkflow()</c>, plus the ERP connectors the silo has.</summary>
public static class WorkflowHostingExtensions
{
    public static ISiloBuilder AddBudgetWorkflow(this ISiloBuilder silo, Action<ErpGatewayOptions>? configureGateway = null)
    {
        silo.AddGrains(typeof(WorkflowHostingExtensions).Assembly).AddJsonSerializerContext(WorkflowJsonContext.Default)
            .AddJsonSerializerContext(WorkflowContractJsonContext.Default);
        var gateway = silo.Services.AddOptions<ErpGatewayOptions>();
        if (configureGateway is not null)
        {
            gateway.Configure(configureGateway);
        }

        silo.Services.TryAddSingleton<ErpConnectors>();
        silo.Services.AddOptions<NotificationOptions>();
        silo.Services.TryAddSingleton<INotificationOutbox, MemoryNotificationOutbox>();
        silo.Services.TryAddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.SmtpHost is { Length: > 0 }
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupFolderMailTransport>(sp));
        silo.Services.TryAddSingleton<NotificationSender>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<NotificationSender>());
        silo.Services.TryAddSingleton<IApiTokenStore, MemoryApiTokenStore>();
        silo.Services.TryAddSingleton<ICallerAuthenticator>(sp => sp.GetRequiredService<IApiTokenStore>());
        return silo;
    }

    /// <summary>
    /// Keeps API tokens (as SHA-256 hashes) in PostgreSQL, shared by every silo of the service; the
    /// workflow's table is migrated at silo start. <paramref name="configureCache"/> sets how long a silo
    /// trusts a token it has looked up (<see cref="ApiTokenOptions.CacheDuration"/>, the bound on revocation
    /// through another silo).
    /// </summary>
    public static ISiloBuilder UsePostgresApiTokens(this ISiloBuilder silo, Action<PostgresStorageOptions> configure, Action<ApiTokenOptions>? configureCache = null)
    {
        var options = PostgresStorageOptions.Configured(configure, "API tokens");
        var cache = silo.Services.AddOptions<ApiTokenOptions>();
        if (configureCache is not null)
        {
            cache.Configure(configureCache);
        }

        silo.AddPostgresSchema(options.ConnectionString);
        silo.Services.AddSingleton(PostgresNotificationOutbox.Migrations); // the workflow's one migration source, applied once
        silo.Services.AddSingleton<IApiTokenStore>(sp => new PostgresApiTokenStore(
            sp.GetRequiredService<PostgresDataSources>().Get(options.ConnectionString),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ApiTokenOptions>>().Value));
        silo.Services.TryAddSingleton<ICallerAuthenticator>(sp => sp.GetRequiredService<IApiTokenStore>());
        return silo;
    }

    /// <summary>Keeps the notification outbox in PostgreSQL (the workflow's table is migrated at silo start).</summary>
    public static ISiloBuilder UsePostgresNotificationOutbox(this ISiloBuilder silo, Action<PostgresStorageOptions> configure)
    {
        var options = PostgresStorageOptions.Configured(configure, "notification outbox");
        silo.AddPostgresSchema(options.ConnectionString);
        silo.Services.AddSingleton(PostgresNotificationOutbox.Migrations); // the migrator applies each source once
        silo.Services.AddSingleton<INotificationOutbox>(sp => new PostgresNotificationOutbox(
            sp.GetRequiredService<PostgresDataSources>().Get(options.ConnectionString),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId));
        return silo;
    }

    /// <summary>Adds a connector to one kind of ERP (a real one, or the in-memory ERP).</summary>
    public static ISiloBuilder AddErpConnector(this ISiloBuilder silo, IErpConnector connector)
    {
        silo.Services.AddSingleton(connector);
        return silo;
    }
}
