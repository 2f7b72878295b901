using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace BudgetActors.Dashboard;

/// <summary>
/// The Orleans dashboard's silo side, with the defaults this service runs it with:
/// <c>siloBuilder.AddBudgetActorsDashboardSilo()</c> in <c>UseOrleans(...)</c>.
/// </summary>
public static class DashboardSiloBuilderExtensions
{
    /// <summary>
    /// Names the logger provider through which the Orleans dashboard's trace page reads the silo's logs
    /// (<c>Orleans.Dashboard.Implementation.DashboardLogger</c>, internal to the package). With the trace page
    /// off nothing reads it, yet it says it is enabled at every level, so every log line would still be handed
    /// to it; the filter rule on this name takes it out of logging altogether.
    /// </summary>
    public const string TraceLoggerProvider = "Orleans.Dashboard.Implementation.DashboardLogger";

    /// <summary>
    /// The package's host of the Orleans dashboard on a silo (internal to it): at silo start it activates the
    /// dashboard's grains and starts an OpenTelemetry reader of Orleans' meter for the silo counters.
    /// </summary>
    private const string CounterReaderType = "Orleans.Dashboard.DashboardHost";

    /// <summary>
    /// Adds the Orleans dashboard to the silo (its silo grain service, the dashboard grain, the call profiler
    /// filter). Call it once per silo; later calls only apply <paramref name="configure"/>, since a second
    /// <c>AddDashboard()</c> would install a second profiler filter and count every call twice.
    /// </summary>
    /// <remarks>
    /// Defaults, chosen for the cost at saturation, overridable through <paramref name="configure"/>. Measured
    /// (<c>dotnet run -c Release --project bench -- dashboard</c>, bench/README.md): no fewer calls/s than
    /// without the dashboard while nobody watches (within the run's noise) and 6-10 % fewer while a page is
    /// open, against 18 % for the silo counters on while nobody watches and 19-28 % for the package's
    /// defaults watched:
    /// <list type="bullet">
    /// <item><see cref="Orleans.Dashboard.DashboardOptions.HideTrace"/> on, and kept on whatever
    /// <paramref name="configure"/> says: the trace page streams every log line of the silo, formatted, to
    /// whoever opens it (it would cost every log call, and show what logs hold).</item>
    /// <item><see cref="Orleans.Dashboard.DashboardOptions.CounterUpdateIntervalMs"/> 10 000 (package: 1 000). At each
    /// interval the dashboard grain asks every silo for the statistics of every activation it holds
    /// (management grain) and each silo samples its runtime statistics; at thousands of budget grains per silo
    /// that walk, not the page, is the cost, and a tenth of it is enough to watch a cluster by.</item>
    /// <item><see cref="Orleans.Dashboard.DashboardOptions.HistoryLength"/> 60 (package: 100): the points each chart
    /// keeps (ten minutes of silo figures at the interval above, a minute of per-method calls, which the silos
    /// report every second); every page poll aggregates over them.</item>
    /// <item>The silo counters off unless <see cref="DashboardOptions.SiloCounters"/> (<see cref="SiloCountersGate"/>):
    /// the package fills the silo page's counter table from an OpenTelemetry reader of Orleans' meter, which
    /// aggregates every measurement Orleans takes, several per grain call, on every silo from its start, watched
    /// or not. That reader was the whole of the dashboard's cost while nobody watched.</item>
    /// <item><see cref="GrainProfilerOptions.TraceAlways"/> off (the package's default, pinned here): every grain
    /// call is timed and counted only while someone has the dashboard open, and for
    /// <see cref="GrainProfilerOptions.DeactivationTime"/> (one minute, checked once a minute) after.</item>
    /// </list>
    /// </remarks>
    public static ISiloBuilder AddBudgetActorsDashboardSilo(this ISiloBuilder silo, Action<Orleans.Dashboard.DashboardOptions>? configure = null)
    {
        if (!silo.Services.Any(d => d.ServiceType == typeof(OrleansDashboardAdded)))
        {
            silo.Services.AddSingleton<OrleansDashboardAdded>();
            var before = silo.Services.Count;
            silo.AddDashboard(o =>
            {
                o.HideTrace = true;
                o.CounterUpdateIntervalMs = 10_000;
                o.HistoryLength = 60;
            });
            GateSiloCounters(silo.Services, before);
            silo.Services.Configure<GrainProfilerOptions>(o => o.TraceAlways = false);
            silo.Services.PostConfigure<Orleans.Dashboard.DashboardOptions>(o => o.HideTrace = true);
            silo.Services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(TraceLoggerProvider, null, LogLevel.None, null)));
        }

        if (configure is not null)
        {
            silo.Services.Configure(configure);
        }

        return silo;
    }

    /// <summary>
    /// Puts <see cref="SiloCountersGate"/> in front of the silo start-up step of the package's counter reader,
    /// its internal <see cref="CounterReaderType"/>, found among the start-up steps <c>AddDashboard()</c> added
    /// (from index <paramref name="from"/> on) by the type each one resolves to.
    /// </summary>
    private static void GateSiloCounters(IServiceCollection services, int from)
    {
        var counterReader = services.FirstOrDefault(d => d.ServiceType.FullName == CounterReaderType)?.ServiceType
            ?? throw new InvalidOperationException(
                $"Microsoft.Orleans.Dashboard no longer registers {CounterReaderType}, which this service keeps from metering every grain call unless Dashboard:SiloCounters is on; see what its new version reads Orleans' meter with.");
        for (var i = from; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, ImplementationFactory: { } resolve, Lifetime: var lifetime } && type == typeof(ILifecycleParticipant<ISiloLifecycle>))
            {
                services[i] = new ServiceDescriptor(type, sp => resolve(sp) switch
                {
                    ILifecycleParticipant<ISiloLifecycle> step when step.GetType() == counterReader =>
                        new SiloCountersGate(step, sp.GetRequiredService<IOptions<DashboardOptions>>()),
                    var step => step,
                }, lifetime);
            }
        }
    }

    /// <summary>Marks a service collection the Orleans dashboard was added to.</summary>
    private sealed class OrleansDashboardAdded;
}
