using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>
/// Decides whether a type is safe to pass between grains without copying: values, strings, records with
/// no setters, read-only or immutable collections of such, grain references, or types marked [Immutable].
/// </summary>
internal static class ImmutabilityCheck
{
    private static readonly HashSet<string> s_immutableValues =
    [
        "System.DateTimeOffset", "System.TimeSpan", "System.Guid", "System.DateOnly", "System.TimeOnly", "System.Uri",
    ];

    /// <summary>Immutable when what they hold is (Nullable counts: it holds one value).</summary>
    private static readonly HashSet<string> s_readOnlyContainers =
    [
        "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.IReadOnlySet`1",
        "System.Collections.Generic.IEnumerable`1", "System.Nullable`1",
    ];

    /// <returns>Null when immutable, else the reason it is not.</returns>
    public static string? WhyMutable(ITypeSymbol type) => WhyMutable(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    private static string? WhyMutable(ITypeSymbol type, HashSet<ITypeSymbol> seen)
    {
        if (!seen.Add(type))
        {
            return null; // already being checked further up: a cycle is as immutable as its members
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
                or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal or SpecialType.System_Single
                or SpecialType.System_Double or SpecialType.System_String or SpecialType.System_DateTime:
                return null;
        }

        // A type parameter only appears on a generic method or interface, which is an error of its own.
        if (type.TypeKind is TypeKind.Enum or TypeKind.TypeParameter || HasImmutableAttribute(type) || IsGrainReference(type))
        {
            return null;
        }

        if (type is IArrayTypeSymbol)
        {
            return "arrays can be changed after the call";
        }

        var name = TypeNames.MetadataName(type);
        if (s_immutableValues.Contains(name))
        {
            return null;
        }

        if (type is INamedTypeSymbol named && (s_readOnlyContainers.Contains(name) || IsImmutableCollection(named)))
        {
            foreach (var argument in named.TypeArguments)
            {
                if (WhyMutable(argument, seen) is { } why)
                {
                    return $"{argument.ToDisplayString()}: {why}";
                }
            }

            return null;
        }

        if (type.IsRecord)
        {
            return WhyMembersMutable(type, seen);
        }

        if (type.IsValueType && type.IsReadOnly)
        {
            return WhyFieldsMutable(type, seen);
        }

        return type.TypeKind == TypeKind.Interface
            ? "an interface can be implemented by a mutable class"
            : "it is neither a record nor a read-only struct";
    }

    /// <summary>
    /// A record's state is its public surface: public properties without public setters, public fields that are
    /// read-only, all of allowed types.
    /// </summary>
    private static string? WhyMembersMutable(ITypeSymbol type, HashSet<ITypeSymbol> seen)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers().Where(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public))
            {
                switch (member)
                {
                    case IPropertySymbol property:
                        if (property.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public })
                        {
                            return $"property {property.Name} has a public setter";
                        }

                        if (WhyMutable(property.Type, seen) is { } propertyWhy)
                        {
                            return $"property {property.Name}: {propertyWhy}";
                        }

                        break;
                    case IFieldSymbol { IsImplicitlyDeclared: false } field:
                        if (!field.IsReadOnly && !field.IsConst)
                        {
                            return $"field {field.Name} is not read-only";
                        }

                        if (WhyMutable(field.Type, seen) is { } fieldWhy)
                        {
                            return $"field {field.Name}: {fieldWhy}";
                        }

                        break;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A read-only struct cannot reassign its fields, but a private field can still hold something that changes
    /// (a list), so every instance field counts, whatever its accessibility; auto-property backing fields included.
    /// </summary>
    private static string? WhyFieldsMutable(ITypeSymbol type, HashSet<ITypeSymbol> seen)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic))
        {
            if (WhyMutable(field.Type, seen) is { } why)
            {
                return field.AssociatedSymbol is { } property ? $"property {property.Name}: {why}" : $"field {field.Name}: {why}";
            }
        }

        return null;
    }

    /// <summary>The top-level types of System.Collections.Immutable; their nested builders change freely.</summary>
    private static bool IsImmutableCollection(INamedTypeSymbol type) =>
        type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Immutable";

    private static bool IsGrainReference(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Interface && type.AllInterfaces.Any(i => TypeNames.MetadataName(i) == "BudgetActors.Runtime.IAddressable");

    private static bool HasImmutableAttribute(ITypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.Name == "ImmutableAttribute");
}
