namespace BudgetActors.Storage.Tests;

/// <summary>A counter whose every change is written through the grain's persistent state.</summary>
public interface IStoredCounter : IGrainWithStringKey
{
    Task<int> AddAsync(int amount, string note);

    Task<int> GetAsync();

    Task<string[]> GetNotesAsync();

    Task<string?> GetETagAsync();

    Task ClearAsync();

    /// <summary>Ends the activation, so the next call reads the state from storage again.</summary>
    Task DeactivateAsync();
}
