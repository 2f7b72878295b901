using System.Collections.Immutable;

namespace BudgetActors.Grains.Company;

/// <summary>A company as stored: settings, directory, project links.</summary>
public sealed record CompanyState
{
    public CompanySettings? Settings { get; init; }

    public ImmutableList<CompanyUser> Users { get; init; } = [];

    public ImmutableList<ProjectLink> Projects { get; init; } = [];
}
