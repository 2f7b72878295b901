using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BudgetActors.CodeGenerator.Tests;

/// <summary>Runs the generator over a source snippet the way a build would, and compiles the result.</summary>
internal sealed class GeneratorRun
{
    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(BudgetActors.Runtime.Grain).Assembly.Location),
    ];

    private GeneratorRun(ImmutableArray<Diagnostic> generatorDiagnostics, Compilation output, ImmutableArray<SyntaxTree> generated)
    {
        GeneratorDiagnostics = generatorDiagnostics;
        Output = output;
        Generated = generated;
    }

    /// <summary>What the generator reported (the BA errors).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The project with the generated files added.</summary>
    public Compilation Output { get; }

    public ImmutableArray<SyntaxTree> Generated { get; }

    /// <summary>Errors and warnings of compiling the project with the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public static GeneratorRun Of(string source)
    {
        var driver = CSharpGeneratorDriver.Create(new GrainProxyGenerator())
            .RunGeneratorsAndUpdateCompilation(Compile(source), out var output, out var diagnostics);
        return new GeneratorRun(diagnostics, output, driver.GetRunResult().GeneratedTrees);
    }

    /// <summary>A project of one file, referencing the runtime, with nullable reference types on (as every project here).</summary>
    public static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "Sample" + Guid.NewGuid().ToString("N"),
        [Parse(source)],
        s_references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>Emits the compiled project and loads it into this process.</summary>
    public Assembly Load()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
