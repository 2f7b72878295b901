using BudgetActors.Testing;

namespace BudgetActors.Cli.Tests;

/// <summary>
/// One embedded-default silo process for the test class (what `dotnet run --project silo` starts), its
/// printed demo tokens, and budgetctl pointed at its REST API.
/// </summary>
public sealed class EmbeddedSilo : IAsyncLifetime
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("budgetctl-tests-").FullName;
    private SiloProcess _silo = null!;

    public Budgetctl Budgetctl { get; private set; } = null!;

    public string Directory => _directory;

    /// <summary>The silo's web address; its REST API is at <c>api/v1</c> below it.</summary>
    public Uri ApiUrl => _silo.ApiUrl;

    public string MailFolder => Path.Combine(_directory, "mail");

    public async ValueTask InitializeAsync()
    {
        var port = SiloProcess.FreePort();
        _silo = await SiloProcess.StartEmbeddedAsync(port, _directory, TestContext.Current.CancellationToken);
        Budgetctl = new Budgetctl(_silo.ApiUrl, _directory);
    }

    /// <summary>
    /// Waits until the silo's mail sender has written a message matching <paramref name="match"/> into the
    /// pickup folder (it sends from its outbox every few seconds): each look follows a file event.
    /// </summary>
    public async Task WaitForMailAsync(Func<string, bool> match)
    {
        using var written = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(_directory) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Created += (_, _) => written.Release();
        watcher.Changed += (_, _) => written.Release();
        watcher.Renamed += (_, _) => written.Release();
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!System.IO.Directory.Exists(MailFolder) || !System.IO.Directory.GetFiles(MailFolder, "*.eml").Any(f => match(File.ReadAllText(f))))
        {
            var left = TimeSpan.FromSeconds(20) - started.Elapsed;
            Assert.True(left > TimeSpan.Zero && await written.WaitAsync(left, TestContext.Current.CancellationToken), "No such mail arrived within 20 s.");
        }
    }

    /// <summary>The demo token the silo printed for <paramref name="userId"/>.</summary>
    public string TokenOf(string userId) =>
        _silo.Output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(userId + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
