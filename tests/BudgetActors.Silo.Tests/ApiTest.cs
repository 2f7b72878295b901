namespace BudgetActors.Silo.Tests;

/// <summary>A test class whose every test gets a silo of its own, state and tokens in memory.</summary>
public abstract class ApiTest : IAsyncLifetime
{
    protected const string Company = "api/v1/companies/acme";
    protected const string Budget = "api/v1/companies/acme/budgets/tower-7";

    protected ApiSilo Silo { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Silo = await ApiSilo.StartAsync();

    public ValueTask DisposeAsync() => Silo.DisposeAsync();

    /// <summary>A client holding a fresh token of <paramref name="userId"/> of acme.</summary>
    protected async Task<ApiClient> AsAsync(string userId) => Silo.As(await Silo.TokenForAsync(userId));

    /// <summary>pm creates the budget with two lines, locks it and sends it: submission 1 waits for an approver.</summary>
    protected async Task<ApiClient> SentBudgetAsync()
    {
        var pm = await AsAsync("pm");
        await pm.DoAsync(HttpMethod.Post, Budget);
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/lines", People.Concrete);
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/lines", People.Steel);
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/lock");
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/send");
        return pm;
    }
}
