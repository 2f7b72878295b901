namespace BudgetActors.CodeGenerator.Tests;

public sealed class GrainInterfaceRuleTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Threading;
        using System.Threading.Tasks;
        using BudgetActors.Runtime;

        """;

    public static TheoryData<string, string, string> BrokenInterfaces => new()
    {
        { "public interface IBudgetGrain : IGrainWithStringKey { int Total(); }", "BA0001", "IBudgetGrain.Total returns int" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Lock(ref int version); }", "BA0002", "Parameter 'version' of IBudgetGrain.Lock is ref" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Lock(params string[] lines); }", "BA0002", "Parameter 'lines' of IBudgetGrain.Lock is params" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Lock(out int version); }", "BA0002", "Parameter 'version' of IBudgetGrain.Lock is out" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Lock(in decimal total); }", "BA0002", "Parameter 'total' of IBudgetGrain.Lock is in" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Lock(ref readonly decimal total); }", "BA0002", "Parameter 'total' of IBudgetGrain.Lock is ref readonly" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Lock(CancellationToken cancellationToken); }", "BA0003", "Parameter 'cancellationToken' of IBudgetGrain.Lock is a CancellationToken" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Lock(CancellationToken? cancellationToken); }", "BA0003", "Parameter 'cancellationToken' of IBudgetGrain.Lock is a CancellationToken" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task<T> Get<T>(); }", "BA0004", "IBudgetGrain.Get is generic" },
        { "public interface IBudgetGrain<T> : IGrainWithStringKey { Task Lock(); }", "BA0005", "IBudgetGrain is generic" },
        { "public static class Budgets<T> { public interface IBudgetGrain : IGrainWithStringKey { Task Lock(); } }", "BA0005", "Budgets.IBudgetGrain is generic" },
        { "public interface IBudgetGrain : IGrainWithStringKey { string Status { get; } }", "BA0006", "IBudgetGrain.Status is a property or event" },
        { "public interface IBudgetGrain : IGrainWithStringKey { event EventHandler Locked; }", "BA0006", "IBudgetGrain.Locked is a property or event" },
        { "public class Line { public decimal Amount { get; set; } } public interface IBudgetGrain : IGrainWithStringKey { Task Add(Line line); }", "BA0007", "Parameter 'line' of IBudgetGrain.Add has type Line, which is not immutable (it is neither a record nor a read-only struct)" },
        { "public record Line(string CostCode) { public decimal Amount { get; set; } } public interface IBudgetGrain : IGrainWithStringKey { Task Add(Line line); }", "BA0007", "(property Amount has a public setter)" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Add(decimal[] amounts); }", "BA0007", "Parameter 'amounts' of IBudgetGrain.Add has type decimal[], which is not immutable (arrays can be changed after the call)" },
        { "public record Line(List<string> Notes); public interface IBudgetGrain : IGrainWithStringKey { Task Add(Line line); }", "BA0007", "(property Notes: it is neither a record nor a read-only struct)" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task<List<string>> Lines(); }", "BA0008", "IBudgetGrain.Lines returns System.Collections.Generic.List<string>, which is not immutable" },
        { "public interface IBudgetGrain : IGrainWithStringKey { ValueTask<List<string>> Lines(); }", "BA0008", "IBudgetGrain.Lines returns System.Collections.Generic.List<string>, which is not immutable" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Add(ImmutableList<string>.Builder lines); }", "BA0007", "has type System.Collections.Immutable.ImmutableList<string>.Builder, which is not immutable" },
        { "public readonly struct Lines { private readonly List<string> _lines; public Lines(List<string> lines) => _lines = lines; } public interface IBudgetGrain : IGrainWithStringKey { Task Add(Lines lines); }", "BA0007", "(field _lines: it is neither a record nor a read-only struct)" },
        { "public interface IBudgetGrain : IGrainWithStringKey { Task Add(ArraySegment<decimal> amounts); }", "BA0007", "(field _array: arrays can be changed after the call)" },
        { "public interface IBudgetGrain : IGrainWithStringKey, IDisposable { Task Lock(); }", "BA0009", "IBudgetGrain extends System.IDisposable, which is not a grain interface" },
    };

    [Theory]
    [MemberData(nameof(BrokenInterfaces))]
    public void A_grain_interface_that_breaks_a_rule_fails_the_build_naming_the_method(string source, string id, string message)
    {
        var run = GeneratorRun.Of(Usings + source);

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal((id, DiagnosticSeverityError), (error.Id, error.Severity.ToString()));
        Assert.Contains(message, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Generated.Where(t => t.FilePath.Contains("Proxy", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_problem_of_an_interface_is_reported_at_once()
    {
        var run = GeneratorRun.Of(Usings + "public interface IBudgetGrain : IGrainWithStringKey { int Total(); Task Lock(CancellationToken token); Task Add(int[] amounts); }");

        Assert.Equal(["BA0001", "BA0003", "BA0007"], run.GeneratorDiagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void A_problem_in_a_base_interface_is_reported_once_and_no_interface_extending_it_is_generated()
    {
        var run = GeneratorRun.Of(Usings + """
            public interface IBudgetGrain : IGrainWithStringKey { int Total(); }
            public interface IAuditedBudgetGrain : IBudgetGrain { Task Audit(); }
            public interface IArchivedBudgetGrain : IAuditedBudgetGrain { Task Archive(); }
            """);

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Contains("IBudgetGrain.Total returns int", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Generated);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Interfaces_that_keep_the_rules_generate_code_that_compiles_without_warnings()
    {
        var run = GeneratorRun.Of(Usings + """
            namespace Workflow;

            public enum BudgetStatus { Unlocked, Locked }
            public sealed record BudgetLine(string CostCode, string Category, decimal Original);
            public readonly record struct Money(decimal Amount);
            [Immutable] public sealed class Snapshot { public int Version { get; } }

            public interface IBudgetGrain : IGrainWithStringKey, IRemindable
            {
                Task Lock();
                Task<BudgetStatus> Status();
                Task AddLine(BudgetLine line);
                Task AddLine(string costCode, string category, Money original);
                ValueTask<IReadOnlyList<BudgetLine>> Lines();
                ValueTask Unlock(string? reason);
                Task<Snapshot?> Snapshot(System.DateTimeOffset at, System.Guid id, IApproverGrain? approver);
            }

            public interface IApproverGrain : IGrainWithStringKey
            {
                Task<System.Collections.Immutable.ImmutableArray<string>> Pending();
            }

            public interface IAuditedBudgetGrain : IBudgetGrain
            {
                Task Audit();
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(4, run.Generated.Length); // three proxies and the module initializer
    }

    public static TheoryData<string> UnusualInterfaces => new()
    {
        // Static members and nested types are no part of a call.
        "public interface IBudgetGrain : IGrainWithStringKey { enum Mode { Keep, Override } static int Limit => 5; Task Import(IBudgetGrain.Mode mode); }",
        // Generated code must reach the proxy's invoker and the method whatever the user named things.
        "public interface IBudgetGrain : IGrainWithStringKey { Task Send(string Invoker, int grain, int args, int _arg0); Task @lock(); }",
        // Two classes may each nest an interface of the same name (rows without a namespace use the global one).
        "namespace Erp { public static class Spectrum { public interface IGatewayGrain : IGrainWithStringKey { Task Export(); } } public static class Vista { public interface IGatewayGrain : IGrainWithStringKey { Task Export(); } } }",
        // A partial interface gets one proxy, whichever part carries the base list.
        "public partial interface IBudgetGrain { Task Lock(); } public partial interface IBudgetGrain : IGrainWithStringKey { Task Unlock(); }",
        // Records may refer to themselves.
        "public sealed record CostCode(string Code, CostCode? Parent, ImmutableArray<CostCode> Children); public interface IBudgetGrain : IGrainWithStringKey { Task<CostCode> Root(CostCode under); }",
        // Read-only structs of allowed fields, and the read-only BCL values that are built the same way.
        "public readonly struct Money(decimal amount) { public decimal Amount { get; } = amount; } public interface IBudgetGrain : IGrainWithStringKey { Task<IReadOnlyDictionary<string, Money>> Totals(KeyValuePair<string, Money> line, Int128 big, Half small, Index at, int? version); }",
    };

    [Theory]
    [MemberData(nameof(UnusualInterfaces))]
    public void Unusual_but_valid_interfaces_generate_code_that_compiles_without_warnings(string source)
    {
        var run = GeneratorRun.Of(Usings + source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.Generated, t => t.FilePath.Contains("Proxy", StringComparison.Ordinal));
    }

    private const string DiagnosticSeverityError = "Error";
}
