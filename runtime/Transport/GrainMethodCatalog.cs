using System.Collections.Concurrent;
using System.Globalization;

namespace BudgetActors.Runtime;

/// <summary>
/// Names grain methods the same way in every process: <c>{interface full name}/{position}</c>, the
/// position being the method's place in the generated interface description (declaration order).
/// </summary>
internal static class GrainMethodCatalog
{
    private static readonly ConcurrentDictionary<GrainMethod, string> s_names = new();
    private static readonly ConcurrentDictionary<string, GrainMethod> s_methods = new(StringComparer.Ordinal);

    public static string WireName(GrainMethod method) => s_names.GetOrAdd(method, static m =>
    {
        var info = GrainInterfaceRegistry.Get(m.InterfaceType);
        var index = info.Methods.ToList().IndexOf(m);
        return index < 0
            ? throw new InvalidOperationException($"{m.FullName} is not sent over the network.")
            : string.Create(CultureInfo.InvariantCulture, $"{m.InterfaceType.FullName}/{index}");
    });

    /// <summary>The method a wire name stands for, or null when no interface of this process has it.</summary>
    public static GrainMethod? Find(string wireName)
    {
        if (s_methods.TryGetValue(wireName, out var known))
        {
            return known;
        }

        // Unknown names are not remembered: an interface may register later, and nobody can fill the cache.
        var found = Lookup(wireName);
        if (found is not null)
        {
            s_methods[wireName] = found;
        }

        return found;
    }

    private static GrainMethod? Lookup(string name)
    {
        var slash = name.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(name.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var interfaceName = name[..slash];
        var info = GrainInterfaceRegistry.All.FirstOrDefault(i => i.InterfaceType.FullName == interfaceName);
        return info is not null && index < info.Methods.Count ? info.Methods[index] : null;
    }
}
