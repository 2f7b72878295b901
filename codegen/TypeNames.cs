using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>How the generator names types: for matching known types, and for writing them into generated code.</summary>
internal static class TypeNames
{
    /// <summary>For declarations: <c>global::</c>-qualified, so no user type or namespace can capture a name, with nullable annotations.</summary>
    public static readonly SymbolDisplayFormat Declaration = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>For <c>typeof</c>, which refuses nullable reference annotations.</summary>
    public static readonly SymbolDisplayFormat TypeOf = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The name a type has in metadata (<c>System.Nullable`1</c>, <c>Outer+Inner</c>), to match known types exactly.</summary>
    public static string MetadataName(ITypeSymbol type) =>
        type.ContainingType is { } outer ? $"{MetadataName(outer)}+{type.MetadataName}"
        : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.MetadataName}"
        : type.MetadataName;
}
