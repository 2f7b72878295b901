namespace BudgetActors.GrainInterfaces;

/// <summary>What an import does with lines the budget already has.</summary>
public enum ImportMode
{
    /// <summary>Replace the budget's lines with the ERP's.</summary>
    Override,

    /// <summary>Keep existing lines; add only cost code/category combinations not present yet.</summary>
    Keep,
}
