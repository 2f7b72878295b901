using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard;

/// <summary>
/// What every page reads: <c>api/{name}</c> answers the figures once as JSON, <c>api/{name}/stream</c>
/// pushes them as Server-Sent Events at once and then every sample interval, and nothing is read while no
/// page is open.
/// </summary>
internal static class LiveEndpoints
{
    /// <summary>The event a stream sends instead of figures when reading them failed; its data is a sentence for the operator.</summary>
    public const string ProblemEvent = "problem";

    public static void MapLive<T>(this RouteGroupBuilder api, string name, JsonTypeInfo<T> json, Func<HttpContext, CancellationToken, Task<T>> read)
    {
        // The explicit return type keeps the lambda from binding as a RequestDelegate, which drops the result.
        api.MapGet("/" + name, async Task<IResult> (HttpContext context) => TypedResults.Json(await read(context, context.RequestAborted).ConfigureAwait(false), json));
        api.MapGet("/" + name + "/stream", (HttpContext context, IOptions<DashboardOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILoggerFactory loggers) =>
            TypedResults.ServerSentEvents(Events(name, context, json, read, options.Value.SampleInterval, time, loggers.CreateLogger(typeof(LiveEndpoints).FullName!), lifetime.ApplicationStopping, context.RequestAborted)));
    }

    /// <summary>
    /// The page's figures after each sample, as events named after the page. A read that fails (a database
    /// away, a grain that throws) keeps the stream open: the page is told with a <see cref="ProblemEvent"/>,
    /// keeps the figures it has, and gets fresh ones at the next sample that reads.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Events<T>(
        string name,
        HttpContext context,
        JsonTypeInfo<T> json,
        Func<HttpContext, CancellationToken, Task<T>> read,
        TimeSpan interval,
        TimeProvider time,
        ILogger logger,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken requestAborted)
    {
        // Streams never end on their own: without the stopping token a silo shutting down would wait for
        // every open page until the host's shutdown timeout.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, requestAborted);
        var cancellationToken = linked.Token;
        using var sample = new PeriodicTimer(interval, time);
        while (!cancellationToken.IsCancellationRequested)
        {
            SseItem<string> item;
            try
            {
                item = new(JsonSerializer.Serialize(await read(context, cancellationToken).ConfigureAwait(false), json), name);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            catch (Exception exception)
            {
                DashboardLog.PageReadFailed(logger, name, exception);
                item = new($"The {name} figures could not be read ({exception.GetType().Name}); trying again at the next sample.", ProblemEvent);
            }

            yield return item;
            try
            {
                await sample.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
