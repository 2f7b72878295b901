using System.Net;
using System.Security.Cryptography;
using System.Text;
using BudgetActors.Silo.Api;
using BudgetActors.Testing;
using Npgsql;

namespace BudgetActors.Silo.Tests;

/// <summary>
/// Tokens kept by a durable silo: only hashes in the database, valid across restarts, revocable, and the
/// first one issued from the silo's command line. Each test has a database of its own.
/// </summary>
public sealed class PostgresTokenTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    private string ConnectionString => _database.ConnectionString;

    public async ValueTask InitializeAsync() =>
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresTokenTests), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored_and_the_token_itself_is_nowhere_in_the_database()
    {
        string token;
        await using (var silo = await ApiSilo.StartAsync(ConnectionString))
        {
            var admin = silo.As(await silo.TokenForAsync("admin"));
            using var response = await admin.PostAsync("api/v1/companies/acme/tokens", new IssueTokenRequest("pm", "estimating app"));
            token = (await ApiClient.OkAsync<IssuedApiToken>(response, HttpStatusCode.Created)).Token;
            await silo.As(token).DoAsync(HttpMethod.Post, "api/v1/companies/acme/budgets/tower-7");
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var hashes = new List<byte[]>();
        await using (var read = new NpgsqlCommand("SELECT token_hash FROM api_tokens WHERE user_id = 'pm'", connection))
        await using (var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                hashes.Add(reader.GetFieldValue<byte[]>(0));
            }
        }

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), Assert.Single(hashes));
        foreach (var table in await TablesAsync(connection))
        {
            await using var search = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE t::text LIKE '%' || $1 || '%'", connection);
            search.Parameters.Add(new NpgsqlParameter<string> { TypedValue = token[3..] });
            Assert.Equal(0L, (long)(await search.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
    }

    [Fact]
    public async Task A_token_outlives_the_silo_and_its_revocation_does_too()
    {
        string token;
        await using (var first = await ApiSilo.StartAsync(ConnectionString))
        {
            token = await first.TokenForAsync("pm");
        }

        await using (var second = await ApiSilo.StartAsync(ConnectionString, setUpCompany: false))
        {
            Assert.Equal("pm", (await second.As(token).ReadAsync<CallerView>("api/v1/me")).UserId);
            var admin = second.As(await second.TokenForAsync("admin"));
            var pmToken = Assert.Single(await admin.ReadAsync<IReadOnlyList<ApiTokenInfo>>("api/v1/companies/acme/tokens"), t => t.UserId == "pm");
            await admin.DoAsync(HttpMethod.Delete, $"api/v1/companies/acme/tokens/{pmToken.TokenId}");

            using var refused = await second.As(token).GetAsync("api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using var third = await ApiSilo.StartAsync(ConnectionString, setUpCompany: false);
        using var stillRefused = await third.As(token).PostAsync("api/v1/companies/acme/budgets/tower-7");
        await ApiClient.ProblemAsync(stillRefused, HttpStatusCode.Unauthorized, WorkflowProblems.UnauthenticatedCode);
        Assert.Null(await third.BudgetAsync());
    }

    [Fact]
    public async Task The_first_admin_token_comes_from_the_silos_command_line_and_the_command_lists_and_revokes()
    {
        var (exitCode, output, errors) = await ApiSilo.RunCommandAsync(ConnectionString,
            "token", "issue", "--company", "initech", "--user", "bill", "--email", "bill@initech.test", "--name", "first admin token");

        Assert.True(exitCode == 0, errors);
        var token = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("ba_", token);
        Assert.Contains("founding company admin", errors);

        string tokenId;
        await using (var silo = await ApiSilo.StartAsync(ConnectionString, setUpCompany: false))
        {
            var me = await silo.As(token).ReadAsync<CallerView>("api/v1/me");
            Assert.Equal(("initech", "bill", true), (me.CompanyId, me.UserId, me.User?.IsCompanyAdmin));

            // The founding admin builds the directory over the API, and the command refuses users outside it.
            await silo.As(token).DoAsync(HttpMethod.Put, "api/v1/companies/initech/users/peter",
                new CompanyUser("peter", "Peter", "peter@initech.test", ToolPermission.Admin, ToolPermission.None, false, false));
            tokenId = Assert.Single(await silo.As(token).ReadAsync<IReadOnlyList<ApiTokenInfo>>("api/v1/companies/initech/tokens")).TokenId;
        }

        var stranger = await ApiSilo.RunCommandAsync(ConnectionString, "token", "issue", "--company", "initech", "--user", "milton");
        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("NotFound", stranger.Errors);

        var list = await ApiSilo.RunCommandAsync(ConnectionString, "token", "list", "--company", "initech");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(tokenId, list.Output);
        Assert.DoesNotContain(token, list.Output);

        var revoke = await ApiSilo.RunCommandAsync(ConnectionString, "token", "revoke", "--company", "initech", "--token", tokenId);
        Assert.Equal(0, revoke.ExitCode);
        await using var after = await ApiSilo.StartAsync(ConnectionString, setUpCompany: false);
        using var refused = await after.As(token).GetAsync("api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("token", "issue", "--user", "bill")]
    [InlineData("token", "issue", "--company", "initech")]
    [InlineData("token", "revoke", "--company", "initech")]
    [InlineData("token", "rotate", "--company", "initech")]
    public async Task A_token_command_missing_what_it_needs_prints_the_usage_and_changes_nothing(params string[] command)
    {
        var (exitCode, output, errors) = await ApiSilo.RunCommandAsync(ConnectionString, command);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Usage:", errors);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await TablesAsync(connection)); // the silo never started, so not even the schema was made
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
