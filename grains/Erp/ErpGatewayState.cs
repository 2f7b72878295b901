using System.Collections.Immutable;

namespace BudgetActors.Grains.Erp;

/// <summary>An ERP gateway's durable queue of exports, and its counters.</summary>
public sealed record ErpGatewayState
{
    public ImmutableList<ExportRequest> Exports { get; init; } = [];

    public long Completed { get; init; }

    public long Retries { get; init; }
}
