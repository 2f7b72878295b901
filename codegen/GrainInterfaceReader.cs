using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>Turns a grain interface declaration into the model the proxy is written from, checking its rules on the way.</summary>
internal static class GrainInterfaceReader
{
    private const string VoidResult = "global::BudgetActors.Runtime.VoidResult";

    /// <returns>Null unless the declaration is a grain interface (and, for a partial one, its first part).</returns>
    public static GrainInterfaceModel? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol grainInterface
            || !IsGrainInterface(grainInterface))
        {
            return null;
        }

        // A partial interface is read once, at its first part, so it gets one proxy.
        var first = grainInterface.DeclaringSyntaxReferences[0];
        if (first.SyntaxTree != context.Node.SyntaxTree || first.Span != context.Node.Span)
        {
            return null;
        }

        var problems = GrainInterfaceRules.ProblemsOf(grainInterface);
        var bases = grainInterface.AllInterfaces.Where(IsGrainInterface).ToList();

        // Interfaces from referenced assemblies were checked when those were built.
        var baseHasProblems = bases.Any(b => b.Locations.Any(l => l.IsInSource) && !GrainInterfaceRules.ProblemsOf(b.OriginalDefinition).IsEmpty);
        var methods = problems.IsEmpty && !baseHasProblems ? MethodsOf(grainInterface, bases) : ImmutableArray<GrainMethodModel>.Empty;

        return new GrainInterfaceModel(
            grainInterface.ToDisplayString(TypeNames.TypeOf),
            GeneratedNamespace(grainInterface),
            ProxyName(grainInterface),
            new EquatableArray<GrainMethodModel>(methods),
            new EquatableArray<DiagnosticInfo>(problems),
            baseHasProblems);
    }

    /// <summary>
    /// A grain interface is one that extends IGrain, usually through IGrainWithStringKey or IRemindable. IGrain and
    /// IGrainWithStringKey themselves are markers with no methods; IRemindable is a grain interface the runtime
    /// calls, so it gets a proxy of its own (in the runtime assembly).
    /// </summary>
    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && TypeNames.MetadataName(type) is not ("BudgetActors.Runtime.IGrain" or "BudgetActors.Runtime.IGrainWithStringKey")
        && GrainInterfaceRules.DerivesFromIGrain(type);

    /// <summary>The interface's own methods, then those of the grain interfaces it extends.</summary>
    private static ImmutableArray<GrainMethodModel> MethodsOf(INamedTypeSymbol grainInterface, IEnumerable<INamedTypeSymbol> bases)
    {
        var methods = ImmutableArray.CreateBuilder<GrainMethodModel>();
        var callClassesNamed = new Dictionary<string, int>();
        foreach (var declaring in new[] { grainInterface }.Concat(bases))
        {
            foreach (var method in GrainInterfaceRules.MembersOf(declaring).OfType<IMethodSymbol>())
            {
                // Named after the method so stack traces read well; overloads take a number.
                callClassesNamed.TryGetValue(method.Name, out var sameName);
                callClassesNamed[method.Name] = ++sameName;
                var callClass = sameName == 1 ? $"{method.Name}Call" : $"{method.Name}Call{sameName}";

                ReturnShape.TryRead(method.ReturnType, out var kind, out var result);
                methods.Add(new GrainMethodModel(
                    declaring.ToDisplayString(TypeNames.TypeOf),
                    method.Name,
                    callClass,
                    method.ReturnType.ToDisplayString(TypeNames.Declaration),
                    kind,
                    result?.ToDisplayString(TypeNames.Declaration) ?? VoidResult,
                    result?.ToDisplayString(TypeNames.TypeOf) ?? VoidResult,
                    new EquatableArray<GrainParameterModel>([.. method.Parameters.Select(p => new GrainParameterModel(
                        p.Name, p.Type.ToDisplayString(TypeNames.Declaration), p.Type.ToDisplayString(TypeNames.TypeOf)))])));
            }
        }

        return methods.ToImmutable();
    }

    private static string GeneratedNamespace(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + ".Generated" : "Generated";

    /// <summary>Nested interfaces carry their containing types' names: two classes may each nest an IFooGrain.</summary>
    private static string ProxyName(INamedTypeSymbol type)
    {
        var name = type.Name + "Proxy";
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "_" + name;
        }

        return name;
    }
}
