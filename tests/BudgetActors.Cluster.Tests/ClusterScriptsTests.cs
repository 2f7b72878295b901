using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using BudgetActors.Testing;

namespace BudgetActors.Cluster.Tests;

/// <summary>
/// scripts/cluster-up.sh and cluster-down.sh, run for real as a user runs them: a throwaway PostgreSQL
/// (as the postgres user when root), the ERP simulator and three silos that form one cluster; a first
/// token from the silo's command line works on the REST API; cluster-down leaves no process behind.
/// </summary>
public sealed class ClusterScriptsTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("budgetactors-cluster-state-").FullName;
    private PostgresDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        // Tests pointed at an existing server (no PostgreSQL binaries here, perhaps) give the script a database on
        // it, the BUDGETACTORS_POSTGRES path; otherwise the script starts its own throwaway server.
        if (Environment.GetEnvironmentVariable(PostgresServer.ConnectionStringVariable) is { Length: > 0 })
        {
            _database = await postgres.CreateDatabaseAsync(nameof(ClusterScriptsTests), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever happened, nothing the script started outlives the test.
        await RunScriptAsync("cluster-down.sh", ["--state", _state], CancellationToken.None);
        Directory.Delete(_state, recursive: true);
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Cluster_up_starts_three_silos_in_one_cluster_that_serve_a_first_token_and_cluster_down_stops_them_all()
    {
        var ct = TestContext.Current.CancellationToken;
        var restPort = FreePorts(3);
        var siloPort = FreePorts(3);
        var gatewayPort = FreePorts(3);
        var erpPort = FreePorts(1);
        string[] up = ["--state", _state, "--no-build", "--configuration", Configuration,
            "--rest-port", Text(restPort), "--silo-port", Text(siloPort), "--gateway-port", Text(gatewayPort), "--erp-port", Text(erpPort)];

        var output = await RunScriptAsync("cluster-up.sh", up, ct);

        Assert.Contains("Cluster up: 3 silos serving", output);
        Assert.Contains("token issue --company acme", output);
        var processes = new[] { "silo1", "silo2", "silo3", "erp-sim" }
            .Select(name => int.Parse(File.ReadLines(Path.Combine(_state, "pids", $"{name}.pid")).First(), CultureInfo.InvariantCulture))
            .ToList();
        var postgresFolder = _database is null ? File.ReadAllText(Path.Combine(_state, "postgres.dir")).Trim() : null;
        if (postgresFolder is not null)
        {
            processes.Add(int.Parse(File.ReadLines(Path.Combine(postgresFolder, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture));
        }

        // One cluster: Orleans' membership table holds all three as active.
        var postgres = await RunAsync("bash", ["-c", "source \"$1\" && printf %s \"$BUDGETACTORS_POSTGRES\"", "_", Path.Combine(_state, "cluster.env")], ct);
        await ClusterMembers.WaitUntilAsync(postgres, m => m.Length == 3, TimeSpan.FromSeconds(30), ct);

        // Running it again while it is up changes nothing.
        Assert.Contains("already up", await RunScriptAsync("cluster-up.sh", up, ct));

        // The first token, the way the script's output says to get it, works on any silo's REST API.
        var tokenOutput = await RunAsync(
            "bash",
            ["-c", $"source \"$1\" && exec dotnet \"$2\" token issue --company acme --user admin --email admin@acme.test --postgres \"$BUDGETACTORS_POSTGRES\"",
                "_", Path.Combine(_state, "cluster.env"), SiloAssembly],
            ct);
        var token = tokenOutput.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("ba_", StringComparison.Ordinal));
        using (var http = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{restPort + 2}/api/v1/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            Assert.Equal(("acme", "admin"), (me.RootElement.GetProperty("companyId").GetString(), me.RootElement.GetProperty("userId").GetString()));
        }

        await RunScriptAsync("cluster-down.sh", ["--state", _state], ct);

        await Until(() => processes.All(HasEnded), TimeSpan.FromSeconds(10));
        Assert.False(Directory.Exists(Path.Combine(_state, "pids")));
        Assert.False(File.Exists(Path.Combine(_state, "cluster.env")), "the connection string is not left behind");
        if (postgresFolder is not null)
        {
            Assert.False(Directory.Exists(postgresFolder), "the throwaway PostgreSQL's data is deleted");
        }

        Assert.All(Enumerable.Range(0, 3), i => Assert.False(Listening(restPort + i) || Listening(siloPort + i) || Listening(gatewayPort + i)));
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The configuration this test was built in: the script runs the silo built alongside it.</summary>
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "BudgetActors.sln")))
            {
                root = root.Parent ?? throw new InvalidOperationException("BudgetActors.sln not found above the test output");
            }

            return root.FullName;
        }
    }

    private static string SiloAssembly => Path.Combine(RepositoryRoot, "silo", "bin", Configuration, "net10.0", "BudgetActors.Silo.dll");

    private Task<string> RunScriptAsync(string script, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        RunAsync("bash", [Path.Combine(RepositoryRoot, "scripts", script), .. args], cancellationToken);

    /// <summary>Runs a program to its end; fails with its output unless it exits 0. The secret and the database are the test's, never the environment's.</summary>
    private async Task<string> RunAsync(string program, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("BUDGETACTORS_POSTGRES");
        if (_database is not null)
        {
            start.Environment["BUDGETACTORS_POSTGRES"] = _database.ConnectionString;
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{await output}\n{await errors}");
    }

    /// <summary>Gone, or a zombie waiting for its parent to collect its exit status (it no longer runs).</summary>
    private static bool HasEnded(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first of <paramref name="count"/> consecutive free loopback ports (the script numbers silos' ports from a base).</summary>
    private static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = SiloProcess.FreePort();
            var listeners = new List<TcpListener>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, first + i);
                    listener.Start();
                    listeners.Add(listener);
                }

                return first;
            }
            catch (SocketException)
            {
                // one of the next ports is taken: try another base
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports found");
    }

    /// <summary>
    /// Looks again until <paramref name="condition"/> holds: for processes this test does not own (it can only
    /// read /proc), so it yields between looks rather than sleeping; a real-time guard keeps it from hanging.
    /// </summary>
    private static async Task Until(Func<bool> condition, TimeSpan limit)
    {
        var started = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(started.Elapsed < limit, $"not true within {limit.TotalSeconds} s");
            await Task.Yield();
        }
    }
}
