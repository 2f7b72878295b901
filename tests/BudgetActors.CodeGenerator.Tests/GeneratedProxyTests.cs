using System.Reflection;
using BudgetActors.Runtime;

namespace BudgetActors.CodeGenerator.Tests;

public sealed class GeneratedProxyTests
{
    private static readonly Lazy<Assembly> s_sample = new(() => GeneratorRun.Of("""
        using System.Threading.Tasks;
        using BudgetActors.Runtime;

        namespace Sample;

        public interface ICalculatorGrain : IGrainWithStringKey
        {
            Task<int> AddAsync(int a, int b);
            [ReadOnly] ValueTask<string> EchoAsync(string text);
            [AlwaysInterleave] Task ResetAsync();
        }

        public sealed class Calculator : ICalculatorGrain
        {
            public int Resets { get; private set; }
            public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);
            public ValueTask<string> EchoAsync(string text) => new(text + "!");
            public Task ResetAsync() { Resets++; return Task.CompletedTask; }
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

    private static T Call<T>(object proxy, string method, params object[] args) =>
        (T)proxy.GetType().GetInterfaces().Single(i => i.Name == "ICalculatorGrain").GetMethod(method)!.Invoke(proxy, args)!;

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
