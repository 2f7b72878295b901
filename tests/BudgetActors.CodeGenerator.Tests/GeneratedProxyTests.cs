using System.Reflection;
using BudgetActors.Runtime;

namespace BudgetActors.CodeGenerator.Tests;

public sealed class GeneratedProxyTests
{
    private static readonly Lazy<Assembly> s_sample = new(() => GeneratorRun.Of("""
        using System.Threading.Tasks;
        using BudgetActors.Runtime;

        namespace Sample;

        public interface IGreeterGrain : IGrainWithStringKey
        {
            Task<string> GreetAsync(string name);
        }

        public interface ICalculatorGrain : IGreeterGrain
        {
            Task<int> AddAsync(int a, int b);
            [ReadOnly] ValueTask<string> EchoAsync(string text);
            [AlwaysInterleave] Task ResetAsync();
            ValueTask ClearAsync();
            Task<string> DescribeAsync(int value);
            Task<string> DescribeAsync(string? value);
        }

        public sealed class Calculator : ICalculatorGrain
        {
            public int Resets { get; private set; }
            public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);
            public ValueTask<string> EchoAsync(string text) => new(text + "!");
            public Task ResetAsync() { Resets++; return Task.CompletedTask; }
            public async ValueTask ClearAsync() { await Task.Yield(); Resets += 10; }
            public Task<string> DescribeAsync(int value) => Task.FromResult($"int {value}");
            public Task<string> DescribeAsync(string? value) => Task.FromResult($"string {value ?? "null"}");
            public Task<string> GreetAsync(string name) => Task.FromResult($"hello {name}");
        }
        """).Load());

    [Fact]
    public async Task A_proxy_hands_each_call_to_the_invoker_and_the_call_runs_the_method_on_the_grain()
    {
        var (proxy, invoker, grain) = Create();

        Assert.Equal(5, await Call<Task<int>>(proxy, "AddAsync", 2, 3));
        Assert.Equal("hi!", await Call<ValueTask<string>>(proxy, "EchoAsync", "hi"));
        await Call<Task>(proxy, "ResetAsync");

        Assert.Equal(["ICalculatorGrain.AddAsync(2, 3)", "ICalculatorGrain.EchoAsync(hi)", "ICalculatorGrain.ResetAsync()"], invoker.Calls);
        Assert.Equal(1, grain.GetType().GetProperty("Resets")!.GetValue(grain));
    }

    [Fact]
    public async Task Overloads_inherited_methods_and_plain_value_tasks_reach_the_right_grain_method()
    {
        var (proxy, invoker, grain) = Create();

        Assert.Equal("int 7", await Call<Task<string>>(proxy, "DescribeAsync", 7));
        Assert.Equal("string seven", await Call<Task<string>>(proxy, "DescribeAsync", "seven"));
        Assert.Equal("hello ada", await Call<Task<string>>(proxy, "GreetAsync", "ada"));
        await Call<ValueTask>(proxy, "ClearAsync");

        Assert.Equal(["ICalculatorGrain.DescribeAsync(7)", "ICalculatorGrain.DescribeAsync(seven)", "IGreeterGrain.GreetAsync(ada)", "ICalculatorGrain.ClearAsync()"], invoker.Calls);
        Assert.Equal(10, grain.GetType().GetProperty("Resets")!.GetValue(grain));
    }

    [Fact]
    public void Every_grain_interface_is_registered_with_its_own_and_its_inherited_methods()
    {
        var calculator = GrainInterfaceRegistry.Get(s_sample.Value.GetType("Sample.ICalculatorGrain")!);
        var greeter = GrainInterfaceRegistry.Get(s_sample.Value.GetType("Sample.IGreeterGrain")!);

        Assert.Equal(
            ["ICalculatorGrain.AddAsync", "ICalculatorGrain.ClearAsync", "ICalculatorGrain.DescribeAsync", "ICalculatorGrain.DescribeAsync", "ICalculatorGrain.EchoAsync", "ICalculatorGrain.ResetAsync", "IGreeterGrain.GreetAsync"],
            calculator.Methods.Select(m => m.FullName).Order());
        Assert.Equal([[typeof(int)], [typeof(string)]], calculator.Methods.Where(m => m.Name == "DescribeAsync").Select(m => m.ParameterTypes.ToArray()));
        Assert.Equal(["IGreeterGrain.GreetAsync"], greeter.Methods.Select(m => m.FullName));
        Assert.Equal("greeter", greeter.GrainType);
    }

    [Fact]
    public void Method_descriptors_carry_the_scheduling_attributes_and_types()
    {
        var info = GrainInterfaceRegistry.Get(s_sample.Value.GetType("Sample.ICalculatorGrain")!);

        Assert.Equal("calculator", info.GrainType);
        var add = Assert.Single(info.Methods, m => m.Name == "AddAsync");
        Assert.Equal([typeof(int), typeof(int)], add.ParameterTypes);
        Assert.Equal(typeof(int), add.ResultType);
        Assert.True(Assert.Single(info.Methods, m => m.Name == "EchoAsync").IsReadOnly);
        var reset = Assert.Single(info.Methods, m => m.Name == "ResetAsync");
        Assert.True(reset.AlwaysInterleave);
        Assert.Equal(typeof(VoidResult), reset.ResultType);
    }

    [Fact]
    public async Task A_call_rebuilt_from_its_arguments_runs_the_same_method()
    {
        var (proxy, invoker, grain) = Create();
        var info = GrainInterfaceRegistry.Get(s_sample.Value.GetType("Sample.ICalculatorGrain")!);
        var add = Assert.Single(info.Methods, m => m.Name == "AddAsync");

        var call = (GrainCall<int>)add.CreateCall([20, 22]);

        Assert.Equal([20, 22], call.GetArguments());
        Assert.Equal(42, await call.Invoke(grain));
        Assert.Empty(invoker.Calls);
        GC.KeepAlive(proxy);
    }

    private static (object Proxy, RecordingInvoker Invoker, object Grain) Create()
    {
        var assembly = s_sample.Value;
        var grain = Activator.CreateInstance(assembly.GetType("Sample.Calculator")!)!;
        var invoker = new RecordingInvoker(grain);
        var info = GrainInterfaceRegistry.Get(assembly.GetType("Sample.ICalculatorGrain")!);
        return (info.CreateReference(new GrainId(info.GrainType, "c1"), invoker), invoker, grain);
    }

    /// <summary>Calls the interface method (of the proxy's interfaces) whose parameter types match the arguments.</summary>
    private static T Call<T>(object proxy, string method, params object[] args) =>
        (T)proxy.GetType().GetInterfaces()
            .SelectMany(i => i.GetMethods())
            .Single(m => m.Name == method && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(args.Select(a => a.GetType())))
            .Invoke(proxy, args)!;

    private sealed class RecordingInvoker(object grain) : IGrainCallInvoker
    {
        public List<string> Calls { get; } = [];

        public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainCall<TResult> call)
        {
            Calls.Add($"{call.Method.FullName}({string.Join(", ", call.GetArguments())})");
            return call.Invoke(grain);
        }
    }
}
