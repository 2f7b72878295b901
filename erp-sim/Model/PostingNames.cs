namespace BudgetActors.ErpSimulator;

/// <summary>How a protocol names the codes and columns of a refused posting.</summary>
internal sealed record PostingNames(string Missing, string Invalid, string Job, string Phase, string CostType, string Original)
{
    public static readonly PostingNames Spectrum = new("M", "I", "Job_Number", "Phase_Code", "Cost_Type", "Original_Est_Cost");

    public static readonly PostingNames Vista = new("NotFound", "Invalid", "Job", "Phase", "CostType", "OrigEstCost");
}
