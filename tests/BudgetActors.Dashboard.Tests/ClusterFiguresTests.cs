using System.Text.Json;
using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Dashboard.Tests;

/// <summary>The dashboard of any silo shows the whole cluster: each silo's figures come from that silo.</summary>
public sealed class ClusterFiguresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_silo_reports_its_own_calls_and_activations_and_the_dashboard_of_either_adds_them_up()
    {
        var members = new MemoryMembershipTable();
        var cluster = (members, new MemoryGrainDirectory(members));
        await using var first = await DashboardSilo.StartAsync(cluster: cluster);
        await using var second = await DashboardSilo.StartAsync(cluster: cluster);
        await ClusterMembers.WaitUntilAsync(first.SiloEndpoint, DashboardSilo.ClusterSecret, silos => silos.Length == 2, TimeSpan.FromSeconds(30), Ct);

        // Companies owned by the second silo: their calls and activations are counted there, not on the first.
        var keys = Enumerable.Range(0, 3).Select(i => second.KeyOwnedHere($"owned-by-second-{i}")).ToList();
        foreach (var key in keys)
        {
            await first.ConfigureCompanyAsync(key);
        }

        using var http = first.NewHttpClient();
        await first.LogInAsync(http);
        var secondId = second.App.Services.GetRequiredService<LocalSiloDetails>().Address!.Id;

        var overview = await ReadUntilAsync(http, "overview", o => Silo(o, secondId) is { } s && s.GetProperty("activations").GetInt32() >= 3);
        Assert.Equal(2, overview.GetProperty("totals").GetProperty("silos").GetInt32());
        var silos = overview.GetProperty("silos").EnumerateArray().ToList();
        Assert.All(silos, s => Assert.Equal("Serving", s.GetProperty("status").GetString()));
        Assert.Single(silos, s => s.GetProperty("isThisSilo").GetBoolean());
        Assert.True(Silo(overview, secondId)!.Value.GetProperty("totalCalls").GetInt64() >= 3);
        Assert.True(overview.GetProperty("totals").GetProperty("totalCalls").GetInt64()
            >= silos.Sum(s => s.GetProperty("totalCalls").GetInt64()));

        var grains = await ReadUntilAsync(http, "grains", _ => true);
        var order = grains.GetProperty("silos").EnumerateArray().Select(s => s.GetString()).ToList();
        var company = grains.GetProperty("grainTypes").EnumerateArray().Single(t => t.GetProperty("grainType").GetString() == "company");
        Assert.True(company.GetProperty("perSilo")[order.IndexOf(secondId)].GetInt32() >= 3);
        var configure = grains.GetProperty("methods").EnumerateArray()
            .Single(m => m.GetProperty("grainInterface").GetString() == nameof(ICompanyGrain) && m.GetProperty("method").GetString() == nameof(ICompanyGrain.ConfigureAsync));
        Assert.True(configure.GetProperty("calls").GetInt64() >= 3);
        Assert.True(configure.GetProperty("p99Milliseconds").GetDouble() > 0);
    }

    private static JsonElement? Silo(JsonElement overview, string id) =>
        overview.GetProperty("silos").EnumerateArray().Where(s => s.GetProperty("silo").GetString() == id).Select(s => (JsonElement?)s).FirstOrDefault();

    /// <summary>Reads the page's event stream until a sample satisfies <paramref name="done"/> (samples come each second).</summary>
    private static async Task<JsonElement> ReadUntilAsync(HttpClient http, string page, Func<JsonElement, bool> done)
    {
        using var stream = await http.GetAsync($"api/{page}/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Ct));
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var sample = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                if (done(sample))
                {
                    return sample;
                }
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
