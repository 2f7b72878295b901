namespace BudgetActors.Grains.Postgres;

/// <summary>A PostgreSQL database the silo keeps its state in, migrated when the silo starts.</summary>
internal sealed record PostgresSchema(string ConnectionString)
{
    /// <summary>The ADO.NET invariant name Orleans' providers load Npgsql by.</summary>
    public const string Invariant = "Npgsql";
}
