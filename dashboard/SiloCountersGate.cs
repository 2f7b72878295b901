using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard;

/// <summary>
/// Stands in front of the Orleans dashboard's start-up step that reads Orleans' own meter
/// (<c>Microsoft.Orleans</c>) through an OpenTelemetry meter provider, to fill the silo page's counter
/// table. That reader aggregates every measurement Orleans takes, several per grain call, whether or not
/// anyone has a page open: about a tenth of a silo's calls/s at saturation (bench/README.md, (f)). The step
/// runs only when <see cref="DashboardOptions.SiloCounters"/> is on.
/// </summary>
internal sealed class SiloCountersGate(ILifecycleParticipant<ISiloLifecycle> counterReader, IOptions<DashboardOptions> options)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (options.Value.SiloCounters)
        {
            counterReader.Participate(lifecycle);
        }
    }
}
