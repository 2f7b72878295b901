namespace BudgetActors.ErpSimulator;

/// <summary>A company's refusal of a call: Spectrum Error_Code/Error_Description/Error_Column, Vista code/message/field.</summary>
internal sealed record ErpRefusal(string Code, string Description, string? Column);
