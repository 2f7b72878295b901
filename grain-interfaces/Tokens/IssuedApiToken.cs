namespace BudgetActors.GrainInterfaces;

/// <summary>A token just issued: the only time its secret <paramref name="Token"/> is ever shown.</summary>
/// <param name="Token">The bearer token (<c>ba_…</c>); send it as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
[GenerateSerializer, Immutable]
public sealed record IssuedApiToken([property: Id(0)] ApiTokenInfo Info, [property: Id(1)] string Token);
