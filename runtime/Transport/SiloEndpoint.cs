using System.Collections.Immutable;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Runtime;

/// <summary>
/// The silo's network endpoint (Kestrel, HTTP/2 without TLS): grain calls from other silos and from
/// clients, the membership view for clients, and a health check. Calls from silos show the cluster
/// secret and may carry the caller's identity; calls from clients show a bearer token, and the identity
/// is the one the token was issued to, whatever else the request says.
/// </summary>
internal sealed class SiloEndpoint(
    GrainRuntime runtime,
    ClusterMembership membership,
    CallCodec codec,
    ClusterSecret secret,
    ClusterOptions options,
    ICallerAuthenticator? authenticator,
    SiloStatistics statistics,
    ILogger<SiloEndpoint> logger) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Starts listening; returns the port (the configured one, or the one picked for port 0).</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 4096;
            kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.MapPost(WireHeaders.CallPath, (RequestDelegate)HandleCallAsync);
        app.MapGet(WireHeaders.MembersPath, (RequestDelegate)HandleMembersAsync);
        app.MapGet(WireHeaders.HealthPath, (RequestDelegate)HandleHealthAsync);
        app.MapPost(WireHeaders.RefreshPath, (RequestDelegate)HandleRefreshAsync);
        app.MapGet(WireHeaders.WhoAmIPath, (RequestDelegate)HandleWhoAmIAsync);
        app.MapGet(WireHeaders.StatisticsPath, (RequestDelegate)HandleStatisticsAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        RuntimeLog.EndpointListening(logger, address);
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    private async Task HandleCallAsync(HttpContext http)
    {
        var (authenticated, fromSilo, caller) = await AuthenticateAsync(http).ConfigureAwait(false);
        if (!authenticated)
        {
            return;
        }

        var headers = http.Request.Headers;
        if (!membership.IsServing)
        {
            await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, "the silo is not serving: it is stopping or was declared dead").ConfigureAwait(false);
            return;
        }

        GrainCall call;
        try
        {
            var method = GrainMethodCatalog.Find(headers[WireHeaders.Method].ToString())
                ?? throw new FormatException($"unknown grain method '{headers[WireHeaders.Method]}'");
            var grain = WireHeaders.DecodeGrain(headers[WireHeaders.Grain].ToString());
            if (!runtime.Hosts(grain.Type, method.InterfaceType))
            {
                throw new FormatException($"{method.FullName} is not a method of grain type '{grain.Type}'");
            }

            var body = await ReadBodyAsync(http.Request.BodyReader, http.RequestAborted).ConfigureAwait(false);
            call = method.CreateCall(codec.ReadArguments(method, body));
            call.Grain = grain;
            call.Values = caller is null ? null : ImmutableDictionary<string, object>.Empty.SetItem("caller", caller);
            call.CorrelationId = long.TryParse(headers[WireHeaders.CorrelationId], NumberStyles.None, CultureInfo.InvariantCulture, out var correlation)
                ? correlation : RequestContext.NewCorrelationId();
            call.Hops = int.TryParse(headers[WireHeaders.Hops], NumberStyles.None, CultureInfo.InvariantCulture, out var hops) ? hops : 0;
            if (fromSilo)
            {
                call.Parent = ChainOf(headers[WireHeaders.Chain].ToString());
            }

            var timeout = long.TryParse(headers[WireHeaders.Timeout], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
            runtime.Stamp(call, timeout);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, exception.Message).ConfigureAwait(false);
            return;
        }

        runtime.Dispatch(call);
        try
        {
            await call.Completion.ConfigureAwait(false);
        }
        catch
        {
            // The outcome, success or error, is written to the answer below.
        }

        var response = http.Response;
        response.Headers[WireHeaders.View] = membership.View.Stamp.ToString(CultureInfo.InvariantCulture);
        byte[] answer;
        if (call.Completion.IsCompletedSuccessfully)
        {
            response.Headers[WireHeaders.Outcome] = "ok";
            answer = codec.WriteResult(call.Method, call.Result);
        }
        else
        {
            var exception = call.Completion.Exception?.InnerException ?? new TaskCanceledException();
            response.Headers[WireHeaders.Outcome] = "error";
            answer = JsonSerializer.SerializeToUtf8Bytes(RemoteError.From(exception), TransportJsonContext.Default.RemoteError);
        }

        response.ContentLength = answer.Length;
        await response.Body.WriteAsync(answer, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The live silos. With <c>?changedFrom=&lt;stamp&gt;</c> the answer waits (up to 10 s) until this silo's view
    /// differs from that stamp, so a watcher learns of a join or a death when it happens, without asking again and again.
    /// </summary>
    private async Task HandleMembersAsync(HttpContext http)
    {
        if ((await AuthenticateAsync(http).ConfigureAwait(false)).Authenticated)
        {
            if (long.TryParse(http.Request.Query["changedFrom"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stamp))
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
                wait.CancelAfter(TimeSpan.FromSeconds(10));
                await membership.WaitForViewChangeAsync(stamp, wait.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            http.Response.Headers[WireHeaders.View] = membership.View.Stamp.ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsync(
                JsonSerializer.Serialize([.. membership.View.Silos.Select(s => s.Id)], TransportJsonContext.Default.StringArray),
                http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Another silo joined or is leaving: read the table now rather than at the next heartbeat.</summary>
    private async Task HandleRefreshAsync(HttpContext http)
    {
        if ((await AuthenticateAsync(http).ConfigureAwait(false)) is { Authenticated: true, FromSilo: true })
        {
            await membership.RefreshAsync(http.RequestAborted).ConfigureAwait(false);
        }
        else if (!http.Response.HasStarted)
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "only silos of the cluster may ask").ConfigureAwait(false);
        }
    }

    /// <summary>This silo's figures, for the dashboard of another silo; clients may not read them.</summary>
    private async Task HandleStatisticsAsync(HttpContext http)
    {
        if ((await AuthenticateAsync(http).ConfigureAwait(false)) is { Authenticated: true, FromSilo: true })
        {
            var report = statistics.Report();
            await http.Response.WriteAsync(JsonSerializer.Serialize(report, TransportJsonContext.Default.SiloReport), http.RequestAborted).ConfigureAwait(false);
        }
        else if (!http.Response.HasStarted)
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "only silos of the cluster may ask").ConfigureAwait(false);
        }
    }

    /// <summary>The company user a client's token acts as (clients need the company for grain keys).</summary>
    private async Task HandleWhoAmIAsync(HttpContext http)
    {
        if ((await AuthenticateAsync(http).ConfigureAwait(false)) is { Authenticated: true, Caller: { } caller })
        {
            await http.Response.WriteAsync(JsonSerializer.Serialize(caller, TransportJsonContext.Default.CallerIdentity), http.RequestAborted).ConfigureAwait(false);
        }
        else if (!http.Response.HasStarted)
        {
            await RefuseAsync(http, StatusCodes.Status404NotFound, "no user is bound to these credentials").ConfigureAwait(false);
        }
    }

    private Task HandleHealthAsync(HttpContext http)
    {
        http.Response.StatusCode = membership.IsServing ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return http.Response.WriteAsync(membership.IsServing ? "serving" : "not serving", http.RequestAborted);
    }

    private async Task<(bool Authenticated, bool FromSilo, CallerIdentity? Caller)> AuthenticateAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space > 0 ? authorization[..space] : "";
        var credential = space > 0 ? authorization[(space + 1)..].Trim() : "";
        if (scheme == WireHeaders.ClusterScheme && secret.Matches(credential))
        {
            return (true, true, CallerOf(http.Request.Headers[WireHeaders.Caller].ToString()));
        }

        if (scheme == WireHeaders.BearerScheme && credential.Length > 0 && authenticator is not null
            && await authenticator.AuthenticateAsync(credential, http.RequestAborted).ConfigureAwait(false) is { } user)
        {
            return (true, false, user);
        }

        var reason = scheme switch
        {
            WireHeaders.ClusterScheme => "wrong cluster secret",
            WireHeaders.BearerScheme when authenticator is null => "this silo accepts no client tokens",
            WireHeaders.BearerScheme => "unknown or revoked token",
            _ => "no credentials (send Authorization: Bearer <token>)",
        };
        RuntimeLog.CallRefused(logger, http.Connection.RemoteIpAddress?.ToString() ?? "?", reason);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await RefuseAsync(http, StatusCodes.Status401Unauthorized, reason).ConfigureAwait(false);
        return (false, false, null);
    }

    private static CallerIdentity? CallerOf(string header)
    {
        var slash = header.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? null : new CallerIdentity(Uri.UnescapeDataString(header[..slash]), Uri.UnescapeDataString(header[(slash + 1)..]));
    }

    private static RequestFrame? ChainOf(string header)
    {
        RequestFrame? frame = null;
        foreach (var grain in header.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            frame = new RequestFrame { Grain = WireHeaders.DecodeGrain(grain), Parent = frame };
        }

        return frame;
    }

    private static async Task<byte[]> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await reader.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task RefuseAsync(HttpContext http, int status, string reason)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsync(reason, Encoding.UTF8, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
