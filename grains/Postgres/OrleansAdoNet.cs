namespace BudgetActors.Grains.Postgres;

/// <summary>
/// What a silo or client passes Orleans' ADO.NET providers (clustering, grain storage, reminders) to
/// run them on PostgreSQL and the schema of <see cref="MigrationSource.Workflow"/>.
/// </summary>
/// <remarks>
/// No <c>DbProviderFactories.RegisterFactory</c> is needed: Orleans does not look the invariant up in
/// <c>DbProviderFactories</c>. Its own table maps <c>"Npgsql"</c> to the assembly <c>Npgsql</c> and the type
/// <c>Npgsql.NpgsqlFactory</c>, which it loads by name and whose static <c>Instance</c> it uses; the
/// providers' packages do not depend on Npgsql, so the application must deploy it (the grains assembly
/// references it, so any host of it does). With <c>options.DataSource</c> set (one of
/// <see cref="PostgresDataSources"/>) instead of a connection string, the providers open connections
/// from that data source and only check that it makes the factory's connection type.
/// </remarks>
public static class OrleansAdoNet
{
    /// <summary>The ADO.NET invariant name Orleans maps to Npgsql.</summary>
    public const string Invariant = "Npgsql";
}
