using System.Collections.Immutable;

namespace BudgetActors.Grains.Activity;

/// <summary>
/// A company's activity record: what is not per project. Projects and the latest history steps are rows of
/// their own (<see cref="ActivityRow{T}"/>), so that recording a budget's change costs the same whether the
/// company has ten budgets or ten thousand.
/// </summary>
public sealed record CompanyActivityState
{
    /// <summary>Whether the company is in the registry of companies (joined once, before the first record).</summary>
    public bool Listed { get; init; }

    /// <summary>Daily summaries sent over the last few local days.</summary>
    public ImmutableList<DailySummarySent> DailySummaries { get; init; } = [];
}
