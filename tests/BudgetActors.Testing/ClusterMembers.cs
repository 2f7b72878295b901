using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BudgetActors.Testing;

/// <summary>
/// The live silos as one silo of a running cluster sees them (its <c>/cluster/members</c>, with the cluster
/// secret), for tests and benchmarks that start silo processes.
/// </summary>
public static class ClusterMembers
{
    /// <summary>The silo ids (<c>host:port@generation</c>) the silo at <paramref name="endpoint"/> counts as live.</summary>
    public static async Task<string[]> ReadAsync(Uri endpoint, string secret, CancellationToken cancellationToken) =>
        (await ReadAsync(endpoint, secret, changedFrom: null, cancellationToken)).Silos;

    /// <summary>
    /// Waits until the silo's view satisfies <paramref name="done"/>. Between looks it does not sleep: it asks
    /// the silo to answer when its view changes (a join, a leave, a death), so each look follows an event.
    /// </summary>
    public static async Task<string[]> WaitUntilAsync(Uri endpoint, string secret, Func<string[], bool> done, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var (silos, stamp) = await ReadAsync(endpoint, secret, changedFrom: null, cancellationToken);
        while (!done(silos))
        {
            if (started.Elapsed > limit)
            {
                throw new TimeoutException($"The silo at {endpoint} still sees [{string.Join(", ", silos)}] after {limit.TotalSeconds:0} s.");
            }

            (silos, stamp) = await ReadAsync(endpoint, secret, stamp, cancellationToken);
        }

        return silos;
    }

    private static async Task<(string[] Silos, long Stamp)> ReadAsync(Uri endpoint, string secret, long? changedFrom, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var query = changedFrom is { } stamp ? $"?changedFrom={stamp.ToString(CultureInfo.InvariantCulture)}" : "";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, $"cluster/members{query}"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Cluster", secret);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var silos = JsonSerializer.Deserialize<string[]>(await response.Content.ReadAsStringAsync(cancellationToken)) ?? [];
        var view = response.Headers.TryGetValues("ba-view", out var values) ? long.Parse(values.First(), CultureInfo.InvariantCulture) : 0;
        return (silos, view);
    }
}
