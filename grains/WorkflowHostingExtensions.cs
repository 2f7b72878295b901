using BudgetActors.Erp;
using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Postgres;
using BudgetActors.Grains.Security;
using BudgetActors.Grains.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;

namespace BudgetActors.Grains;

/// <summary>Hosts the budget workflow on an Orleans silo: <c>silo.AddBudgetWorkflow()</c>, plus the ERP connectors the silo has.</summary>
public static class WorkflowHostingExtensions
{
    /// <summary>
    /// The workflow's services with their in-memory defaults (outbox, API tokens), grain state as
    /// System.Text.Json, and the call filter that authenticates every call a client app makes.
    /// </summary>
    public static ISiloBuilder AddBudgetWorkflow(this ISiloBuilder silo, Action<ErpGatewayOptions>? configureGateway = null)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o =>
            o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, WorkflowJsonContext.Default));
        var gateway = silo.Services.AddOptions<ErpGatewayOptions>();
        if (configureGateway is not null)
        {
            gateway.Configure(configureGateway);
        }

        silo.Services.TryAddSingleton(TimeProvider.System);
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
        silo.Services.TryAddSingleton<SiloCallers>();
        silo.Services.AddMemoryErpCallLease();
        silo.AddIncomingGrainCallFilter<CallerAuthenticationFilter>();
        return silo;
    }

    /// <summary>
    /// Keeps everything durable in PostgreSQL: grain state and reminders through Orleans' ADO.NET providers
    /// (invariant <c>Npgsql</c>) on the service's own schema, the notification outbox and the API tokens
    /// (as SHA-256 hashes). The schema is migrated when the silo starts, before Orleans touches it.
    /// <paramref name="configureCache"/> sets how long a silo trusts a token it has looked up
    /// (<see cref="ApiTokenOptions.CacheDuration"/>, the bound on revocation through another silo).
    /// </summary>
    public static ISiloBuilder UsePostgresWorkflowStore(this ISiloBuilder silo, string connectionString, Action<ApiTokenOptions>? configureCache = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var cache = silo.Services.AddOptions<ApiTokenOptions>();
        if (configureCache is not null)
        {
            cache.Configure(configureCache);
        }

        silo.Services.TryAddSingleton<PostgresDataSources>();
        silo.Services.AddPostgresSchemaMigration(connectionString);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => ActivatorUtilities.CreateInstance<SharedSiloMark>(sp, connectionString));
        // Storage and reminders run on the silo's shared data source: its statements are prepared once per
        // connection (a grain write costs PostgreSQL no parse and plan), which a connection string alone would not do.
        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, o => o.Configure<PostgresDataSources>((storage, sources) =>
        {
            storage.Invariant = OrleansAdoNet.Invariant;
            storage.DataSource = sources.Get(connectionString);
        }));
        silo.UseAdoNetReminderService(o => o.Configure<PostgresDataSources>((reminders, sources) =>
        {
            reminders.Invariant = OrleansAdoNet.Invariant;
            reminders.DataSource = sources.Get(connectionString);
        }));
        silo.Services.AddPostgresErpCallLease(connectionString);
        silo.Services.AddSingleton<INotificationOutbox>(sp => new PostgresNotificationOutbox(
            sp.GetRequiredService<PostgresDataSources>().Get(connectionString),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.Services.AddSingleton<IApiTokenStore>(sp => new PostgresApiTokenStore(
            sp.GetRequiredService<PostgresDataSources>().Get(connectionString),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ApiTokenOptions>>().Value));
        return silo;
    }

    /// <summary>Adds a connector to one kind of ERP (a real one, or the in-memory ERP).</summary>
    public static ISiloBuilder AddErpConnector(this ISiloBuilder silo, IErpConnector connector)
    {
        silo.Services.AddSingleton(connector);
        return silo;
    }
}
