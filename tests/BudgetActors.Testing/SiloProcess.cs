using System.Diagnostics;
using System.Net;
using System.Text;

namespace BudgetActors.Testing;

/// <summary>
/// The real silo (<c>silo/</c>, built in the same configuration as the caller) running as its own process,
/// so that a test or a benchmark can kill it with SIGKILL the way a machine dies.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    private SiloProcess(Process process, int port, Uri apiUrl)
    {
        _process = process;
        Port = port;
        ApiUrl = apiUrl;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The silo's Orleans silo port (silo-to-silo); its gateway port is <see cref="GatewayPort"/>.</summary>
    public int Port { get; }

    /// <summary>The Orleans gateway port client apps connect to.</summary>
    public int GatewayPort { get; private init; }

    /// <summary>The silo's web address (<c>--urls</c>): its REST API is at <c>api/v1</c> below it.</summary>
    public Uri ApiUrl { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a silo on <paramref name="database"/> with its endpoint on <paramref name="port"/>; returns once it serves.</summary>
    public static async Task<SiloProcess> StartAsync(string database, int port, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var apiUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var gatewayPort = FreePort();
        var silo = new SiloProcess(Launch(["--postgres", database, $"--Cluster:SiloPort={port}", $"--Cluster:GatewayPort={gatewayPort}", "--urls", apiUrl.GetLeftPart(UriPartial.Authority)], environment), port, apiUrl) { GatewayPort = gatewayPort };
        await silo.WaitUntilServingAsync(cancellationToken);
        return silo;
    }

    /// <summary>Runs the silo's command line to the end (a one-off command such as <c>token issue</c>); returns its standard output.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        using var process = Launch(args, environment);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"silo {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
    }

    /// <summary>SIGSTOP: the process hangs as it is, connections open, answering nothing (a hung machine).</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT: a paused process runs on.</summary>
    public void Resume() => Signal("CONT");

    private void Signal(string name)
    {
        using var signal = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        signal.WaitForExit();
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: the graceful stop a service manager asks for; waits until the process has exited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Launch(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(SiloAssembly)!,
        };
        start.ArgumentList.Add(SiloAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>The silo built next to the calling project, in the same configuration.</summary>
    private static string SiloAssembly => BuiltAssembly("silo", "BudgetActors.Silo.dll");

    /// <summary>The output of another project of the repository (<paramref name="folder"/>), built in the caller's configuration.</summary>
    public static string BuiltAssembly(string folder, string assembly)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // .../bin/<Configuration>/net10.0
        return Path.Combine(RepositoryRoot, folder, "bin", configuration, "net10.0", assembly);
    }

    /// <summary>The folder of BudgetActors.sln above the running assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "BudgetActors.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException($"No BudgetActors.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>
    /// Starts the embedded default (memory, the demo company, the embedded ERP simulator) with its endpoint on
    /// <paramref name="port"/>; returns once it has printed how to try it (the demo tokens come before that).
    /// </summary>
    public static async Task<SiloProcess> StartEmbeddedAsync(int port, string workingDirectory, CancellationToken cancellationToken)
    {
        var apiUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var gatewayPort = FreePort();
        var silo = new SiloProcess(Launch([$"--Cluster:SiloPort={port}", $"--Cluster:GatewayPort={gatewayPort}", "--urls", apiUrl.GetLeftPart(UriPartial.Authority)], new Dictionary<string, string>(), workingDirectory), port, apiUrl) { GatewayPort = gatewayPort };
        await silo.WaitUntilServingAsync(cancellationToken);
        await silo.WaitForOutputAsync("REST API at", TimeSpan.FromSeconds(30), cancellationToken);
        return silo;
    }

    /// <summary>Asks the silo's <c>/healthz</c> until it answers "serving" (or the process ends, or 60 s pass).</summary>
    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo on port {Port} exited while starting:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(ApiUrl, "healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (started.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The silo on port {Port} did not start serving within 60 s:\n{Output}");
            }

            // Wakes early if the process ends; otherwise asks again in a tenth of a second.
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            pause.CancelAfter(TimeSpan.FromMilliseconds(100));
            await _process.WaitForExitAsync(pause.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Completes when the process has written <paramref name="text"/> (signalled by its output, not polled).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            _waiters.Add((text, seen));
        }

        try
        {
            await seen.Task.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The silo did not write '{text}' within {limit.TotalSeconds:0} s:\n{Output}");
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
                foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Seen.TrySetResult();
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }
}
