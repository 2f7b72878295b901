namespace BudgetActors.GrainInterfaces;

/// <summary>
/// What an ERP said when it refused something: its code (Spectrum: A abort/not authorised, I invalid,
/// M missing), its text, and the column it was about.
/// </summary>
public sealed record ErpError(string Code, string Text, string? Column)
{
    public override string ToString() => Column is null ? $"{Code}: {Text}" : $"{Code}: {Text} ({Column})";
}
