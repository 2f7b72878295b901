using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>Reads which task type a grain method returns, and what it awaits.</summary>
internal static class ReturnShape
{
    /// <returns>False for anything but Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt;.</returns>
    public static bool TryRead(ITypeSymbol returnType, out ReturnKind kind, out ITypeSymbol? result)
    {
        kind = default;
        result = null;
        if (returnType is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks" || named.ContainingType is not null)
        {
            return false;
        }

        switch (named.Name, named.TypeArguments.Length)
        {
            case ("Task", 0):
                kind = ReturnKind.Task;
                return true;
            case ("ValueTask", 0):
                kind = ReturnKind.ValueTask;
                return true;
            case ("Task", 1):
                kind = ReturnKind.TaskOfResult;
                result = named.TypeArguments[0];
                return true;
            case ("ValueTask", 1):
                kind = ReturnKind.ValueTaskOfResult;
                result = named.TypeArguments[0];
                return true;
            default:
                return false;
        }
    }
}
