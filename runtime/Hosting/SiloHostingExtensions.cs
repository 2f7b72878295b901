using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Turns a .NET host into a silo: <c>builder.UseBudgetActorsSilo(silo => ...)</c>.</summary>
public static class SiloHostingExtensions
{
    public static IHostApplicationBuilder UseBudgetActorsSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        var silo = new SiloBuilder(builder.Services, builder.Configuration);
        silo.Services.AddBudgetActorsRuntime();
        configure(silo);
        return builder;
    }

    /// <summary>A single silo on this machine (the development and embedded default).</summary>
    public static ISiloBuilder UseLocalhostClustering(this ISiloBuilder silo, string serviceId = "budgetactors")
    {
        silo.Services.Configure<SiloOptions>(o => o.ServiceId = serviceId);
        return silo;
    }

    /// <summary>Hosts the grain classes of <paramref name="assembly"/>.</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder silo, Assembly assembly)
    {
        silo.Services.AddSingleton(new GrainAssembly(assembly));
        return silo;
    }

    /// <summary>Lets grain state, arguments and results use the types of a source-generated System.Text.Json context.</summary>
    public static ISiloBuilder AddJsonSerializerContext(this ISiloBuilder silo, JsonSerializerContext context)
    {
        silo.Services.AddSingleton<IJsonTypeInfoResolver>(context);
        return silo;
    }

    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder silo, Action<TOptions> configure)
        where TOptions : class
    {
        silo.Services.Configure(configure);
        return silo;
    }

    private static void AddBudgetActorsRuntime(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(GrainRuntime)))
        {
            return;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SiloOptions>().ValidateOnStart();
        services.AddOptions<MessagingOptions>().ValidateOnStart();
        services.AddOptions<GrainCollectionOptions>().ValidateOnStart();
        services.AddOptions<ReminderOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
        services.AddSingleton<IValidateOptions<MessagingOptions>, SiloOptionsValidator>();
        services.AddSingleton<IValidateOptions<GrainCollectionOptions>, SiloOptionsValidator>();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();

        services.AddSingleton<LocalSiloDetails>();
        services.AddSingleton<GrainJsonOptions>();
        services.AddSingleton<GrainClassRegistry>();
        services.AddSingleton<CallStatistics>();
        services.AddSingleton(sp => new SiloStatistics(sp.GetRequiredService<GrainRuntime>(), sp.GetRequiredService<LocalSiloDetails>(), sp, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReminderRegistry>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<SiloHost>();
    }
}
