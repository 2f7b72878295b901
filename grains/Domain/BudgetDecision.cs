namespace BudgetActors.Grains.Domain;

/// <summary>An approver's answer to one submission of a budget.</summary>
public sealed record BudgetDecision(int Submission, string UserId, string Verdict, DateTimeOffset At);
