using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Grain storage and reminder providers for a silo: in memory, or durable in PostgreSQL.</summary>
public static class StorageHostingExtensions
{
    /// <summary>Keeps grain state in this process's memory (lost when it stops): the embedded default and unit tests.</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder silo, string name) =>
        silo.AddGrainStorage(name, sp => new MemoryGrainStorage(sp.GetRequiredService<GrainJsonOptions>()));

    /// <summary>Keeps grain state in PostgreSQL (jsonb, ETag-checked); the schema is migrated at silo start.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string name, Action<PostgresStorageOptions> configure)
    {
        var options = PostgresStorageOptions.Configured(configure, $"grain storage '{name}'");
        silo.AddPostgresSchema(options.ConnectionString);
        return silo.AddGrainStorage(name, sp => new PostgresGrainStorage(
            sp.GetRequiredService<PostgresDataSources>().Get(options.ConnectionString),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
            sp.GetRequiredService<GrainJsonOptions>()));
    }

    /// <summary>Uses a storage provider instance made elsewhere (e.g. one shared by two silos in a test).</summary>
    public static ISiloBuilder AddGrainStorage(this ISiloBuilder silo, string name, IGrainStorage storage) =>
        silo.AddGrainStorage(name, _ => storage);

    public static ISiloBuilder AddGrainStorage(this ISiloBuilder silo, string name, Func<IServiceProvider, IGrainStorage> create)
    {
        silo.Services.AddKeyedSingleton(name, (sp, _) => create(sp));
        return silo;
    }

    /// <summary>Keeps reminders in this process's memory: the embedded default and unit tests.</summary>
    public static ISiloBuilder UseInMemoryReminders(this ISiloBuilder silo) => silo.AddReminderTable(new MemoryReminderTable());

    /// <summary>Keeps reminders in PostgreSQL, claimable by any live silo; the schema is migrated at silo start.</summary>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder silo, Action<PostgresStorageOptions> configure)
    {
        var options = PostgresStorageOptions.Configured(configure, "reminders");
        silo.AddPostgresSchema(options.ConnectionString);
        silo.Services.AddSingleton<IReminderTable>(sp => new PostgresReminderTable(
            sp.GetRequiredService<PostgresDataSources>().Get(options.ConnectionString),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId));
        return silo;
    }

    /// <summary>Uses a reminder table instance made elsewhere (e.g. one shared by two silos in a test).</summary>
    public static ISiloBuilder AddReminderTable(this ISiloBuilder silo, IReminderTable table)
    {
        silo.Services.AddSingleton(table);
        return silo;
    }

    /// <summary>Migrates the database at <paramref name="connectionString"/> at silo start (once, whoever asks).</summary>
    public static void AddPostgresSchema(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.TryAddSingleton<PostgresDataSources>();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, PostgresSchemaMigration>());
        silo.Services.AddSingleton(new PostgresSchema(connectionString));
    }
}
