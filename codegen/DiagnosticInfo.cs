using System.Linq;
using Microsoft.CodeAnalysis;

namespace BudgetActors.CodeGenerator;

/// <summary>
/// A build error found while reading a grain interface, kept as values (the message arguments as text) so the
/// pipeline can tell when a rerun found the same problems and skip reporting work.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Location? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>([.. arguments]));

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments.Cast<object>().ToArray());
}
