namespace BudgetActors.Cli;

/// <summary>The body of <c>POST .../submissions/{n}/reject</c>: why the approver sends the budget back.</summary>
internal sealed record RejectRequest(string Reason);
