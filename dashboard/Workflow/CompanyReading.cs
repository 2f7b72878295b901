using BudgetActors.GrainInterfaces;

namespace BudgetActors.Dashboard.Workflow;

/// <summary>One company as the dashboard reads it at a sample: its settings and its workflow's activity.</summary>
internal sealed record CompanyReading(CompanyView Company, CompanyActivityView Activity);
