using System.Net;
using System.Text.Json;

namespace BudgetActors.Benchmarks;

/// <summary>
/// An operator's Overview page as a browser holds it open: logged in through the login form, reading the
/// live stream (<c>api/overview/stream</c>) for as long as it is open and parsing every event's JSON.
/// </summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private readonly List<double> _callsPerSecond = [];
    private readonly TaskCompletionSource _firstEvent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private int _events;

    private DashboardPage(HttpResponseMessage stream)
    {
        _reading = ReadAsync(stream, _closing.Token);
    }

    /// <summary>Events received so far (one a sample interval, plus one at once when the page opens).</summary>
    public int Events => Volatile.Read(ref _events);

    /// <summary>Completes when the page has shown its first figures.</summary>
    public Task FirstEvent => _firstEvent.Task;

    /// <summary>The calls/s the page was shown, one per event, in order.</summary>
    public IReadOnlyList<double> CallsPerSecond
    {
        get
        {
            lock (_callsPerSecond)
            {
                return [.. _callsPerSecond];
            }
        }
    }

    /// <summary>An HTTP client logged in through the dashboard's login form: it carries the session cookie.</summary>
    public static async Task<HttpClient> LogInAsync(Uri dashboard, string user, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = dashboard,
            // A page's stream stays open for as long as the page.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var login = await http.PostAsync("login", new FormUrlEncodedContent([new("user", user), new("password", password)]));
        if (login.StatusCode != HttpStatusCode.SeeOther)
        {
            http.Dispose();
            throw new InvalidOperationException($"The dashboard refused the login: {(int)login.StatusCode}.");
        }

        return http;
    }

    /// <summary>Opens the Overview's live stream with a logged-in client, as the page's script does.</summary>
    public static async Task<DashboardPage> OpenAsync(HttpClient loggedIn)
    {
        var stream = await loggedIn.GetAsync("api/overview/stream", HttpCompletionOption.ResponseHeadersRead);
        try
        {
            stream.EnsureSuccessStatusCode();
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new DashboardPage(stream);
    }

    private async Task ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var reader = new StreamReader(body);
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (!line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    using var json = JsonDocument.Parse(line.AsMemory("data: ".Length));
                    var rate = json.RootElement.GetProperty("now").GetProperty("callsPerSecond").GetDouble();
                    lock (_callsPerSecond)
                    {
                        _callsPerSecond.Add(rate);
                    }

                    Interlocked.Increment(ref _events);
                    _firstEvent.TrySetResult();
                }
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or IOException)
            {
                // Closed by DisposeAsync, as a browser tab is closed.
            }
            finally
            {
                _firstEvent.TrySetCanceled(cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _reading;
        _closing.Dispose();
    }
}
