using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BudgetActors.Dashboard.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace BudgetActors.Dashboard;

/// <summary>
/// What every page reads: <c>api/{name}</c> answers the figures once as JSON, <c>api/{name}/stream</c>
/// pushes them as Server-Sent Events at once and then after each sample the silo takes, so all pages move
/// together at the sample interval and nothing is read while no page is open (the cluster sampler aside, which keeps the charts' history).
/// </summary>
internal static class LiveEndpoints
{
    public static void MapLive<T>(this RouteGroupBuilder api, string name, JsonTypeInfo<T> json, Func<HttpContext, CancellationToken, Task<T>> read)
    {
        // The explicit return type keeps the lambda from binding as a RequestDelegate, which drops the result.
        api.MapGet("/" + name, async Task<IResult> (HttpContext context) => TypedResults.Json(await read(context, context.RequestAborted).ConfigureAwait(false), json));
        api.MapGet("/" + name + "/stream", (HttpContext context, ClusterSampler sampler, IHostApplicationLifetime lifetime) =>
            TypedResults.ServerSentEvents(Events(context, json, read, sampler, lifetime.ApplicationStopping, context.RequestAborted), eventType: name));
    }

    private static async IAsyncEnumerable<string> Events<T>(
        HttpContext context,
        JsonTypeInfo<T> json,
        Func<HttpContext, CancellationToken, Task<T>> read,
        ClusterSampler sampler,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken requestAborted)
    {
        // Streams never end on their own: without the stopping token a silo shutting down would wait for
        // every open page until the host's shutdown timeout.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, requestAborted);
        var cancellationToken = linked.Token;
        while (!cancellationToken.IsCancellationRequested)
        {
            T model;
            try
            {
                model = await read(context, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            yield return JsonSerializer.Serialize(model, json);
            try
            {
                await sampler.NextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
