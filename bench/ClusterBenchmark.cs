using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Benchmarks;

/// <summary>
/// Cross-silo grain calls between three silos on this machine (real HTTP/2 on loopback), next to a plain
/// Kestrel HTTP/2 request/response loop of the same size measured in the same run; then failover after
/// kill -9 of a silo process.
/// </summary>
internal static class ClusterBenchmark
{
    private const int Callers = 64;
    private const int Grains = 3_000;

    public static async Task RunAsync(TimeSpan measured, TextWriter output)
    {
        var warmUp = TimeSpan.FromSeconds(Math.Max(1, measured.TotalSeconds / 3));
        var table = new ResultTable($"cluster benchmark ({Environment.ProcessorCount} cores, 3 silos in this process, {Callers} callers, {measured.TotalSeconds:0} s per figure)");

        output.WriteLine("baseline: plain Kestrel HTTP/2 request/response on loopback ...");
        var baseline = await MeasureKestrelAsync(warmUp, measured);

        output.WriteLine("cross-silo grain calls: three silos, calls entering one silo for grains the other two own ...");
        var membership = new MemoryMembershipTable();
        var directory = new MemoryGrainDirectory(membership);
        var silos = new List<IHost>();
        for (var i = 0; i < 3; i++)
        {
            silos.Add(await RuntimeBenchmark.StartSiloAsync(silo => silo
                .AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage)
                .UseMemoryClustering(membership, directory, o =>
                {
                    o.Port = 0;
                    o.ClusterSecret = "bench";
                })));
        }

        var entry = silos[0].Services.GetRequiredService<IClusterClient>();
        var self = silos[0].Services.GetRequiredService<GrainRuntime>().Self!;
        var view = (await membership.ReadAllAsync(CancellationToken.None)).Select(e => e.Address).ToList();
        var remote = Enumerable.Range(0, Grains * 3).Select(i => $"remote-{i}")
            .Where(k => RendezvousPlacement.Owner(new GrainId("ping", k), view) != self)
            .Take(Grains).Select(entry.GetGrain<IPingGrain>).ToArray();
        await Task.WhenAll(remote.Select(g => g.PingAsync(0)));
        var calls = await LoadRun.RunAsync(Callers, warmUp, measured, (caller, i) => remote[(int)(((caller * 7919L) + i) % remote.Length)].PingAsync(1));

        foreach (var silo in silos)
        {
            await silo.StopAsync();
            silo.Dispose();
        }

        var (declaredDead, resumed) = await FailoverBenchmark.MeasureAsync(output);

        var ratio = calls.PerSecond / baseline.PerSecond;
        table.Add("Kestrel HTTP/2 request/response/s (baseline)", $"{baseline.PerSecond:N0}", "", "", "", true);
        table.Add("  latency", $"p50 {RuntimeBenchmark.Ms(baseline.P50)}, p99 {RuntimeBenchmark.Ms(baseline.P99)}", "", "", "", true);
        table.Add("cross-silo grain calls/s", $"{calls.PerSecond:N0}", $"{baseline.PerSecond:N0}", $"{ratio:0.00}", "", true);
        table.Add("  latency", $"p50 {RuntimeBenchmark.Ms(calls.P50)}, p99 {RuntimeBenchmark.Ms(calls.P99)}", $"p50 {RuntimeBenchmark.Ms(baseline.P50)}, p99 {RuntimeBenchmark.Ms(baseline.P99)}", "", "", true);
        table.Add("failover after kill -9: declared dead", $"{declaredDead.TotalSeconds:0.0} s", "", "", "<= 10 s", declaredDead <= TimeSpan.FromSeconds(10));
        table.Add("failover after kill -9: calls to its grain succeed again", $"{resumed.TotalSeconds:0.0} s", "", "", "<= 10 s", resumed <= TimeSpan.FromSeconds(10));
        table.Print(output);
    }

    /// <summary>The same transport with nothing on top: a POST of a few bytes answered with a few bytes.</summary>
    private static async Task<LoadResult> MeasureKestrelAsync(TimeSpan warmUp, TimeSpan measured)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.Http2.MaxStreamsPerConnection = 4096;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
        });
        await using var app = builder.Build();
        var answer = "2"u8.ToArray();
        app.MapPost("/echo", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            http.Response.ContentLength = answer.Length;
            await http.Response.Body.WriteAsync(answer);
        });
        await app.StartAsync();
        var endpoint = new Uri(new Uri(app.Urls.First()), "echo");
        using var http = new HttpMessageInvoker(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false });
        var result = await LoadRun.RunAsync(Callers, warmUp, measured, async (_, _) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent("[1]"u8.ToArray()),
            };
            using var response = await http.SendAsync(request, CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync();
        });
        await app.StopAsync();
        return result;
    }
}
