namespace BudgetActors.GrainInterfaces;

/// <summary>A person in the company directory and what they may do.</summary>
/// <param name="BudgetTool">Admin may create, lock, unlock, send and retrieve budgets.</param>
/// <param name="ErpTool">Standard or higher may import; with <paramref name="CanPushToAccounting"/>, accept and reject.</param>
/// <param name="CanPushToAccounting">The accounting approver privilege.</param>
/// <param name="SubscribedToDigest">Receives the "ERP Integrations Daily Summary".</param>
/// <param name="IsCompanyAdmin">May change the company's settings and directory.</param>
[GenerateSerializer, Immutable]
public sealed record CompanyUser(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] ToolPermission BudgetTool,
    [property: Id(4)] ToolPermission ErpTool,
    [property: Id(5)] bool CanPushToAccounting,
    [property: Id(6)] bool SubscribedToDigest,
    [property: Id(7)] bool IsCompanyAdmin = false)
{
    /// <summary>Accepting and rejecting need the privilege and Standard or Admin on ERP Integrations.</summary>
    public bool IsAccountingApprover => CanPushToAccounting && ErpTool >= ToolPermission.Standard;
}
