using System.Diagnostics;
using BudgetActors.ErpSimulator;
using BudgetActors.Testing;
using Npgsql;

namespace BudgetActors.Cluster.Tests;

/// <summary>
/// Three real silo processes on one PostgreSQL and one ERP simulator, driven through the client library
/// as a client app would: one silo is killed with SIGKILL in the middle of a stream of budget operations,
/// another stops gracefully, a third restarts.
/// </summary>
public sealed class ClusterFailoverTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Company = "acme";
    private const int Budgets = 24;
    private string? _adminToken;
    private PostgresDatabase _database = null!;
    private ErpSimulatorServer _erp = null!;
    private readonly List<SiloProcess> _silos = [];

    public async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(ClusterFailoverTests), TestContext.Current.CancellationToken);
        _erp = await ErpSimulatorServer.StartAsync(
            new SimulatorData
            {
                Companies =
                [
                    new CompanyData(SimulatedSystem.Spectrum, "001", "spectrum-secret", ["01-100"],
                        [.. Enumerable.Range(0, Budgets).Select(i => new JobData(Job(i), $"Job {i}", []))]),
                ],
            },
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await _erp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Kill_9_during_a_stream_of_budget_operations_loses_nothing_and_the_cluster_carries_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var (pm, approver) = await StartClusterAsync(3);
        await using var _ = pm;
        await using var __ = approver;

        // The stream: each budget created, given a line, locked and sent; silo 2 dies a third of the way in.
        var victim = _silos[1];
        var killedAt = 0L;
        var victimId = "";
        for (var i = 0; i < Budgets; i++)
        {
            if (i == Budgets / 3)
            {
                victimId = (await ClusterMembers.ReadAsync(_database.ConnectionString, ct)).Single(m => m.StartsWith($"{victim.Port}/", StringComparison.Ordinal));
                victim.Kill();
                killedAt = Stopwatch.GetTimestamp();
            }

            var budget = pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i)));
            await Eventually(budget.CreateAsync, async () => (await budget.GetAsync()).Status != BudgetStatus.None);
            await Eventually(() => budget.AddLineAsync(new BudgetLine("01-100", "L", "Concrete", 1000m + i)), async () => (await budget.GetAsync()).Lines.Count == 1);
            await Eventually(budget.LockAsync, async () => (await budget.GetAsync()).Status == BudgetStatus.Locked);
            await Eventually(budget.SendAsync, async () => (await budget.GetAsync()).Status == BudgetStatus.PendingAcceptance);
        }

        // The survivors declare the dead silo dead within 10 seconds of the kill (membership tuned for it).
        await ClusterMembers.WaitUntilAsync(_database.ConnectionString, m => !m.Contains(victimId), TimeSpan.FromSeconds(30), ct);
        var detected = Stopwatch.GetElapsedTime(killedAt);
        TestContext.Current.SendDiagnosticMessage($"kill -9: declared dead {detected.TotalSeconds:0.0} s after the kill");
        Assert.True(detected < TimeSpan.FromSeconds(15), $"declared dead {detected.TotalSeconds:0.0} s after the kill");

        // Nothing was lost: every budget is pending with its line, and the approver's daily summary reminder is there.
        for (var i = 0; i < Budgets; i++)
        {
            var view = await pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i))).GetAsync();
            Assert.Equal((BudgetStatus.PendingAcceptance, 1000m + i), (view.Status, view.TotalOriginal));
        }

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM orleans_reminders WHERE grain_id = 'approver/acme:ap1' AND reminder_name = 'daily-summary'"));

        // Every budget accepted and exported one call at a time to the ERP company, each posted once.
        for (var i = 0; i < Budgets; i++)
        {
            var budget = approver.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i)));
            await Eventually(() => budget.AcceptAsync(1), async () => (await budget.GetAsync()).Status is not BudgetStatus.PendingAcceptance);
        }

        for (var i = 0; i < Budgets; i++)
        {
            var budget = pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i)));
            await Until(async () => (await budget.GetAsync()).Status == BudgetStatus.Synced, TimeSpan.FromSeconds(60));
        }

        var erp = _erp.Erp.Company(SimulatedSystem.Spectrum, "001");
        var journal = erp.Journal();
        Assert.Empty(journal.Overlaps);
        Assert.Empty(journal.DoublePostings);
        Assert.Equal(Enumerable.Range(0, Budgets).Sum(i => 1000m + i), erp.Snapshot().Sum(j => j.Phases.Sum(p => p.OriginalEstimate)));

        // A graceful stop drops no call: reads keep flowing while silo 3 stops.
        var reads = Task.WhenAll(Enumerable.Range(0, 200).Select(n => pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(n % Budgets))).GetAsync()));
        await _silos[2].StopAsync(ct);
        Assert.All(await reads, view => Assert.Equal(BudgetStatus.Synced, view.Status));

        // The killed silo restarts on its port and rejoins with a new generation.
        var restarted = await SiloProcess.StartAsync(_database.ConnectionString, victim.Port, Environment(), ct);
        _silos.Add(restarted);
        var members = await ClusterMembers.WaitUntilAsync(_database.ConnectionString, m => m.Length == 2, TimeSpan.FromSeconds(30), ct);
        Assert.Contains(members, m => m.StartsWith($"{victim.Port}/", StringComparison.Ordinal));
        Assert.DoesNotContain(victimId, members); // the same port, a new generation
        for (var i = 0; i < Budgets; i++)
        {
            var budget = pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i)));
            await Until(async () => (await budget.GetAsync()).Status == BudgetStatus.Synced, TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task A_hung_silo_is_declared_dead_and_its_grains_answer_again_from_the_others()
    {
        var ct = TestContext.Current.CancellationToken;
        var (pm, approver) = await StartClusterAsync(2);
        await using var _ = pm;
        await using var __ = approver;
        for (var i = 0; i < 6; i++)
        {
            await pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i))).CreateAsync();
        }

        // SIGSTOP: the process and its connections stay, it just stops answering.
        var hung = _silos[1];
        var hungId = (await ClusterMembers.ReadAsync(_database.ConnectionString, ct)).Single(m => m.StartsWith($"{hung.Port}/", StringComparison.Ordinal));
        hung.Pause();
        var stoppedAt = Stopwatch.GetTimestamp();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var budget = pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i)));
                await Until(async () => (await budget.GetAsync()).Status == BudgetStatus.Unlocked, TimeSpan.FromSeconds(60));
            }

            var answered = Stopwatch.GetElapsedTime(stoppedAt);
            TestContext.Current.SendDiagnosticMessage($"SIGSTOP: every budget answered again {answered.TotalSeconds:0.0} s after the stop");
            await ClusterMembers.WaitUntilAsync(_database.ConnectionString, m => !m.Contains(hungId), TimeSpan.FromSeconds(30), ct);
            Assert.True(answered < TimeSpan.FromSeconds(30), $"budgets answered again only {answered.TotalSeconds:0.0} s after the stop");
        }
        finally
        {
            hung.Resume();
        }
    }

    [Fact]
    public async Task Client_calls_need_a_valid_token_and_a_good_one_works_through_every_silo()
    {
        var ct = TestContext.Current.CancellationToken;
        var (pm, approver) = await StartClusterAsync(2);
        await using var _ = pm;
        await using var __ = approver;

        // A good token: budgets on both silos (twelve keys spread over two silos) answer as the project manager.
        for (var i = 0; i < 12; i++)
        {
            var budget = pm.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(i)));
            await budget.CreateAsync();
            Assert.Equal("pm", (await budget.GetAsync()).CreatedBy);
        }

        await using (var wrong = await ClientApp.StartAsync(_database.ConnectionString, "ba_not-a-real-token", ct))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => wrong.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(0))).GetAsync());
        }

        // A revoked token stops working (within the silos' token cache time).
        var admin = await AdminTokenAsync();
        await using var adminApp = await ClientApp.StartAsync(_database.ConnectionString, admin, ct);
        var company = adminApp.GetGrain<ICompanyGrain>(Company);
        var issued = await company.IssueTokenAsync("pm", "to revoke");
        await using var revokedApp = await ClientApp.StartAsync(_database.ConnectionString, issued.Token, ct);
        await revokedApp.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(0))).GetAsync();
        await company.RevokeTokenAsync(issued.Info.TokenId);
        await Until(async () =>
        {
            try
            {
                await revokedApp.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(0))).GetAsync();
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }, TimeSpan.FromSeconds(20));
    }

    private static string Project(int i) => $"p-{i}";

    private static string Job(int i) => $"J-{i}";

    private Dictionary<string, string> Environment() => new()
    {
        ["Erp__Spectrum__Companies__001__BaseUrl"] = _erp.BaseAddress.ToString(),
        ["Erp__Spectrum__Companies__001__AuthorizationId"] = "spectrum-secret",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Starts <paramref name="silos"/> silo processes, waits until all are members, and sets the company up.</summary>
    private async Task<(ClientApp ProjectManager, ClientApp Approver)> StartClusterAsync(int silos)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < silos; i++)
        {
            _silos.Add(await SiloProcess.StartAsync(_database.ConnectionString, SiloProcess.FreePort(), Environment(), ct));
        }

        await ClusterMembers.WaitUntilAsync(_database.ConnectionString, m => m.Length == silos, TimeSpan.FromSeconds(30), ct);
        return await SetUpCompanyAsync();
    }

    /// <summary>The company's first admin's token, from the silo's command line (once per test).</summary>
    private async Task<string> AdminTokenAsync()
    {
        if (_adminToken is null)
        {
            var output = await SiloProcess.RunCommandAsync(
                ["token", "issue", "--company", Company, "--user", "admin", "--email", "admin@acme.test", "--postgres", _database.ConnectionString],
                Environment(),
                TestContext.Current.CancellationToken);
            _adminToken = output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("ba_", StringComparison.Ordinal));
        }

        return _adminToken;
    }

    /// <summary>The company, its users and project links, set up by its first admin through the client library.</summary>
    private async Task<(ClientApp ProjectManager, ClientApp Approver)> SetUpCompanyAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var admin = await ClientApp.StartAsync(_database.ConnectionString, await AdminTokenAsync(), ct);
        var company = admin.GetGrain<ICompanyGrain>(Company);
        await company.ConfigureAsync(new CompanySettings(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(7, 0)));
        await company.SaveUserAsync(new CompanyUser("pm", "Pat Manager", "pm@acme.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false));
        await company.SaveUserAsync(new CompanyUser("ap1", "Alex Approver", "ap1@acme.test", ToolPermission.ReadOnly, ToolPermission.Standard, true, true));
        for (var i = 0; i < Budgets; i++)
        {
            await company.LinkProjectAsync(new ProjectLink(Project(i), Job(i), JobSynced: true));
        }

        return (
            await ClientApp.StartAsync(_database.ConnectionString, (await company.IssueTokenAsync("pm", "failover test")).Token, ct),
            await ClientApp.StartAsync(_database.ConnectionString, (await company.IssueTokenAsync("ap1", "failover test")).Token, ct));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>
    /// Runs an operation until it is done. A call that failed because a silo was unavailable (or whose
    /// outcome is unknown) is checked with <paramref name="isDone"/> and tried again only if it did not
    /// take effect: what a careful client app does.
    /// </summary>
    private static async Task Eventually(Func<Task> operation, Func<Task<bool>> isDone)
    {
        var guard = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            try
            {
                await operation();
                return;
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                Assert.True(DateTime.UtcNow < guard, $"still failing after 40 s: {exception.Message}");
                if (await Succeeds(isDone))
                {
                    return;
                }
            }
        }
    }

    private static async Task<bool> Succeeds(Func<Task<bool>> check)
    {
        try
        {
            return await check();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException
            || exception is WorkflowException { Code: WorkflowErrorCode.NotFound })
        {
            return false;
        }
    }

    /// <summary>
    /// Asks again until the cluster has got there on its own (an export the gateway finishes): each look is a
    /// real call that waits its turn at the grain, so the loop yields rather than sleeps; a real-time guard
    /// keeps a broken build from hanging the run.
    /// </summary>
    private static async Task Until(Func<Task<bool>> condition, TimeSpan limit)
    {
        var guard = Stopwatch.StartNew();
        while (!await Succeeds(condition))
        {
            Assert.True(guard.Elapsed < limit, $"not reached within {limit.TotalSeconds:0} s");
            await Task.Yield();
        }
    }
}
