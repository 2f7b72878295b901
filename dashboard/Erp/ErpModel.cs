namespace BudgetActors.Dashboard.Erp;

/// <summary>What the ERP page shows: each ERP company's gateway, and the Failed to Export list of every company.</summary>
internal sealed record ErpModel(DateTimeOffset At, IReadOnlyList<ErpGatewayRow> Gateways, IReadOnlyList<FailedExportRow> FailedToExport);

/// <summary>One ERP company's gateway (e.g. <c>spectrum:001</c>) and the companies that export through it.</summary>
/// <param name="InFlightSeconds">How long the call in flight has run, by the silo's clock.</param>
/// <param name="ExportsPerSecond">Exports finished per second since the previous reading.</param>
internal sealed record ErpGatewayRow(
    string Gateway,
    IReadOnlyList<string> Companies,
    int Depth,
    string? InFlight,
    double? InFlightSeconds,
    long Completed,
    double ExportsPerSecond,
    long Retries,
    bool CircuitOpen,
    string? LastError,
    DateTimeOffset? NextAttemptAt);

/// <summary>A budget the ERP refused, with the ERP's error (code, text, column).</summary>
internal sealed record FailedExportRow(string CompanyId, string ProjectId, int Submission, decimal Total, string Error, DateTimeOffset Since);
