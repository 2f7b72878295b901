namespace BudgetActors.Runtime;

/// <summary>A PostgreSQL database some provider of this silo uses, whose schema is migrated at start.</summary>
internal sealed record PostgresSchema(string ConnectionString);
