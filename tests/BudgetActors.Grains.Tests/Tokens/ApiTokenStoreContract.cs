using BudgetActors.Grains.Tokens;

namespace BudgetActors.Grains.Tests;

/// <summary>What every token store does, run against each: a token answers with its user until it is revoked.</summary>
public abstract class ApiTokenStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Monday = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private IApiTokenStore _store = null!;

    public async ValueTask InitializeAsync() => _store = await CreateAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected abstract Task<IApiTokenStore> CreateAsync();

    protected static async Task<(string Token, ApiTokenInfo Info)> IssueAsync(IApiTokenStore store, string company, string user, DateTimeOffset at)
    {
        var (token, hash) = ApiTokenFormat.New();
        var info = new ApiTokenInfo(ApiTokenFormat.NewTokenId(), company, user, $"{user}'s app", at, "admin");
        await store.AddAsync(info, hash, TestContext.Current.CancellationToken);
        return (token, info);
    }

    [Fact]
    public async Task A_token_answers_with_its_company_user_until_revoked()
    {
        var (token, info) = await IssueAsync(_store, "acme", "pm", Monday);

        Assert.Equal(new CallerIdentity("acme", "pm"), await _store.AuthenticateAsync(token, TestContext.Current.CancellationToken));

        var revoked = await _store.RevokeAsync("acme", info.TokenId, "admin", Monday.AddHours(1), TestContext.Current.CancellationToken);
        Assert.Equal((Monday.AddHours(1), "admin"), (revoked?.RevokedAt, revoked?.RevokedBy));
        Assert.Null(await _store.AuthenticateAsync(token, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_second_revoke_keeps_the_first_and_another_companys_token_cannot_be_revoked()
    {
        var (token, info) = await IssueAsync(_store, "acme", "pm", Monday);

        Assert.Null(await _store.RevokeAsync("globex", info.TokenId, "intruder", Monday, TestContext.Current.CancellationToken));
        Assert.NotNull(await _store.AuthenticateAsync(token, TestContext.Current.CancellationToken));
        await _store.RevokeAsync("acme", info.TokenId, "admin", Monday.AddHours(1), TestContext.Current.CancellationToken);
        var again = await _store.RevokeAsync("acme", info.TokenId, "other-admin", Monday.AddHours(2), TestContext.Current.CancellationToken);

        Assert.Equal((Monday.AddHours(1), "admin"), (again?.RevokedAt, again?.RevokedBy));
    }

    [Fact]
    public async Task Revoking_a_users_tokens_leaves_everyone_elses()
    {
        var (pm1, _) = await IssueAsync(_store, "acme", "pm", Monday);
        var (pm2, _) = await IssueAsync(_store, "acme", "pm", Monday.AddMinutes(1));
        var (approver, _) = await IssueAsync(_store, "acme", "ap1", Monday.AddMinutes(2));
        var (otherPm, _) = await IssueAsync(_store, "globex", "pm", Monday.AddMinutes(3));

        await _store.RevokeUserTokensAsync("acme", "pm", "admin", Monday.AddHours(1), TestContext.Current.CancellationToken);

        Assert.Null(await _store.AuthenticateAsync(pm1, TestContext.Current.CancellationToken));
        Assert.Null(await _store.AuthenticateAsync(pm2, TestContext.Current.CancellationToken));
        Assert.Equal(new CallerIdentity("acme", "ap1"), await _store.AuthenticateAsync(approver, TestContext.Current.CancellationToken));
        Assert.Equal(new CallerIdentity("globex", "pm"), await _store.AuthenticateAsync(otherPm, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_company_lists_its_own_tokens_oldest_first()
    {
        var (_, first) = await IssueAsync(_store, "acme", "pm", Monday);
        var (_, second) = await IssueAsync(_store, "acme", "ap1", Monday.AddMinutes(1));
        await IssueAsync(_store, "globex", "pm", Monday);

        var listed = await _store.ListAsync("acme", TestContext.Current.CancellationToken);

        Assert.Equal([first, second], listed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ba_")]
    [InlineData("ba_short")]
    [InlineData("xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ba_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_or_unknown_token_answers_nobody(string token)
    {
        await IssueAsync(_store, "acme", "pm", Monday);

        Assert.Null(await _store.AuthenticateAsync(token, TestContext.Current.CancellationToken));
    }
}
