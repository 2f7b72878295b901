using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>
/// How a grain method's task type maps onto a call: the awaited result (null for none), and how the proxy
/// and the call class adapt between the method's task and the runtime's <c>Task&lt;TResult&gt;</c>.
/// </summary>
internal sealed class ReturnShape
{
    private const string VoidResult = "global::BudgetActors.Runtime.VoidResult";

    private readonly bool _isValueTask;

    private ReturnShape(ITypeSymbol? resultType, bool isValueTask)
    {
        ResultType = resultType;
        _isValueTask = isValueTask;
    }

    public ITypeSymbol? ResultType { get; }

    /// <summary>The shape of Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;; null for anything else.</summary>
    public static ReturnShape? Of(ITypeSymbol returnType)
    {
        if (returnType is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks")
        {
            return null;
        }

        return (named.Name, named.TypeArguments.Length) switch
        {
            ("Task", 0) => new ReturnShape(null, isValueTask: false),
            ("Task", 1) => new ReturnShape(named.TypeArguments[0], isValueTask: false),
            ("ValueTask", 0) => new ReturnShape(null, isValueTask: true),
            ("ValueTask", 1) => new ReturnShape(named.TypeArguments[0], isValueTask: true),
            _ => null,
        };
    }

    /// <summary>Turns the runtime's <c>Task&lt;TResult&gt;</c> into what the interface method returns.</summary>
    public string WrapProxyResult(string send, string result) => (_isValueTask, ResultType is null) switch
    {
        (false, _) => send,
        (true, true) => $"new global::System.Threading.Tasks.ValueTask({send})",
        (true, false) => $"new global::System.Threading.Tasks.ValueTask<{result}>({send})",
    };

    /// <summary>Turns what the grain method returns into <c>Task&lt;TResult&gt;</c>.</summary>
    public string WrapInvoke(string call) => (_isValueTask, ResultType is null) switch
    {
        (_, true) => $"{VoidResult}.From({call})",
        (true, false) => $"{VoidResult}.FromValueTask({call})",
        (false, false) => call,
    };
}
