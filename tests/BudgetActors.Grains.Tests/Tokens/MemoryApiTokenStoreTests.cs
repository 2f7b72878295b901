using BudgetActors.Grains.Tokens;

namespace BudgetActors.Grains.Tests;

public sealed class MemoryApiTokenStoreTests : ApiTokenStoreContract
{
    protected override Task<IApiTokenStore> CreateAsync() => Task.FromResult<IApiTokenStore>(new MemoryApiTokenStore());
}
