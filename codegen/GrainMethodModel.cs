namespace BudgetActors.CodeGenerator;

/// <summary>What the proxy and call class of one grain method need, as text.</summary>
/// <param name="DeclaringInterface">The fully qualified interface that declares the method (a base interface for inherited methods).</param>
/// <param name="Name">The method's name.</param>
/// <param name="CallClass">The name of the method's call class, unique within the proxy (overloads share a method name).</param>
/// <param name="ReturnType">The declared return type, with nullable annotations.</param>
/// <param name="Kind">Which task type the method returns.</param>
/// <param name="Result">The awaited type with nullable annotations; <c>VoidResult</c> for Task and ValueTask.</param>
/// <param name="ResultTypeOf">The awaited type as written in <c>typeof</c>.</param>
/// <param name="Parameters">The parameters in declaration order.</param>
internal sealed record GrainMethodModel(
    string DeclaringInterface,
    string Name,
    string CallClass,
    string ReturnType,
    ReturnKind Kind,
    string Result,
    string ResultTypeOf,
    EquatableArray<GrainParameterModel> Parameters);
