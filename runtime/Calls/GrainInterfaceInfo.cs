using System.Reflection;
using System.Text;

namespace BudgetActors.Runtime;

/// <summary>What generated code registers for each grain interface: its proxy factory and its methods.</summary>
public sealed class GrainInterfaceInfo
{
    public GrainInterfaceInfo(Type interfaceType, Func<GrainId, IGrainCallInvoker, GrainReference> createReference, IReadOnlyList<GrainMethod> methods)
    {
        InterfaceType = interfaceType;
        CreateReference = createReference;
        Methods = methods;
        GrainType = GrainTypeOf(interfaceType);
    }

    public Type InterfaceType { get; }

    /// <summary>The grain type name: the first part of every <see cref="GrainId"/> of this interface.</summary>
    public string GrainType { get; }

    public Func<GrainId, IGrainCallInvoker, GrainReference> CreateReference { get; }

    public IReadOnlyList<GrainMethod> Methods { get; }

    /// <summary><c>[GrainType("x")]</c> if present, else the interface name without I and Grain, in kebab case.</summary>
    public static string GrainTypeOf(Type interfaceType)
    {
        if (interfaceType.GetCustomAttribute<GrainTypeAttribute>() is { } named)
        {
            return named.Name;
        }

        var name = interfaceType.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name[1..];
        }

        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }
}
