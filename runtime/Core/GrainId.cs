namespace BudgetActors.Runtime;

/// <summary>
/// The identity of a grain: its grain type name (stable, stored in PostgreSQL) and its string key.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
