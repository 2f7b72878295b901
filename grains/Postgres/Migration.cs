namespace BudgetActors.Grains.Postgres;

/// <summary>One versioned script of a <see cref="MigrationSource"/>; <see cref="Name"/> is its file name without <c>.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);
