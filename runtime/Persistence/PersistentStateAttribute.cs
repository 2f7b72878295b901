namespace BudgetActors.Runtime;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime injects
/// state named <paramref name="stateName"/> kept by the storage provider named <paramref name="storageName"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string storageName = PersistentStateAttribute.DefaultStorage) : Attribute
{
    public const string DefaultStorage = "Default";

    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName;
}
