namespace BudgetActors.CodeGenerator;

/// <param name="Name">The parameter's name as declared.</param>
/// <param name="Type">The type as written in declarations: fully qualified, with nullable annotations.</param>
/// <param name="TypeOf">The type as written in <c>typeof</c>: fully qualified, without nullable reference annotations.</param>
internal sealed record GrainParameterModel(string Name, string Type, string TypeOf);
