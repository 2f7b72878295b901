using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BudgetActors.CodeGenerator;

/// <summary>
/// For every grain interface declared in the project: a proxy class with one call class per method, and a
/// module initializer that registers them with the runtime. Interfaces that break the rules get build errors
/// instead of code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainProxyGenerator : IIncrementalGenerator
{
    /// <summary>The pipeline step that reads grain interfaces; tests watch it to see unchanged interfaces cached.</summary>
    internal const string ReadStep = "GrainInterfaces";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every interface declaration: the base list that makes it a grain interface may sit on another part.
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax,
                GrainInterfaceReader.Read)
            .Where(static grainInterface => grainInterface is not null)
            .Select(static (grainInterface, _) => grainInterface!)
            .WithTrackingName(ReadStep);

        context.RegisterSourceOutput(interfaces, static (output, grainInterface) =>
        {
            foreach (var problem in grainInterface.Problems)
            {
                output.ReportDiagnostic(problem.ToDiagnostic());
            }

            if (grainInterface.CanGenerate)
            {
                output.AddSource(grainInterface.HintName, ProxyWriter.WriteProxy(grainInterface));
            }
        });

        var proxies = interfaces
            .Where(static grainInterface => grainInterface.CanGenerate)
            .Select(static (grainInterface, _) => grainInterface.ProxyFullName)
            .Collect();

        context.RegisterSourceOutput(proxies, static (output, names) =>
        {
            if (!names.IsEmpty)
            {
                output.AddSource("BudgetActors.GrainModuleInitializer.g.cs", ProxyWriter.WriteModuleInitializer(names.OrderBy(n => n, System.StringComparer.Ordinal)));
            }
        });
    }
}
