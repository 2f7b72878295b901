using System.Collections.Immutable;

namespace BudgetActors.Grains.Activity;

/// <summary>The companies the service holds, as stored; written only when a company joins.</summary>
public sealed record CompanyRegistryState
{
    public ImmutableList<string> Companies { get; init; } = [];
}
