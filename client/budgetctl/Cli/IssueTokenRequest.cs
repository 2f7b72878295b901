namespace BudgetActors.Cli;

/// <summary>The body of <c>POST .../tokens</c>: a token for directory user <paramref name="UserId"/>, named for what it is for.</summary>
internal sealed record IssueTokenRequest(string UserId, string Name);
