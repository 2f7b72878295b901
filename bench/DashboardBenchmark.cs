using System.Diagnostics;
using System.Runtime;
using BudgetActors.Dashboard;
using BudgetActors.Dashboard.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Benchmarks;

/// <summary>
/// What the dashboard's statistics cost grain calls: one silo with the dashboard mounted on real HTTP, a
/// closed loop of in-silo grain calls that never stops, counted in short alternating windows with call
/// statistics off and no page open (A), and with statistics on and an Overview page reading the live stream
/// (B). Each B window is set against the mean of the A windows on either side of it, so a drift in the
/// machine's speed over the run cancels out instead of landing on one mode.
/// </summary>
internal static class DashboardBenchmark
{
    private const int Callers = 64;
    private const int PingGrains = 10_000;
    private const int ShortWarmUpWindows = 160;
    private const double TargetOverhead = 0.03;
    private const string User = "operator";
    private const string Password = "dashboard-bench-password";

    // Long enough for a page's stream to open and send its first event after a switch; not counted.
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(0.25);

    /// <param name="relay">
    /// Whether each request goes through a relay grain (two calls, the second grain-to-grain, which is queued to
    /// its activation) instead of calling a ping grain from outside grains; figures are per call either way.
    /// </param>
    public static async Task RunAsync(TimeSpan window, int rounds, bool relay, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        await using var app = await StartSiloAsync();
        var silo = app.Services.GetRequiredService<SiloStatistics>();
        var statistics = silo.Calls;
        var sampler = app.Services.GetRequiredService<ClusterSampler>();
        var client = app.Services.GetRequiredService<IClusterClient>();
        var pings = Enumerable.Range(0, PingGrains).Select(i => client.GetGrain<IPingGrain>($"ping-{i}")).ToArray();
        var relays = Enumerable.Range(0, PingGrains).Select(i => client.GetGrain<IRelayGrain>($"relay-{i}")).ToArray();
        await Task.WhenAll(relay ? relays.Select(g => g.RelayAsync(0)) : pings.Select(g => g.PingAsync(0)));
        var callsPerRequest = relay ? 2 : 1;
        using var http = await DashboardPage.LogInAsync(new Uri(new Uri(app.Urls.First()), "dashboard/"), User, Password);

        // Spread callers over the grains so that concurrent callers mostly reach different grains. The callers
        // run throughout; only the mode changes under them between windows.
        static int Pick(int caller, long i) => (int)(((caller * 7919L) + i) % PingGrains);
        await using var load = LoadRun.Start(Callers, relay ? (caller, i) => relays[Pick(caller, i)].RelayAsync(1) : (caller, i) => pings[Pick(caller, i)].PingAsync(1));
        async Task<Window> MeasureAsync(bool collecting)
        {
            var measured = await MeasureWindowAsync(collecting, statistics, sampler, http, load, s_settle, window);
            return measured with
            {
                Load = measured.Load with
                {
                    PerSecond = measured.Load.PerSecond * callsPerRequest,
                    CpuNanosecondsPerOperation = measured.Load.CpuNanosecondsPerOperation / callsPerRequest,
                },
            };
        }

        // Tiered compilation recompiles a method after 30 calls (and, with profile-guided optimisation, once more
        // after 30 more), so code that a window runs once (opening and closing a page, restarting the sampler, the
        // window's own bookkeeping) would be compiled during the measured windows. Short windows first run it
        // often enough; full ones then let the JIT catch up with the calls' own paths.
        var compiled = JitInfo.GetCompiledMethodCount();
        for (var i = 0; i < ShortWarmUpWindows; i++)
        {
            await MeasureWindowAsync(collecting: i % 2 == 1, statistics, sampler, http, load, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(30));
        }

        for (var i = 0; i < 6; i++)
        {
            await MeasureAsync(collecting: i % 2 == 1);
        }

        // Under load something is always being recompiled somewhere; what still is during the run is reported.
        await JitCompilation.UntilQuietAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"dashboard: warm-up: {JitInfo.GetCompiledMethodCount() - compiled:N0} methods compiled ({clock.Elapsed.TotalSeconds:N0} s)");

        // A B A B ... A: every B window has an A window on either side, so a drift in the machine's speed over
        // a few seconds lands on both modes alike; short windows make many pairs, so the median is steady.
        output.WriteLine($"dashboard: {(2 * rounds) + 1} windows of {window.TotalSeconds:0.#} s, alternating ...");
        var jitBefore = JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = JitInfo.GetCompilationTime();
        var off = new List<Window>();
        var on = new List<Window>();
        off.Add(await MeasureAsync(collecting: false));
        for (var i = 0; i < rounds; i++)
        {
            on.Add(await MeasureAsync(collecting: true));
            off.Add(await MeasureAsync(collecting: false));
            output.WriteLine($"dashboard: B {on[i].Load.PerSecond,11:N0} calls/s between A {off[i].Load.PerSecond,11:N0} and {off[i + 1].Load.PerSecond,11:N0}: {on[i].Load.PerSecond * 2 / (off[i].Load.PerSecond + off[i + 1].Load.PerSecond):0.000}");
        }

        output.WriteLine($"dashboard: measured ({clock.Elapsed.TotalSeconds:N0} s)");
        var jitted = JitInfo.GetCompiledMethodCount() - jitBefore;
        var jitTime = JitInfo.GetCompilationTime() - jitTimeBefore;
        await load.DisposeAsync();
        var loadAfter = LoadAverage();
        statistics.Enabled = true;
        var readCost = MeasureSampleRead(silo);

        var recording = MeasureRecording();

        // B against the mean of its two neighbouring A windows.
        List<double> Paired(Func<LoadResult, double> figure) =>
            [.. on.Select((b, i) => figure(b.Load) / ((figure(off[i].Load) + figure(off[i + 1].Load)) / 2))];
        var paired = Paired(r => r.PerSecond);
        var overhead = 1 - Median(paired);
        var cpuPaired = Paired(r => r.CpuNanosecondsPerOperation);
        var offMedian = Median(off.Select(r => r.Load.PerSecond));
        var onMedian = Median(on.Select(r => r.Load.PerSecond));
        var offCpu = Median(off.Select(r => r.Load.CpuNanosecondsPerOperation));
        var shown = on.SelectMany(r => r.Shown).ToList();

        var datas = GC.GetConfigurationVariables().GetValueOrDefault("GCDynamicAdaptationMode") is not (null or 0 or 0L or "0");
        var table = new ResultTable($"dashboard benchmark ({Environment.ProcessorCount} cores; {(GCSettings.IsServerGC ? "server" : "workstation")} GC, DATAS {(datas ? "on" : "off")}; {Callers} callers over {PingGrains:N0} grains {(relay ? "through relay grains (2 calls a request)" : "from outside grains")}; {rounds} B windows between {rounds + 1} A windows of {window.TotalSeconds:0.#} s; load average {loadBefore} before, {loadAfter} after)");
        table.Add("A: grain calls/s, statistics off, no page open", Spread(off.Select(r => r.Load.PerSecond), "N0"), "", "", "", true);
        table.Add("B: grain calls/s, statistics on, Overview open", Spread(on.Select(r => r.Load.PerSecond), "N0"), $"{offMedian:N0} (A)", $"{onMedian / offMedian:0.000}", "", true);
        table.Add("B / mean of neighbouring A windows", Spread(paired, "0.000"), "", $"{Median(paired):0.000}", $">= {1 - TargetOverhead:0.00}", overhead <= TargetOverhead);
        table.Add("  overhead of statistics and dashboard", $"{overhead:P1} (quartiles {1 - Quantile(paired, 0.75):P1} to {1 - Quantile(paired, 0.25):P1})", "", "", $"<= {TargetOverhead:P0}", overhead <= TargetOverhead);
        table.Add("  CPU per call, B / neighbouring A", $"{Median(on.Select(r => r.Load.CpuNanosecondsPerOperation)):N0} ns (quartiles {Quantile(cpuPaired, 0.25):0.000} to {Quantile(cpuPaired, 0.75):0.000})", $"{offCpu:N0} ns (A)", $"{Median(cpuPaired):0.000}", "", true);
        table.Add("  recording alone, every core at once", $"{recording:N1} ns per call", $"{offCpu:N0} ns CPU per call (A)", $"{recording / offCpu:0.000}", "", true);
        table.Add(relay ? "  latency p50 / p99 per request (2 calls)" : "  latency p50 / p99, median of windows", $"{Ms(on, r => r.Load.P50)} / {Ms(on, r => r.Load.P99)}", $"{Ms(off, r => r.Load.P50)} / {Ms(off, r => r.Load.P99)} (A)", "", "", true);
        table.Add("  other processes' CPU, median of windows", $"{Median(on.Select(r => r.OtherCores)):0.00} of {Environment.ProcessorCount} cores", $"{Median(off.Select(r => r.OtherCores)):0.00} cores (A)", "", "", true);
        table.Add("  methods compiled while measuring (JIT)", $"{jitted:N0} ({jitTime.TotalMilliseconds:N0} ms)", "", "", "", true);
        table.Add("page: events received per B window", Spread(on.Select(r => (double)r.Events), "N0"), $"{(window + s_settle).TotalSeconds:0.##} s open", "", "", on.All(r => r.Events > 0));
        table.Add("page: calls/s shown, median of its samples", $"{Median(shown):N0}", $"{onMedian:N0} measured", $"{Median(shown) / onMedian:0.00}", "", true);
        table.Add("sampler: reading the runtime's figures", $"{readCost.TotalMicroseconds:N1} us per sample ({silo.ActivationsByType().Values.Sum():N0} activations)", "", "", "", true);
        table.Print(output);
        await app.StopAsync();
    }

    private static async Task<WebApplication> StartSiloAsync()
    {
        // As silo/Program.cs composes a silo (WebApplication, dashboard at /dashboard), with the benchmark's
        // grains in memory and real HTTP on a free loopback port.
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseBudgetActorsSilo(silo => silo
            .UseLocalhostClustering("dashboard-bench")
            .AddGrains(typeof(DashboardBenchmark).Assembly)
            .AddJsonSerializerContext(BenchJsonContext.Default)
            .AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage));
        builder.Services.AddBudgetActorsDashboard(o =>
        {
            o.Operator.User = User;
            o.Operator.Password = Password;
        });
        var app = builder.Build();
        app.MapBudgetActorsDashboard("/dashboard");
        await app.StartAsync();
        return app;
    }

    private static async Task<Window> MeasureWindowAsync(
        bool collecting, CallStatistics statistics, ClusterSampler sampler, HttpClient http, LoadRun load, TimeSpan settle, TimeSpan window)
    {
        // With no dashboard the silo would neither record nor sample: the sampler runs only in B windows. It
        // takes a sample at once when it starts, so a B window holds one more sample than a steady second would.
        statistics.Enabled = collecting;
        if (collecting)
        {
            await sampler.StartAsync(CancellationToken.None);
        }
        else
        {
            await sampler.StopAsync(CancellationToken.None);
        }

        var page = collecting ? await DashboardPage.OpenAsync(http) : null;
        try
        {
            await Task.Delay(settle);

            // Events before the window are the page's first (the latest sample, taken before the sampler stopped
            // or as it restarted) and the restarted sampler's first, whose interval reaches back into the A window.
            var shownBefore = page?.Events ?? 0;
            var machine = MachineCpu.Start();
            var measured = await load.MeasureAsync(window);
            var (machineCores, processCores) = machine.Stop();
            var other = machineCores is { } busy ? Math.Max(0, busy - processCores) : double.NaN;
            return new Window(measured, other, page?.Events ?? 0, page?.CallsPerSecond.Skip(shownBefore).ToList() ?? []);
        }
        finally
        {
            if (page is not null)
            {
                await page.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// What <see cref="CallStatistics"/> costs per call with nothing else running: every core recording into
    /// one method's counters at once, as the callers do, in CPU nanoseconds per call recorded. The second pass
    /// is the one reported; the first gets the loop compiled.
    /// </summary>
    private static double MeasureRecording()
    {
        const int PerThread = 10_000_000;
        var statistics = new CallStatistics(TimeProvider.System);
        var method = new GrainMethod("bench.recording", isReadOnly: false, alwaysInterleave: false);
        var threads = Environment.ProcessorCount;
        var nanoseconds = 0.0;
        for (var pass = 0; pass < 2; pass++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                // Latencies of 1 to 2 us (in stopwatch ticks, nanoseconds on Linux) spread over the buckets a fast call lands in.
                for (var i = 0; i < PerThread; i++)
                {
                    statistics.Record(method, 1_000 + (i & 1023), failed: false);
                }
            });
            nanoseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalNanoseconds / ((double)PerThread * threads);
        }

        return nanoseconds;
    }

    /// <summary>
    /// What the sampler spends each interval reading the runtime: the call counters of every method, and the
    /// activations counted by type (which grows with the activations, not with the calls).
    /// </summary>
    private static TimeSpan MeasureSampleRead(SiloStatistics silo)
    {
        const int Samples = 200;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Samples; i++)
        {
            GC.KeepAlive(silo.Calls.Snapshot());
            GC.KeepAlive(silo.Calls.AllCalls());
            GC.KeepAlive(silo.ActivationsByType());
        }

        return Stopwatch.GetElapsedTime(started) / Samples;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>Linear interpolation between the closest ranks; NaN without values.</summary>
    private static double Quantile(IEnumerable<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = quantile * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }

    private static string Spread(IEnumerable<double> values, string format)
    {
        var list = values.ToList();
        return $"{Median(list).ToString(format)} ({list.Min().ToString(format)} to {list.Max().ToString(format)})";
    }

    private static string Ms(IEnumerable<Window> windows, Func<Window, TimeSpan> latency) =>
        RuntimeBenchmark.Ms(TimeSpan.FromTicks((long)Median(windows.Select(r => (double)latency(r).Ticks))));

    private sealed record Window(LoadResult Load, double OtherCores, int Events, IReadOnlyList<double> Shown);
}
