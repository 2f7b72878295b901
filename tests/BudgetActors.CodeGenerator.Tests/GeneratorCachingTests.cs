using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BudgetActors.CodeGenerator.Tests;

/// <summary>
/// The generator runs on every keystroke in an editor: an edit that leaves the grain interfaces as they were
/// must reuse what was generated instead of writing every proxy again.
/// </summary>
public sealed class GeneratorCachingTests
{
    private const string Interfaces = """
        using System.Threading.Tasks;
        using BudgetActors.Runtime;

        namespace Workflow;

        public sealed record BudgetLine(string CostCode, decimal Original);

        public interface IBudgetGrain : IGrainWithStringKey
        {
            Task AddLine(BudgetLine line);
        }
        """;

    [Fact]
    public void An_edit_elsewhere_in_the_project_regenerates_nothing()
    {
        var (driver, compilation) = RunOnce();

        var result = Rerun(driver, compilation.AddSyntaxTrees(GeneratorRun.Parse("namespace Workflow; public sealed class Notes { public string Text { get; set; } = \"\"; }")));

        Assert.All(ReadOutputs(result), reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_edit_to_a_grain_interface_regenerates_its_proxy()
    {
        var (driver, compilation) = RunOnce();
        var tree = compilation.SyntaxTrees.Single();

        var result = Rerun(driver, compilation.ReplaceSyntaxTree(tree, GeneratorRun.Parse(Interfaces.Replace("Task AddLine(BudgetLine line);", "Task AddLine(BudgetLine line);\n    Task Lock();", StringComparison.Ordinal))));

        Assert.Contains(IncrementalStepRunReason.Modified, ReadOutputs(result));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("LockCall", StringComparison.Ordinal));
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce()
    {
        var compilation = GeneratorRun.Compile(Interfaces);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GrainProxyGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return (driver.RunGenerators(compilation, TestContext.Current.CancellationToken), compilation);
    }

    private static GeneratorRunResult Rerun(GeneratorDriver driver, Compilation edited) =>
        driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

    private static IEnumerable<IncrementalStepRunReason> ReadOutputs(GeneratorRunResult result) =>
        result.TrackedSteps[GrainProxyGenerator.ReadStep].SelectMany(s => s.Outputs).Select(o => o.Reason);
}
