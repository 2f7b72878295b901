namespace BudgetActors.Silo.Api;

/// <summary>Who a token acts as: its company and user, and the user's directory entry (null once they have left it).</summary>
public sealed record CallerView(string CompanyId, string UserId, CompanyUser? User);
