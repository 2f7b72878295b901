using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace BudgetActors.Runtime;

/// <summary>
/// The process-wide list of grain interfaces, filled by the module initializers the code generator
/// emits into every assembly that declares grain interfaces.
/// </summary>
public static class GrainInterfaceRegistry
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceInfo> s_byType = new();

    public static void Register(GrainInterfaceInfo info) => s_byType[info.InterfaceType] = info;

    /// <summary>The registration for <paramref name="interfaceType"/>; runs its module's initializer first if needed.</summary>
    public static GrainInterfaceInfo Get(Type interfaceType)
    {
        if (s_byType.TryGetValue(interfaceType, out var info))
        {
            return info;
        }

        // typeof(T) alone does not run a module's initializer; make sure it has run before concluding.
        RuntimeHelpers.RunModuleConstructor(interfaceType.Module.ModuleHandle);
        return s_byType.TryGetValue(interfaceType, out info)
            ? info
            : throw new InvalidOperationException(
                $"{interfaceType} is not a known grain interface: grain interfaces must derive from IGrainWithStringKey " +
                "in a project that references the BudgetActors code generator.");
    }

    public static IReadOnlyCollection<GrainInterfaceInfo> All => [.. s_byType.Values];
}
