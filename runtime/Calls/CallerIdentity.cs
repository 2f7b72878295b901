namespace BudgetActors.Runtime;

/// <summary>
/// Who a call is made for: a user of a company. The silo that receives a call from outside sets it from
/// the caller's authenticated token; it then flows with every call that call makes.
/// </summary>
public sealed record CallerIdentity(string CompanyId, string UserId)
{
    public override string ToString() => $"{UserId}@{CompanyId}";
}
