using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime;

/// <summary>Configures a silo: storage, reminders, clustering, grains. Extensions add each piece.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }
}
