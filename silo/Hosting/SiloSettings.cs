using BudgetActors.Silo.Commands;

namespace BudgetActors.Silo.Hosting;

/// <summary>What the command line and environment ask of this run of the silo.</summary>
/// <param name="Postgres">Where state, reminders, the outbox and API tokens live; null keeps them in memory.</param>
/// <param name="Command">A <c>token ...</c> command to run once the silo is up, if any.</param>
/// <param name="CommandError">Why the command line could not be understood, if it could not.</param>
public sealed record SiloSettings(string? Postgres, TokenCommand? Command, string? CommandError)
{
    /// <summary>A token command against PostgreSQL is done once it has run; against memory the silo serves on (the tokens would go with it).</summary>
    public bool ExitsAfterCommand => Command is not null && Postgres is not null;
}
