using System.Text.Json;
using BudgetActors.Erp;

namespace BudgetActors.Dashboard.Tests;

/// <summary>The ERP page's figures over HTTP (<c>api/erp</c> and its stream), against a silo with in-memory ERPs.</summary>
public sealed class ErpApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_erp_company_shows_the_companies_using_it_its_queue_and_the_call_in_flight_with_how_long_it_has_run()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await silo.SetUpCompanyAsync("acme", "001", ("tower-7", "24-001"));
        await silo.SetUpCompanyAsync("globex", "001");
        await silo.SetUpCompanyAsync("initech", "002");
        await silo.SendBudgetAsync("acme", "tower-7");
        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var stream = await LiveStream.OpenAsync(http, "erp");

        // The ERP holds the export: it stays the call in flight.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        silo.Spectrum!.PostingGate = gate;
        await silo.AcceptAsync("acme", "tower-7");

        var held = Gateway(await stream.UntilAsync(s => Gateway(s, "spectrum:001").GetProperty("inFlight").ValueKind == JsonValueKind.String), "spectrum:001");
        Assert.Equal("export acme:tower-7#1", held.GetProperty("inFlight").GetString());
        Assert.Equal(1, held.GetProperty("depth").GetInt32());
        Assert.Equal(["acme", "globex"], held.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        var heldFor = held.GetProperty("inFlightSeconds").GetDouble();
        var later = Gateway(await stream.UntilAsync(s => Gateway(s, "spectrum:001").GetProperty("inFlightSeconds").GetDouble() >= heldFor + 0.5), "spectrum:001");
        Assert.Equal("export acme:tower-7#1", later.GetProperty("inFlight").GetString());

        gate.SetResult();
        var done = await stream.UntilAsync(s => Gateway(s, "spectrum:001").GetProperty("completed").GetInt64() == 1);
        var spectrum = Gateway(done, "spectrum:001");
        Assert.Equal(JsonValueKind.Null, spectrum.GetProperty("inFlight").ValueKind);
        Assert.Equal(0, spectrum.GetProperty("depth").GetInt32());
        Assert.False(spectrum.GetProperty("circuitOpen").GetBoolean());
        Assert.Equal(["spectrum:001", "spectrum:002"], done.GetProperty("gateways").EnumerateArray().Select(g => g.GetProperty("gateway").GetString()));
        Assert.Equal(0, Gateway(done, "spectrum:002").GetProperty("completed").GetInt64());
    }

    [Fact]
    public async Task An_export_the_erp_refuses_is_listed_under_failed_to_export_with_the_erps_error()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await silo.SetUpCompanyAsync("acme", "001", ("tower-7", "24-001"), ("tower-8", "24-002"));
        await silo.SendBudgetAsync("acme", "tower-7");
        await silo.SendBudgetAsync("acme", "tower-8");
        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var stream = await LiveStream.OpenAsync(http, "erp");

        silo.Spectrum!.Company("001").FailNextCall(new ErpException(new ErpError("I", "Phase 05-100 is closed", "Phase"), isTransient: false));
        await silo.AcceptAsync("acme", "tower-7");
        await silo.AcceptAsync("acme", "tower-8");
        await stream.UntilAsync(s => Gateway(s, "spectrum:001").GetProperty("completed").GetInt64() == 2);

        using var answer = JsonDocument.Parse(await http.GetStringAsync("api/erp", Ct));
        var failed = Assert.Single(answer.RootElement.GetProperty("failedToExport").EnumerateArray());
        Assert.Equal(
            ("acme", "tower-7", 1, 465_500.50m, "I: Phase 05-100 is closed (Phase)"),
            (failed.GetProperty("companyId").GetString(), failed.GetProperty("projectId").GetString(), failed.GetProperty("submission").GetInt32(),
                failed.GetProperty("total").GetDecimal(), failed.GetProperty("error").GetString()));
        Assert.Equal("I: Phase 05-100 is closed (Phase)", Gateway(answer.RootElement, "spectrum:001").GetProperty("lastError").GetString());
    }

    private static JsonElement Gateway(JsonElement sample, string gateway) =>
        sample.GetProperty("gateways").EnumerateArray().Single(g => g.GetProperty("gateway").GetString() == gateway);
}
