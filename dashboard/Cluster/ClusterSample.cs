using BudgetActors.Dashboard.Grains;
using BudgetActors.Dashboard.Overview;

namespace BudgetActors.Dashboard.Cluster;

/// <summary>One reading of every silo, as the Overview and Grains pages show it.</summary>
internal sealed record ClusterSample(OverviewModel Overview, GrainsModel Grains);
