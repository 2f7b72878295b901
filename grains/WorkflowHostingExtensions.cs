using BudgetActors.Erp;
using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Notifications;
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
        return silo;
    }

    /// <summary>Keeps the notification outbox in PostgreSQL (the workflow's table is migrated at silo start).</summary>
    public static ISiloBuilder UsePostgresNotificationOutbox(this ISiloBuilder silo, Action<PostgresStorageOptions> configure)
    {
        var options = new PostgresStorageOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OptionsValidationException(nameof(PostgresStorageOptions), typeof(PostgresStorageOptions),
                ["PostgreSQL notification outbox: PostgresStorageOptions.ConnectionString is required."]);
        }

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
