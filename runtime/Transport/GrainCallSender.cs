using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BudgetActors.Runtime;

/// <summary>
/// Sends a grain call to a silo over HTTP/2 and completes it with the answer. Used by silos (for grains
/// another silo owns) and by clients. Every failure ends as an exception that says whether the call ran.
/// </summary>
internal sealed class GrainCallSender : IDisposable
{
    private readonly HttpMessageInvoker _http;
    private readonly CallCodec _codec;
    private readonly TimeProvider _time;

    public GrainCallSender(CallCodec codec, TimeProvider time)
    {
        _codec = codec;
        _time = time;
        _http = new HttpMessageInvoker(new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            // A peer that vanished without closing its connection (power cut, network split) is noticed
            // by pings, so calls waiting on it fail instead of hanging to their deadline.
            KeepAlivePingDelay = TimeSpan.FromSeconds(2),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(2),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            UseProxy = false,
        });
    }

    /// <summary>
    /// Sends <paramref name="call"/> to <paramref name="silo"/> and completes the call with the answer; never
    /// throws. Returns false, leaving the call for the caller to send elsewhere, when the silo certainly did
    /// not run it (it could not be reached, or it is not serving).
    /// </summary>
    /// <param name="credentials">"Cluster secret" between silos, "Bearer token" from a client.</param>
    /// <param name="onView">Told the answering silo's membership stamp.</param>
    public async Task<bool> TrySendAsync(GrainCall call, Uri silo, AuthenticationHeaderValue credentials, Action<long>? onView)
    {
        var remaining = _time.GetElapsedTime(_time.GetTimestamp(), call.Deadline);
        if (remaining <= TimeSpan.Zero)
        {
            call.TryFail(new GrainCallTimeoutException($"{call.Method.FullName} on {call.Grain} ran out of time before it was sent; it did not run."));
            return true;
        }

        using var deadline = new CancellationTokenSource(remaining, _time);
        byte[] arguments;
        try
        {
            arguments = _codec.WriteArguments(call);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or System.Text.Json.JsonException)
        {
            call.TryFail(exception); // an argument that cannot travel: the call did not run anywhere
            return true;
        }

        using var request = Request(HttpMethod.Post, silo, WireHeaders.CallPath, credentials);
        request.Content = new ByteArrayContent(arguments);
        var headers = request.Headers;
        headers.TryAddWithoutValidation(WireHeaders.Grain, WireHeaders.Encode(call.Grain));
        headers.TryAddWithoutValidation(WireHeaders.Method, GrainMethodCatalog.WireName(call.Method));
        headers.TryAddWithoutValidation(WireHeaders.CorrelationId, call.CorrelationId.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(WireHeaders.Hops, call.Hops.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(WireHeaders.Timeout, ((long)remaining.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        if (call.Parent?.Chain() is { Count: > 0 } chain)
        {
            headers.TryAddWithoutValidation(WireHeaders.Chain, string.Join(',', chain.Select(WireHeaders.Encode)));
        }

        if (credentials.Scheme == WireHeaders.ClusterScheme && call.Values?.GetValueOrDefault("caller") is CallerIdentity caller)
        {
            headers.TryAddWithoutValidation(WireHeaders.Caller, $"{Uri.EscapeDataString(caller.CompanyId)}/{Uri.EscapeDataString(caller.UserId)}");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            call.TryFail(new GrainCallTimeoutException($"{call.Method.FullName} on {call.Grain} did not answer within {remaining:g} (silo {silo.Authority}); its outcome is unknown."));
            return true;
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return false;
        }
        catch (HttpRequestException exception)
        {
            call.TryFail(new SiloUnavailableException($"The connection to silo {silo.Authority} broke during {call.Method.FullName} on {call.Grain}; its outcome is unknown.", exception));
            return true;
        }

        using (response)
        {
            if (onView is not null && response.Headers.TryGetValues(WireHeaders.View, out var views)
                && long.TryParse(views.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var view))
            {
                onView(view);
            }

            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                call.TryFail(new SiloUnavailableException($"The answer of silo {silo.Authority} to {call.Method.FullName} on {call.Grain} was cut off; its outcome is unknown.", exception));
                return true;
            }

            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return false;
            }

            Complete(call, response, body, silo);
            return true;
        }
    }

    /// <summary>Asks a silo to read the membership table now (a member joined or is leaving); false if it did not answer.</summary>
    public async Task<bool> RequestRefreshAsync(Uri silo, AuthenticationHeaderValue credentials, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, silo, WireHeaders.RefreshPath, credentials);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The live silos as <paramref name="silo"/> sees them, and that view's stamp.</summary>
    public async Task<(IReadOnlyList<SiloAddress> Silos, long Stamp)> GetMembersAsync(Uri silo, AuthenticationHeaderValue credentials, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, silo, WireHeaders.MembersPath, credentials);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new UnauthorizedAccessException($"Silo {silo.Authority} refused the credentials: {Text(body)}");
        }

        response.EnsureSuccessStatusCode();
        var ids = JsonSerializer.Deserialize(body, TransportJsonContext.Default.StringArray) ?? [];
        var stamp = response.Headers.TryGetValues(WireHeaders.View, out var views)
            && long.TryParse(views.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return ([.. ids.Select(SiloAddress.Parse)], stamp);
    }

    /// <summary>The company user <paramref name="credentials"/> act as, according to <paramref name="silo"/>.</summary>
    public async Task<CallerIdentity> WhoAmIAsync(Uri silo, AuthenticationHeaderValue credentials, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, silo, WireHeaders.WhoAmIPath, credentials);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new UnauthorizedAccessException($"Silo {silo.Authority} refused the credentials: {Text(body)}");
        }

        response.EnsureSuccessStatusCode();
        return JsonSerializer.Deserialize(body, TransportJsonContext.Default.CallerIdentity)
            ?? throw new RemoteGrainException($"Silo {silo.Authority} answered who the caller is with nothing.");
    }

    /// <summary>The figures <paramref name="silo"/> reports about itself (silos only: it takes the cluster secret).</summary>
    public async Task<SiloReport> GetStatisticsAsync(Uri silo, AuthenticationHeaderValue credentials, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, silo, WireHeaders.StatisticsPath, credentials);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, TransportJsonContext.Default.SiloReport)
            ?? throw new RemoteGrainException($"Silo {silo.Authority} reported nothing.");
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri silo, string path, AuthenticationHeaderValue credentials)
    {
        var request = new HttpRequestMessage(method, new Uri(silo, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Authorization = credentials;
        return request;
    }

    private void Complete(GrainCall call, HttpResponseMessage response, byte[] body, Uri silo)
    {
        var outcome = response.Headers.TryGetValues(WireHeaders.Outcome, out var values) ? values.FirstOrDefault() : null;
        try
        {
            switch (response.StatusCode, outcome)
            {
                case (HttpStatusCode.OK, "ok"):
                    call.TrySetResult(_codec.ReadResult(call.Method, body));
                    break;
                case (HttpStatusCode.OK, "error"):
                    var error = JsonSerializer.Deserialize(body, TransportJsonContext.Default.RemoteError)!;
                    call.TryFail(error.ToException());
                    break;
                case (HttpStatusCode.Unauthorized, _):
                    call.TryFail(new UnauthorizedAccessException($"Silo {silo.Authority} refused the credentials: {Text(body)}"));
                    break;
                default:
                    call.TryFail(new RemoteGrainException($"Silo {silo.Authority} answered {(int)response.StatusCode} to {call.Method.FullName} on {call.Grain}: {Text(body)}"));
                    break;
            }
        }
        catch (JsonException exception)
        {
            call.TryFail(new RemoteGrainException($"The answer of silo {silo.Authority} to {call.Method.FullName} could not be read: {exception.Message}", exception));
        }
    }

    private static string Text(byte[] body) => body.Length == 0 ? "no reason given" : System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 500));

    public void Dispose() => _http.Dispose();
}
