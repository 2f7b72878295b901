namespace BudgetActors.Erp;

/// <summary>The connectors a silo has, one per ERP system.</summary>
public sealed class ErpConnectors(IEnumerable<IErpConnector> connectors)
{
    private readonly Dictionary<ErpSystem, IErpConnector> _bySystem = connectors.ToDictionary(c => c.System);

    public IErpConnector For(ErpSystem system) =>
        _bySystem.TryGetValue(system, out var connector)
            ? connector
            : throw new InvalidOperationException($"No ERP connector for {system} is configured on this silo.");
}
