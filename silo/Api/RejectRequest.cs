namespace BudgetActors.Silo.Api;

/// <summary>Why the approver sends the budget back; its creator and sender are told.</summary>
public sealed record RejectRequest(string Reason);
