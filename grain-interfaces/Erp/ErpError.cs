namespace BudgetActors.GrainInterfaces;

/// <summary>
/// What an ERP said when it refused something: its code (Spectrum: A abort/not authorised, I invalid,
/// M missing), its text, and the column it was about.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ErpError([property: Id(0)] string Code, [property: Id(1)] string Text, [property: Id(2)] string? Column)
{
    public override string ToString() => Column is null ? $"{Code}: {Text}" : $"{Code}: {Text} ({Column})";
}
