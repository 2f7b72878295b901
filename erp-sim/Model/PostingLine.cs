namespace BudgetActors.ErpSimulator;

/// <summary>One phase of a posting, as either protocol carries it, before the company validates it.</summary>
/// <param name="OriginalEstimate">The new original estimate, or null to leave it.</param>
/// <param name="CurrentEstimate">Spectrum: the new current estimate, or null to leave it.</param>
/// <param name="ChangeOrderAmount">Vista: an amount a change order adds to the current estimate.</param>
internal sealed record PostingLine(
    string CostCode,
    string CostType,
    string? Description,
    decimal? OriginalEstimate,
    decimal? CurrentEstimate,
    decimal ChangeOrderAmount = 0);
