using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>Checks a grain interface against the runtime's rules; every break is a build error naming the method.</summary>
internal static class GrainInterfaceRules
{
    /// <summary>
    /// The problems of the interface's own declaration: the interface itself, its base list, and the members it
    /// declares. Inherited members are the business of the interface that declares them, so each problem is
    /// reported once however many interfaces extend it.
    /// </summary>
    public static ImmutableArray<DiagnosticInfo> ProblemsOf(INamedTypeSymbol grainInterface)
    {
        var problems = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        void Report(DiagnosticDescriptor descriptor, ISymbol at, params string[] arguments) => problems.Add(
            DiagnosticInfo.Create(descriptor, at.Locations.FirstOrDefault(l => l.IsInSource) ?? grainInterface.Locations.FirstOrDefault(), arguments));

        var name = ShortName(grainInterface);

        // True for an interface nested in a generic type too: its proxy would be generic all the same.
        if (grainInterface.IsGenericType)
        {
            Report(GrainDiagnostics.GenericInterface, grainInterface, name);
        }

        foreach (var baseInterface in grainInterface.Interfaces)
        {
            if (!DerivesFromIGrain(baseInterface) && new[] { baseInterface }.Concat(baseInterface.AllInterfaces).Any(i => MembersOf(i).Any()))
            {
                Report(GrainDiagnostics.NonGrainBaseInterface, grainInterface, name, baseInterface.ToDisplayString());
            }
        }

        foreach (var member in MembersOf(grainInterface))
        {
            if (member is not IMethodSymbol method)
            {
                Report(GrainDiagnostics.PropertyOrEvent, member, name, member.Name);
                continue;
            }

            if (method.IsGenericMethod)
            {
                Report(GrainDiagnostics.GenericMethod, method, name, method.Name);
            }

            if (!ReturnShape.TryRead(method.ReturnType, out _, out var result))
            {
                Report(GrainDiagnostics.ReturnType, method, name, method.Name, method.ReturnType.ToDisplayString());
            }
            else if (result is not null && ImmutabilityCheck.WhyMutable(result) is { } why)
            {
                Report(GrainDiagnostics.MutableResult, method, name, method.Name, result.ToDisplayString(), why);
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    Report(GrainDiagnostics.ByRefParameter, parameter, name, method.Name, parameter.Name, PassingOf(parameter));
                }
                else if (IsCancellationToken(parameter.Type))
                {
                    Report(GrainDiagnostics.CancellationTokenParameter, parameter, name, method.Name, parameter.Name);
                }
                else if (ImmutabilityCheck.WhyMutable(parameter.Type) is { } why)
                {
                    Report(GrainDiagnostics.MutableParameter, parameter, name, method.Name, parameter.Name, parameter.Type.ToDisplayString(), why);
                }
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// The members a proxy has to implement: instance methods, properties and events. Static members and nested
    /// types are no part of a call, so they are allowed and ignored.
    /// </summary>
    public static IEnumerable<ISymbol> MembersOf(INamedTypeSymbol type) =>
        type.GetMembers().Where(m => !m.IsStatic && m is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IEventSymbol);

    public static bool DerivesFromIGrain(INamedTypeSymbol type) =>
        TypeNames.MetadataName(type) == "BudgetActors.Runtime.IGrain" || type.AllInterfaces.Any(i => TypeNames.MetadataName(i) == "BudgetActors.Runtime.IGrain");

    /// <summary>The name messages use: the interface's own, after its containing types' when nested.</summary>
    private static string ShortName(INamedTypeSymbol type) => type.ContainingType is { } outer ? $"{ShortName(outer)}.{type.Name}" : type.Name;

    private static string PassingOf(IParameterSymbol parameter) => parameter.IsParams ? "params" : parameter.RefKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        var other => other.ToString(),
    };

    // CancellationToken? would otherwise be refused as a mutable type, with a less helpful message.
    private static bool IsCancellationToken(ITypeSymbol type) =>
        TypeNames.MetadataName(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type)
        == "System.Threading.CancellationToken";
}
