using System.Collections.Immutable;

namespace BudgetActors.Grains.Erp;

/// <summary>
/// An ERP gateway's queue position and counters. The waiting exports themselves are rows of their own
/// (<see cref="QueuedExport"/>, state <c>export-&lt;sequence&gt;</c>), so queueing or finishing one export writes
/// that export and this small record, never the whole queue.
/// </summary>
public sealed record ErpGatewayState
{
    /// <summary>
    /// The whole queue as gateways stored it before exports had rows of their own; moved into rows when such a
    /// gateway activates, empty afterwards.
    /// </summary>
    public ImmutableList<ExportRequest> Exports { get; init; } = [];

    /// <summary>The sequence number of the first export not finished; every row below it is done.</summary>
    public long Head { get; init; }

    /// <summary>Every row below this is deleted; rows from here to <see cref="Head"/> may remain from a delete cut short.</summary>
    public long Purged { get; init; }

    public long Completed { get; init; }

    public long Retries { get; init; }
}
