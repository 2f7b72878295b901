namespace BudgetActors.GrainInterfaces;

/// <summary>A token just issued: the only time its secret <paramref name="Token"/> is ever shown.</summary>
/// <param name="Token">The bearer token (<c>ba_…</c>); send it as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
public sealed record IssuedApiToken(ApiTokenInfo Info, string Token);
