namespace BudgetActors.CodeGenerator;

/// <summary>
/// One grain interface as the generator's pipeline carries it: text and values only, never symbols, so an
/// edit elsewhere in the project that leaves the interface as it was costs no regeneration.
/// </summary>
/// <param name="InterfaceType">The interface, fully qualified.</param>
/// <param name="Namespace">Where its generated code goes.</param>
/// <param name="ProxyName">The proxy class name, unique within <paramref name="Namespace"/>.</param>
/// <param name="Methods">Its methods and those of the grain interfaces it extends; empty when it has problems.</param>
/// <param name="Problems">The build errors in the interface's own declaration.</param>
/// <param name="BaseHasProblems">
/// Whether a grain interface it extends, declared in this project, has problems of its own: those are reported
/// on that interface, and this one is not generated either, so generated code adds no errors on top.
/// </param>
internal sealed record GrainInterfaceModel(
    string InterfaceType,
    string Namespace,
    string ProxyName,
    EquatableArray<GrainMethodModel> Methods,
    EquatableArray<DiagnosticInfo> Problems,
    bool BaseHasProblems)
{
    public bool CanGenerate => Problems.IsEmpty && !BaseHasProblems;

    public string ProxyFullName => $"global::{Namespace}.{ProxyName}";

    public string HintName => $"{Namespace}.{ProxyName}.g.cs";
}
