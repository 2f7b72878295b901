using System.Net;

namespace BudgetActors.Erp;

/// <summary>Sending a request with a deadline, and telling a timeout or a broken connection from the caller giving up.</summary>
internal static class ErpHttp
{
    /// <summary>The most of an answer a connector reads; a larger one is refused rather than buffered.</summary>
    public const long MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>An HttpClient for one connector: pooled connections renewed every few minutes (DNS changes), no client-wide timeout (each call has its own).</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.All,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        MaxResponseContentBufferSize = MaxResponseBytes,
    };

    /// <summary>
    /// Sends <paramref name="request"/> and reads the whole answer within <paramref name="timeout"/>. A timeout or
    /// a network fault is a transient <see cref="ErpException"/>; the caller's own cancellation stays an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> SendAsync(
        HttpClient http, HttpRequestMessage request, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        // A network deadline is real time, like the sockets under it; the injected clock paces waits the
        // connector chooses (Retry-After, polling), which tests move without waiting.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(timeout);
        try
        {
            // ResponseContentRead buffers the answer within the client's MaxResponseContentBufferSize.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return (response.StatusCode, body, RetryAfter(response, time));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw ErpFaults.Transient("Timeout", $"no answer within {timeout.TotalSeconds:0.###} s", exception);
        }
        catch (HttpRequestException exception)
        {
            throw ErpFaults.Transient("Unavailable", $"the ERP could not be reached ({exception.HttpRequestError})", exception);
        }
    }

    /// <summary>A path under a base URL, whether or not the configured URL ends in a slash.</summary>
    public static Uri Combine(Uri baseUrl, string relative) =>
        new(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), relative);

    /// <summary>Whether trying the same request again can help: 408, 429 and every 5xx.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
