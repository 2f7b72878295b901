namespace BudgetActors.Silo.Api;

/// <summary>A token for directory user <paramref name="UserId"/>, named for what it is for.</summary>
public sealed record IssueTokenRequest(string UserId, string Name);
