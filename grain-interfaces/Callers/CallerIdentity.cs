namespace BudgetActors.GrainInterfaces;

/// <summary>
/// Who a call is made for: a user of a company. The silo that receives a call from a client sets it from
/// the client's token (see <see cref="CallerContext"/>); it then flows with every call that call makes.
/// </summary>
[GenerateSerializer, Immutable, Alias("caller")]
public sealed record CallerIdentity([property: Id(0)] string CompanyId, [property: Id(1)] string UserId)
{
    public override string ToString() => $"{UserId}@{CompanyId}";
}
