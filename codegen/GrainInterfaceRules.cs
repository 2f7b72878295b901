using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>Checks a grain interface against the runtime's rules, reporting every break as a build error.</summary>
internal static class GrainInterfaceRules
{
    /// <returns>Whether the interface may be generated (no errors).</returns>
    public static bool Check(INamedTypeSymbol grainInterface, IReadOnlyList<(INamedTypeSymbol Declaring, ISymbol Member)> members, Action<Diagnostic> report)
    {
        var ok = true;
        void Report(DiagnosticDescriptor descriptor, ISymbol at, params object[] args)
        {
            ok = false;
            report(Diagnostic.Create(descriptor, at.Locations.FirstOrDefault(l => l.IsInSource) ?? grainInterface.Locations.FirstOrDefault(), args));
        }

        var name = grainInterface.Name;
        if (grainInterface.IsGenericType)
        {
            Report(GrainDiagnostics.GenericInterface, grainInterface, name);
        }

        foreach (var (declaring, member) in members)
        {
            // Members declared in other assemblies were checked when those were built.
            if (!member.Locations.Any(l => l.IsInSource))
            {
                continue;
            }

            if (member is not IMethodSymbol method)
            {
                Report(GrainDiagnostics.PropertyOrEvent, member, declaring.Name, member.Name);
                continue;
            }

            if (method.IsGenericMethod)
            {
                Report(GrainDiagnostics.GenericMethod, method, declaring.Name, method.Name);
            }

            var shape = ReturnShape.Of(method.ReturnType);
            if (shape is null)
            {
                Report(GrainDiagnostics.ReturnType, method, declaring.Name, method.Name, method.ReturnType.ToDisplayString());
            }
            else if (shape.ResultType is { } result && ImmutabilityCheck.WhyMutable(result) is { } why)
            {
                Report(GrainDiagnostics.MutableResult, method, declaring.Name, method.Name, result.ToDisplayString(), why);
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    var kind = parameter.IsParams ? "params" : parameter.RefKind.ToString().ToLowerInvariant();
                    Report(GrainDiagnostics.ByRefParameter, parameter, declaring.Name, method.Name, parameter.Name, kind);
                }
                else if (GrainProxyGenerator.FullName(parameter.Type) == "System.Threading.CancellationToken")
                {
                    Report(GrainDiagnostics.CancellationTokenParameter, parameter, declaring.Name, method.Name, parameter.Name);
                }
                else if (ImmutabilityCheck.WhyMutable(parameter.Type) is { } why)
                {
                    Report(GrainDiagnostics.MutableParameter, parameter, declaring.Name, method.Name, parameter.Name, parameter.Type.ToDisplayString(), why);
                }
            }
        }

        return ok;
    }
}
