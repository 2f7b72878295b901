namespace BudgetActors.Cli;

/// <summary>The JSON answer of a command that changes something, or of any refusal.</summary>
/// <param name="Ok">Whether the command did what it was asked.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Code">The workflow's error code of a refusal (e.g. NotLocked), or the kind of failure.</param>
internal sealed record Outcome(bool Ok, string Message, string? Code = null);
