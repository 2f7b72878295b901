namespace BudgetActors.Cli;

/// <summary>What <c>GET /api/v1/me</c> answers: the company and user a token acts as (the user is null once they left the directory).</summary>
internal sealed record CallerView(string CompanyId, string UserId, CompanyUser? User);
