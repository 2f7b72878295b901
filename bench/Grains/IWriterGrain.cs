namespace BudgetActors.Benchmarks;

public interface IWriterGrain : IGrainWithStringKey
{
    Task WriteAsync(int value);

    /// <summary>Activates the grain and reads its state without writing.</summary>
    Task<int> ReadAsync();
}
