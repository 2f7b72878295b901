using BudgetActors.Testing;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
