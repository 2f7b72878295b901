namespace BudgetActors.Runtime;

/// <summary>
/// The grain classes a silo hosts, found in the assemblies given to <c>AddGrains</c>: each grain interface
/// is served by exactly one class.
/// </summary>
internal sealed class GrainClassRegistry
{
    private readonly Dictionary<string, GrainClassInfo> _byGrainType = new(StringComparer.Ordinal);

    public GrainClassRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        foreach (var assembly in assemblies.Select(a => a.Assembly).Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(Grain).IsAssignableFrom(t)))
            {
                foreach (var grainInterface in type.GetInterfaces().Where(IsKeyedGrainInterface))
                {
                    var info = GrainInterfaceRegistry.Get(grainInterface);
                    if (_byGrainType.TryGetValue(info.GrainType, out var existing) && existing.GrainClass != type)
                    {
                        throw new InvalidOperationException(
                            $"Grain type '{info.GrainType}' ({grainInterface.Name}) is implemented by both {existing.GrainClass} and {type}; keep one.");
                    }

                    _byGrainType[info.GrainType] = new GrainClassInfo(type, info);
                }
            }
        }
    }

    public IReadOnlyCollection<GrainClassInfo> All => _byGrainType.Values;

    public GrainClassInfo? Find(string grainType) => _byGrainType.GetValueOrDefault(grainType);

    public GrainClassInfo Get(string grainType) =>
        _byGrainType.TryGetValue(grainType, out var info)
            ? info
            : throw new InvalidOperationException(
                $"No grain class on this silo implements grain type '{grainType}'. Add its assembly with silo.AddGrains(...).");

    private static bool IsKeyedGrainInterface(Type type) =>
        type.IsInterface && type != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(type);
}
