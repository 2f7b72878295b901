namespace BudgetActors.Cli;

/// <summary>
/// An RFC 7807 problem (<c>application/problem+json</c>) as the API writes every error: <paramref name="Code"/>
/// is the workflow's error code of a refusal (e.g. NotLocked), or Unauthenticated / ServerError.
/// </summary>
internal sealed record ApiProblem(string? Type = null, string? Title = null, int? Status = null, string? Detail = null, string? Code = null);
