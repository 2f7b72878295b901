namespace BudgetActors.Benchmarks;

internal sealed record LoadResult(double PerSecond, TimeSpan P50, TimeSpan P99);
