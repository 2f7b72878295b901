using BudgetActors.Testing;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

// Each test here runs several silo processes and asserts on timing (a dead silo declared within 10 s):
// one at a time, so that they do not starve each other of the machine's cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
