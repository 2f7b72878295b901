using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>The build errors for grain interfaces that break the runtime's rules; each names the method.</summary>
internal static class GrainDiagnostics
{
    private const string Category = "BudgetActors.Grains";

    public static readonly DiagnosticDescriptor ReturnType = Error(
        "BA0001", "Grain method must return a task",
        "{0}.{1} returns {2}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>, because every call is asynchronous");

    public static readonly DiagnosticDescriptor ByRefParameter = Error(
        "BA0002", "Grain method parameter cannot be ref, out, in or params",
        "Parameter '{2}' of {0}.{1} is {3}; grain calls pass arguments by value");

    public static readonly DiagnosticDescriptor CancellationTokenParameter = Error(
        "BA0003", "Grain method cannot take a CancellationToken",
        "Parameter '{2}' of {0}.{1} is a CancellationToken; grain calls have deadlines instead (see [ResponseTimeout])");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "BA0004", "Grain method cannot be generic",
        "{0}.{1} is generic; grain methods must have concrete argument and result types");

    public static readonly DiagnosticDescriptor GenericInterface = Error(
        "BA0005", "Grain interface cannot be generic",
        "{0} is generic; grain interfaces must be concrete so every grain has one stable type name");

    public static readonly DiagnosticDescriptor PropertyOrEvent = Error(
        "BA0006", "Grain interface can only declare methods",
        "{0}.{1} is a property or event; grain interfaces declare only methods returning tasks");

    public static readonly DiagnosticDescriptor MutableParameter = Error(
        "BA0007", "Grain method argument type must be immutable",
        "Parameter '{2}' of {0}.{1} has type {3}, which is not immutable ({4}); use a record with init-only properties, an immutable or read-only collection, or mark the type [Immutable]");

    public static readonly DiagnosticDescriptor MutableResult = Error(
        "BA0008", "Grain method result type must be immutable",
        "{0}.{1} returns {2}, which is not immutable ({3}); use a record with init-only properties, an immutable or read-only collection, or mark the type [Immutable]");

    public static readonly DiagnosticDescriptor NonGrainBaseInterface = Error(
        "BA0009", "Grain interface can only extend grain interfaces",
        "{0} extends {1}, which is not a grain interface; a grain proxy forwards only grain methods, so move {1}'s members into a grain interface or drop it from {0}'s base list");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
