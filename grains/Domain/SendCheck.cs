namespace BudgetActors.Grains.Domain;

/// <summary>What the ERP side says about a send: the project's job link, the company's cost codes, the job's estimates.</summary>
/// <param name="Link">The project's link to its ERP job, if any.</param>
/// <param name="KnownCostCodes">The cost codes the ERP company knows.</param>
/// <param name="JobHasEstimates">Whether the ERP job already holds estimates.</param>
public sealed record SendCheck(ProjectLink? Link, IReadOnlySet<string> KnownCostCodes, bool JobHasEstimates);
