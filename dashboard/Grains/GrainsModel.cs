using BudgetActors.Dashboard.Overview;

namespace BudgetActors.Dashboard.Grains;

/// <summary>What the Grains page shows: every grain method of the cluster, and activations per grain type and silo.</summary>
/// <param name="Silos">The live silos, in the order of each row's <see cref="GrainTypeOverview.PerSilo"/>.</param>
internal sealed record GrainsModel(
    DateTimeOffset At,
    IReadOnlyList<string> Silos,
    IReadOnlyList<MethodOverview> Methods,
    IReadOnlyList<GrainTypeOverview> GrainTypes);

/// <summary>Activations of one grain type: on each silo (in <see cref="GrainsModel.Silos"/> order) and in all.</summary>
internal sealed record GrainTypeOverview(string GrainType, IReadOnlyList<int> PerSilo, int Total);
